import { BBV_STATUSES, checkHarmReduction, isOpen, NALOXONE_RECIPIENTS, violationsOf, type BbvStatus, type IsoDate, type NaloxoneRecipient } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { gql, useMutation, useQuery } from "urql";
import { Button } from "../../components/Button.js";
import { optionsOf } from "../../components/codeListOptions.js";
import { DateInput } from "../../components/DateInput.js";
import { EpisodeFormHeading, personRecordPath } from "../../components/EpisodeFormHeading.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { ChoiceGroup } from "../../components/Field.js";
import { LoadingRecord, RecordLoadFailed, RecordNotFound } from "../../components/RecordPageStates.js";
import { serviceToday } from "../../components/serviceToday.js";
import { useLeaveAfterSave } from "../../components/useLeaveAfterSave.js";
import { displayDate } from "../../components/formatting.js";
import { savedBannerState } from "../person/savedBanner.js";
import { fieldErrorsOf, type FieldErrors, type UserError } from "../../graphql/userErrors.js";
import { EPISODE_FOR_CONTACT, type EpisodeForContact } from "./contactQueries.js";

const RECORD_HARM_REDUCTION = gql<{ recordHarmReduction: { harmReductionRecord: { id: string } | null; userErrors: UserError[] } }, { input: object }>`
  mutation RecordHarmReduction($input: RecordHarmReductionInput!) {
    recordHarmReduction(input: $input) {
      harmReductionRecord { id }
      userErrors { code field message }
    }
  }
`;

const FORM_ID = "harm-reduction";
/** The radio for "nothing to record about this today", which the API takes as null. */
const NONE = "NONE";

interface HarmReductionFormState {
  readonly date: IsoDate | null;
  readonly naloxoneIssuedTo: NaloxoneRecipient | typeof NONE;
  readonly naloxoneTrainingGiven: boolean;
  readonly hepatitisBVaccination: BbvStatus | typeof NONE;
  readonly hepatitisCTest: BbvStatus | typeof NONE;
  readonly hivTest: BbvStatus | typeof NONE;
}

const BBV_QUESTIONS = [
  { name: "hepatitisBVaccination", label: "Hepatitis B vaccination" },
  { name: "hepatitisCTest", label: "Hepatitis C test" },
  { name: "hivTest", label: "HIV test" },
] as const;

const BBV_OPTIONS = [...optionsOf(BBV_STATUSES), { value: NONE, label: "Nothing to record this time" }];
const NALOXONE_OPTIONS = [...optionsOf(NALOXONE_RECIPIENTS).map((option) => ({ ...option, label: `Yes, to ${option.label.charAt(0).toLowerCase()}${option.label.slice(1)}` })), { value: NONE, label: "No" }];

const orNull = <T extends string>(value: T | typeof NONE): T | null => (value === NONE ? null : value);

/** Naloxone and blood-borne-virus work on one date, checked with core's checkHarmReduction before it is sent. */
function HarmReductionForm({ episode }: { episode: EpisodeForContact }) {
  const [initial] = useState<HarmReductionFormState>(() => ({ date: serviceToday(), naloxoneIssuedTo: NONE, naloxoneTrainingGiven: false, hepatitisBVaccination: NONE, hepatitisCTest: NONE, hivTest: NONE }));
  const [state, setState] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, record] = useMutation(RECORD_HARM_REDUCTION);
  const leave = useLeaveAfterSave(JSON.stringify(state) !== JSON.stringify(initial));
  const update = (change: Partial<HarmReductionFormState>) => setState((current) => ({ ...current, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const work = {
      date: state.date ?? "",
      naloxoneIssuedTo: orNull(state.naloxoneIssuedTo),
      naloxoneTrainingGiven: state.naloxoneTrainingGiven,
      hepatitisBVaccination: orNull(state.hepatitisBVaccination),
      hepatitisCTest: orNull(state.hepatitisCTest),
      hivTest: orNull(state.hivTest),
    };
    const found = fieldErrorsOf([
      ...(state.date === null ? [{ field: "date", message: "Enter the date the work was done." }] : []),
      ...violationsOf(checkHarmReduction(work, { episode, dateOfBirth: episode.serviceUser.dateOfBirth, today: serviceToday() })),
    ]);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await record({ input: { episodeId: episode.id, ...work } });
    const payload = result.data?.recordHarmReduction;
    if (!payload) return setErrors({ "": "The harm-reduction record could not be saved. Check your connection and try again." });
    if (payload.userErrors.length > 0) return setErrors(fieldErrorsOf(payload.userErrors));
    leave(personRecordPath(episode.serviceUser), savedBannerState("Harm reduction recorded", `For ${displayDate(work.date)}.`));
  };

  return (
    <>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DateInput formId={FORM_ID} name="date" label="Date" hint="Today's date is filled in. For example, 27 3 2025" value={state.date} error={errors.date} onChange={(date) => update({ date })} />
        <ChoiceGroup
          formId={FORM_ID}
          name="naloxoneIssuedTo"
          type="radio"
          label="Was naloxone issued?"
          options={NALOXONE_OPTIONS}
          selected={[state.naloxoneIssuedTo]}
          error={errors.naloxoneIssuedTo}
          onChange={([choice]) => update({ naloxoneIssuedTo: (choice ?? NONE) as HarmReductionFormState["naloxoneIssuedTo"] })}
        />
        <ChoiceGroup
          formId={FORM_ID}
          name="naloxoneTrainingGiven"
          type="checkbox"
          label="Naloxone training"
          options={[{ value: "given", label: "Naloxone training was given" }]}
          selected={state.naloxoneTrainingGiven ? ["given"] : []}
          error={errors.naloxoneTrainingGiven}
          onChange={(selected) => update({ naloxoneTrainingGiven: selected.includes("given") })}
        />
        {BBV_QUESTIONS.map((question) => (
          <ChoiceGroup
            key={question.name}
            formId={FORM_ID}
            name={question.name}
            type="radio"
            label={question.label}
            options={BBV_OPTIONS}
            selected={[state[question.name]]}
            error={errors[question.name]}
            onChange={([choice]) => update({ [question.name]: (choice ?? NONE) as BbvStatus | typeof NONE })}
          />
        ))}
        <Button type="submit" busy={fetching}>
          Save harm reduction
        </Button>
      </form>
    </>
  );
}

/** /episodes/:episodeId/harm-reduction — record naloxone, naloxone training and blood-borne-virus work. */
export function RecordHarmReductionPage() {
  const { episodeId = "" } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: EPISODE_FOR_CONTACT, variables: { id: episodeId }, requestPolicy: "network-only" });
  if (fetching && !data) return <LoadingRecord />;
  if (error && !data) return <RecordLoadFailed retry={() => reload()} />;
  const episode = data?.episode;
  if (!episode) return <RecordNotFound what="episode" />;
  return (
    <div className="record-form">
      <EpisodeFormHeading episode={episode} title="Record harm reduction" />
      {isOpen(episode) ? (
        <HarmReductionForm episode={episode} />
      ) : (
        <>
          <p className="inset">This episode has ended, so harm-reduction work can no longer be added to it.</p>
          <Link to={personRecordPath(episode.serviceUser)}>Back to the person's record</Link>
        </>
      )}
    </div>
  );
}
