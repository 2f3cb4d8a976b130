import { ASSESSMENT_KINDS, checkAssessment, violationsOf, type AssessmentKind, type RiskAssessment } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { Button } from "../../../components/Button.js";
import { DateInput } from "../../../components/DateInput.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { ChoiceGroup } from "../../../components/Field.js";
import { useUnsavedChangesGuard } from "../../../components/useUnsavedChangesGuard.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import { personName } from "../../../components/personName.js";
import { serviceToday } from "../../../components/serviceToday.js";
import { NeedsFieldset } from "../needs/NeedsFieldset.js";
import { needsInput, type NeedsDraft } from "../needs/needsDraft.js";
import { latestRisk } from "../risk/latestRisk.js";
import { RiskAssessmentFieldset } from "../risk/RiskAssessmentFieldset.js";
import { riskInput, riskUntouched, UNANSWERED_RISK } from "../risk/riskDraft.js";
import { placeErrors } from "../shared/placeErrors.js";
import { saveFailureMessage } from "../shared/saveFailure.js";
import { useDraft } from "../shared/useDraft.js";
import { RECORD_ASSESSMENT, type AssessedEpisode, type RecordAssessmentInput, type RecordAssessmentResult, type RecordedAssessment } from "./assessmentDocuments.js";
import { NO_RECOVERY_CAPITAL, RecoveryCapitalFieldset, type RecoveryCapitalDraft } from "./RecoveryCapitalFieldset.js";

const FORM_ID = "assessment";
const KIND_OPTIONS = ASSESSMENT_KINDS.entries.filter((entry) => entry.code !== "TRIAGE").map((entry) => ({ value: entry.code, label: entry.label }));

interface AssessmentDraft {
  readonly kind: AssessmentKind;
  readonly date: string | null;
  readonly needs: NeedsDraft;
  readonly risk: RiskAssessment;
  readonly recoveryCapital: RecoveryCapitalDraft;
}

/**
 * A comprehensive assessment or a reassessment of a triaged episode (recordAssessment): needs by life domain,
 * the full risk assessment, and optionally a BARC-10 score. A comprehensive assessment must assess risk
 * (R-RISK-1); a reassessment may leave the risk questions all blank, but one begun must be finished.
 */
export function AssessmentForm({ episode, onSaved }: { episode: AssessedEpisode; onSaved: (assessment: RecordedAssessment) => void }) {
  const person = episode.serviceUser;
  const assessments = episode.assessments.edges.map((edge) => edge.node);
  const { draft, update, dirty } = useDraft<AssessmentDraft>(() => ({
    kind: assessments.some((assessment) => assessment.kind === "COMPREHENSIVE") ? "REASSESSMENT" : "COMPREHENSIVE",
    date: serviceToday(),
    needs: {},
    risk: UNANSWERED_RISK,
    recoveryCapital: NO_RECOVERY_CAPITAL,
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, recordAssessment] = useMutation<RecordAssessmentResult, { input: RecordAssessmentInput }>(RECORD_ASSESSMENT);
  useUnsavedChangesGuard(dirty);
  const previous = latestRisk([
    ...assessments,
    ...episode.reviews.edges.map((edge) => ({ date: edge.node.completedDate, risk: edge.node.risk })),
  ]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const risk = draft.kind === "REASSESSMENT" && riskUntouched(draft.risk) ? null : riskInput(draft.risk);
    const recoveryCapital = draft.recoveryCapital.taken ? { items: draft.recoveryCapital.items.map((item) => (item === "" ? 0 : Number(item))) } : null;
    const input: RecordAssessmentInput = { episodeId: episode.id, kind: draft.kind, date: draft.date ?? "", needs: needsInput(draft.needs), risk, recoveryCapital };
    const found = violationsOf(checkAssessment({ kind: input.kind, date: input.date, needs: draft.needs, risk, recoveryCapital }, episode, person.dateOfBirth, serviceToday()));
    if (found.length > 0) {
      setErrors(placeErrors(FORM_ID, found));
      return;
    }
    const result = await recordAssessment({ input });
    const payload = result.data?.recordAssessment;
    if (result.error || !payload) {
      setErrors({ "": result.error ? saveFailureMessage(result.error) : "Nothing was saved. Try again." });
      return;
    }
    if (payload.userErrors.length > 0 || !payload.assessment) {
      setErrors(placeErrors(FORM_ID, payload.userErrors));
      return;
    }
    onSaved(payload.assessment);
  };

  return (
    <>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ChoiceGroup
          formId={FORM_ID}
          name="kind"
          label="What kind of assessment is this?"
          hint="The comprehensive assessment leads to the full recovery plan. A reassessment records a later change in needs or risk."
          error={errors.kind}
          type="radio"
          options={KIND_OPTIONS}
          selected={[draft.kind]}
          onChange={([kind]) => update((current) => ({ ...current, kind: (kind as AssessmentKind | undefined) ?? current.kind }))}
        />
        <DateInput formId={FORM_ID} name="date" label="Date of the assessment" error={errors.date} value={draft.date} onChange={(date) => update((current) => ({ ...current, date }))} />
        <NeedsFieldset
          formId={FORM_ID}
          heading="Needs by life domain"
          hint="For each domain, record the level of need you found. Recovery support for a domain, such as housing support, needs an assessed need there."
          value={draft.needs}
          onChange={(needs) => update((current) => ({ ...current, needs }))}
          errors={errors}
        />
        <RiskAssessmentFieldset
          formId={FORM_ID}
          name="risk"
          value={draft.risk}
          onChange={(risk) => update((current) => ({ ...current, risk }))}
          errors={errors}
          personName={personName(person)}
          previous={previous}
          introduction={draft.kind === "REASSESSMENT" ? "A reassessment may leave risk out if it was not reassessed: leave every risk question blank. Once you answer one, answer them all." : undefined}
        />
        <RecoveryCapitalFieldset formId={FORM_ID} value={draft.recoveryCapital} onChange={(recoveryCapital) => update((current) => ({ ...current, recoveryCapital }))} errors={errors} />
        <div className="form-actions">
          <Button type="submit" busy={fetching}>
            Save assessment
          </Button>
        </div>
      </form>
    </>
  );
}
