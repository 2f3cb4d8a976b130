import { RISK_LEVELS, SUICIDE_RISK_FACTOR_QUESTIONS, type RiskAssessment, type RiskLevel, type SuicideRiskFactors } from "@waymark/core";
import { WarningText } from "../../../components/Banner.js";
import { ChoiceGroup, TextArea, YesNo } from "../../../components/Field.js";
import { displayDate } from "../../../components/formatting.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import { suicideRiskFactorsPresent, type PreviousRisk } from "./riskDraft.js";

type LevelQuestion = "selfHarmOrSuicide" | "overdose" | "toOthers" | "fromOthers" | "toChildren";

/** The suicide-risk questions as the form asks them, in the order of core's SUICIDE_RISK_FACTOR_QUESTIONS. */
const FACTOR_WORDING: Record<keyof SuicideRiskFactors, string> = {
  bereavement: "Has someone close to them died, including by suicide?",
  relationshipBreakdown: "Has a relationship of theirs broken down?",
  domesticOrSexualAbuseHistory: "Have they experienced domestic or sexual abuse at any time?",
  isCarer: "Are they a carer for someone?",
};

const RISK_LEVEL_OPTIONS = RISK_LEVELS.entries.map((entry) => ({ value: entry.code, label: entry.label }));

function joinedList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * The one risk assessment of R-RISK-1 and R-RISK-2, asked the same way at triage, at assessment and at every
 * review (R-RISK-3): risk to self (self-harm or suicide, overdose), to others, from others with domestic
 * abuse, to children, and the four circumstances linked to suicide. Every answer starts empty so each is a
 * decision; an earlier assessment's answers are shown as hints, not copied in. When any circumstance is
 * answered yes the form says, before saving, that a suicide-risk flag will be raised.
 */
export function RiskAssessmentFieldset(props: {
  formId: string;
  /** Where the risk assessment sits in the mutation's input ("risk"), so server errors land on its fields. */
  name: string;
  value: RiskAssessment;
  onChange: (next: RiskAssessment) => void;
  errors: FieldErrors;
  personName: string;
  previous?: PreviousRisk | null;
  /** Shown under the heading, for a form where the assessment may be left out entirely. */
  introduction?: string;
}) {
  const { formId, name, value, onChange, errors, personName, previous, introduction } = props;
  const lastTime = (answer: string | null) => (previous && answer ? `At the last risk assessment (${displayDate(previous.date)}): ${answer}` : undefined);
  const levelHint = (question: LevelQuestion) => {
    const level = previous?.risk[question];
    return lastTime(level ? RISK_LEVELS.labelOf(level) : null);
  };
  const yesNoHint = (answer: boolean | null | undefined) => lastTime(answer == null ? null : answer ? "Yes" : "No");

  const level = (question: LevelQuestion, label: string) => (
    <ChoiceGroup
      formId={formId}
      name={`${name}.${question}`}
      label={label}
      hint={levelHint(question)}
      error={errors[`${name}.${question}`]}
      type="radio"
      inline
      options={RISK_LEVEL_OPTIONS}
      selected={value[question] ? [value[question]] : []}
      onChange={([chosen]) => onChange({ ...value, [question]: (chosen as RiskLevel | undefined) ?? null })}
    />
  );
  const factorsPresent = suicideRiskFactorsPresent(value);
  const factorLabels = SUICIDE_RISK_FACTOR_QUESTIONS.filter((question) => factorsPresent.includes(question.key)).map((question) => question.label);

  return (
    <section className="journey-section" aria-labelledby={`${formId}-risk-heading`}>
      <h2 id={`${formId}-risk-heading`}>Risk assessment</h2>
      {introduction && <p>{introduction}</p>}
      <p className="hint">
        Ask every question, even where you expect the answer. Choose low, medium or high for each risk, and write down how it is being managed.
        {previous && ` Answers from the last risk assessment, on ${displayDate(previous.date)}, are shown under each question: ask again rather than copy them.`}
      </p>

      <h3 className="journey-subsection">Risk to self</h3>
      {level("selfHarmOrSuicide", "Self-harm or suicide")}
      {level("overdose", "Overdose")}

      <h3 className="journey-subsection">Risk to other people</h3>
      {level("toOthers", "Risk of harm to other people")}

      <h3 className="journey-subsection">Risk from other people</h3>
      {level("fromOthers", "Risk of harm from other people")}
      <YesNo
        formId={formId}
        name={`${name}.domesticAbuse`}
        label="Is domestic abuse happening, or suspected?"
        hint={yesNoHint(previous?.risk.domesticAbuse)}
        error={errors[`${name}.domesticAbuse`]}
        value={value.domesticAbuse}
        onChange={(domesticAbuse) => onChange({ ...value, domesticAbuse })}
      />

      <h3 className="journey-subsection">Risk to children</h3>
      {level("toChildren", "Risk of harm to children")}

      <h3 className="journey-subsection">Circumstances linked to suicide</h3>
      <p className="hint">These circumstances are linked to suicide among people known to treatment services. A yes to any of them raises a suicide-risk flag on the person’s record.</p>
      {SUICIDE_RISK_FACTOR_QUESTIONS.map((question) => (
        <YesNo
          key={question.key}
          formId={formId}
          name={`${name}.suicideFactors.${question.key}`}
          label={FACTOR_WORDING[question.key]}
          hint={yesNoHint(previous?.risk.suicideFactors[question.key])}
          error={errors[`${name}.suicideFactors.${question.key}`]}
          value={value.suicideFactors[question.key]}
          onChange={(answer) => onChange({ ...value, suicideFactors: { ...value.suicideFactors, [question.key]: answer } })}
        />
      ))}
      <div aria-live="polite">
        {factorsPresent.length > 0 && (
          <WarningText>
            {`Saving this will raise a suicide-risk flag for ${personName} (${joinedList(factorLabels)}). The caseload shows the flag until a later risk assessment records none of these circumstances.`}
          </WarningText>
        )}
      </div>

      <TextArea
        formId={formId}
        name={`${name}.notes`}
        label="Notes on risk and how it is managed (optional)"
        hint="For example, a safety plan agreed, naloxone offered, or a referral to another service."
        error={errors[`${name}.notes`]}
        value={value.notes ?? ""}
        onChange={(notes) => onChange({ ...value, notes })}
      />
    </section>
  );
}
