import { TOP_STAGES, type OutcomeStarArea, type Referral, type TopStage, type TopSubstance } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { gql, useMutation } from "urql";
import { Button } from "../../components/Button.js";
import { optionsOf } from "../../components/codeListOptions.js";
import { DateInput } from "../../components/DateInput.js";
import { personRecordPath, type EpisodeHeadingData } from "../../components/EpisodeFormHeading.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { ChoiceGroup } from "../../components/Field.js";
import { serviceToday } from "../../components/serviceToday.js";
import { useLeaveAfterSave } from "../../components/useLeaveAfterSave.js";
import { displayDate } from "../../components/formatting.js";
import { savedBannerState } from "../person/savedBanner.js";
import { fieldErrorsOf, type FieldErrors, type UserError } from "../../graphql/userErrors.js";
import { OutcomeStarFields } from "./OutcomeStarFields.js";
import { TopCountRow, TopYesNoRow } from "./TopAnswerRow.js";
import { EMPTY_TOP, recordOutcomeInput, topErrors, type TopFormState } from "./topAnswers.js";
import { TOP_SECTIONS } from "./topQuestions.js";

const RECORD_OUTCOME = gql<{ recordOutcome: { outcomeRecord: { id: string } | null; userErrors: UserError[] } }, { input: object }>`
  mutation RecordOutcome($input: RecordOutcomeInput!) {
    recordOutcome(input: $input) {
      outcomeRecord { id }
      userErrors { code field message }
    }
  }
`;

const FORM_ID = "top";

export type EpisodeForOutcome = EpisodeHeadingData & { readonly referral: Referral };

/**
 * The Treatment Outcomes Profile. Every answer is a value or marked not disclosed; core's checkOutcomeRecord
 * runs before sending, so a value out of range is named at its field before the server sees it.
 */
export function OutcomeForm({ episode }: { episode: EpisodeForOutcome }) {
  const [initial] = useState<TopFormState>(() => ({ ...EMPTY_TOP, date: serviceToday() }));
  const [state, setState] = useState<TopFormState>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, record] = useMutation(RECORD_OUTCOME);
  const leave = useLeaveAfterSave(JSON.stringify(state) !== JSON.stringify(initial));

  const update = (change: Partial<TopFormState>) => setState((current) => ({ ...current, ...change }));
  const answer = (path: string, text: string) => setState((current) => ({ ...current, answers: { ...current.answers, [path]: text } }));
  const markNotDisclosed = (path: string, notDisclosed: boolean) =>
    setState((current) => ({
      ...current,
      notDisclosed: notDisclosed ? [...new Set([...current.notDisclosed, path])] : current.notDisclosed.filter((entry) => entry !== path),
    }));
  const typicalAmount = (substance: TopSubstance, text: string) => setState((current) => ({ ...current, typicalAmounts: { ...current.typicalAmounts, [substance]: text } }));
  const starScore = (area: OutcomeStarArea, text: string) => setState((current) => ({ ...current, outcomeStar: { ...current.outcomeStar, [area]: text } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = topErrors(state, { episode, dateOfBirth: episode.serviceUser.dateOfBirth, today: serviceToday() });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await record({ input: recordOutcomeInput(episode.id, state) });
    const payload = result.data?.recordOutcome;
    if (!payload) return setErrors({ "": "The TOP could not be saved. Check your connection and try again." });
    if (payload.userErrors.length > 0) return setErrors(fieldErrorsOf(payload.userErrors));
    leave(personRecordPath(episode.serviceUser), savedBannerState("TOP recorded", `${TOP_STAGES.labelOf(state.stage as TopStage)} TOP, taken ${displayDate(state.date)}.`));
  };

  return (
    <>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ChoiceGroup
          formId={FORM_ID}
          name="stage"
          type="radio"
          label="Stage"
          hint="A start TOP when structured treatment begins, a review TOP every 6 months, an exit TOP at discharge."
          options={optionsOf(TOP_STAGES)}
          selected={state.stage === "" ? [] : [state.stage]}
          error={errors.stage}
          onChange={([stage]) => update({ stage: (stage ?? "") as TopStage })}
        />
        <DateInput formId={FORM_ID} name="date" label="Date the TOP was taken" hint="Today's date is filled in. For example, 27 3 2025" value={state.date} error={errors.date} onChange={(date) => update({ date })} />
        {TOP_SECTIONS.map((section) => (
          <fieldset className="fieldset record-section" key={section.id}>
            <legend className="record-legend--section">
              <h2 className="record-legend__heading">{section.title}</h2>
            </legend>
            <p className="hint">{section.hint}</p>
            {section.questions.map((question) => {
              const common = {
                formId: FORM_ID,
                answer: state.answers[question.path] ?? "",
                notDisclosed: state.notDisclosed.includes(question.path),
                error: errors[question.path],
                onAnswer: (text: string) => answer(question.path, text),
                onNotDisclosed: (notDisclosed: boolean) => markNotDisclosed(question.path, notDisclosed),
              };
              if (question.kind === "yesNo") return <TopYesNoRow key={question.path} question={question} {...common} />;
              const substance = question.substance;
              return (
                <TopCountRow
                  key={question.path}
                  question={question}
                  {...common}
                  typicalAmount={substance ? state.typicalAmounts[substance] : undefined}
                  onTypicalAmount={substance ? (text) => typicalAmount(substance, text) : undefined}
                />
              );
            })}
          </fieldset>
        ))}
        <OutcomeStarFields formId={FORM_ID} taken={state.outcomeStarTaken} scores={state.outcomeStar} errors={errors} onTaken={(outcomeStarTaken) => update({ outcomeStarTaken })} onScore={starScore} />
        <Button type="submit" busy={fetching}>
          Save TOP
        </Button>
      </form>
    </>
  );
}
