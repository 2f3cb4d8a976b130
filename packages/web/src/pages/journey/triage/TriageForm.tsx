import { checkAssessment, checkRecoveryPlan, INJECTING_STATUSES, INPUT_CODES, violationsOf, type InjectingStatus, type RiskAssessment, type Violation } from "@waymark/core";
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
import { goalDomainViolations, goalsInput, goalsToSave } from "../goals/goalDraft.js";
import { NeedsFieldset } from "../needs/NeedsFieldset.js";
import { needsInput, type NeedsDraft } from "../needs/needsDraft.js";
import { RiskAssessmentFieldset } from "../risk/RiskAssessmentFieldset.js";
import { riskInput, UNANSWERED_RISK } from "../risk/riskDraft.js";
import { assessmentStub } from "../shared/assessmentStub.js";
import type { JourneyEpisode } from "../shared/episodeContext.js";
import { placeErrors } from "../shared/placeErrors.js";
import { saveFailureMessage } from "../shared/saveFailure.js";
import { useDraft } from "../shared/useDraft.js";
import { InterimPlanFieldset, type InterimPlanDraft } from "./InterimPlanFieldset.js";
import { ProblemSubstancesFieldset } from "./ProblemSubstancesFieldset.js";
import { EMPTY_SUBSTANCE_ROWS, problemSubstancesOf, type SubstanceRow } from "./substanceDraft.js";
import { RECORD_TRIAGE, type RecordTriageInput, type RecordTriageResult, type TriagedEpisode } from "./triageDocuments.js";

const FORM_ID = "triage";

interface TriageDraft {
  readonly date: string | null;
  readonly substances: readonly SubstanceRow[];
  readonly injectingStatus: InjectingStatus | "";
  readonly needs: NeedsDraft;
  readonly risk: RiskAssessment;
  readonly interimPlan: InterimPlanDraft;
}

/**
 * The triage (initial assessment) of a referred episode (recordTriage): problem substances, injecting status,
 * urgent needs, the full risk assessment (R-RISK-1, R-RISK-2) and, when one was agreed, the interim plan.
 * The same core rules the server runs are checked first, so every unanswered risk question is named in the
 * error summary before anything is sent.
 */
export function TriageForm({ episode, onSaved }: { episode: JourneyEpisode; onSaved: (episode: TriagedEpisode) => void }) {
  const person = episode.serviceUser;
  const { draft, update, dirty } = useDraft<TriageDraft>(() => ({
    date: serviceToday(),
    substances: EMPTY_SUBSTANCE_ROWS,
    injectingStatus: "",
    needs: {},
    risk: UNANSWERED_RISK,
    interimPlan: { agreedAtTriage: null, startDate: serviceToday(), goals: [], agreedWithServiceUser: false },
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, recordTriage] = useMutation<RecordTriageResult, { input: RecordTriageInput }>(RECORD_TRIAGE);
  useUnsavedChangesGuard(dirty);

  const check = (): { input: RecordTriageInput | null; violations: Violation[] } => {
    const today = serviceToday();
    const date = draft.date ?? "";
    const substances = problemSubstancesOf(draft.substances, person.dateOfBirth, date);
    const assessment = checkAssessment({ kind: "TRIAGE", date, needs: draft.needs, risk: draft.risk, recoveryCapital: null }, episode, person.dateOfBirth, today);
    const violations: Violation[] = [
      ...violationsOf(assessment),
      ...substances.violations,
      ...(draft.injectingStatus ? [] : [{ code: INPUT_CODES.required, field: "injectingStatus", message: "Record whether the person injects, or that they declined to say." }]),
    ];
    const plan = draft.interimPlan;
    let interimPlan: RecordTriageInput["interimPlan"] = null;
    if (plan.agreedAtTriage) {
      const goals = goalsToSave(plan.goals);
      const goalIssues = goalDomainViolations(goals, "interimPlan.goals");
      violations.push(...goalIssues);
      if (goalIssues.length === 0) {
        interimPlan = { startDate: plan.startDate ?? "", goals: goalsInput(goals), agreedWithServiceUser: plan.agreedWithServiceUser };
        const planCheck = checkRecoveryPlan(
          { kind: "INTERIM", ...interimPlan, goals: interimPlan.goals.map((goal) => ({ ...goal, status: "OPEN" as const })), signedOffById: null, signedOffDate: null, personalBudget: null, reviewIntervalWeeks: episode.team.reviewIntervalWeeks },
          // The plan is checked as it will stand: after this triage.
          { episode: { ...episode, status: "TRIAGED" }, assessments: [assessmentStub("TRIAGE", date, "triage being recorded")], signerRoles: null, dateOfBirth: person.dateOfBirth, today },
        );
        violations.push(...violationsOf(planCheck).map((violation) => ({ ...violation, field: `interimPlan.${violation.field}` })));
      }
    }
    if (violations.length > 0 || !draft.injectingStatus) return { input: null, violations };
    return {
      input: { episodeId: episode.id, date, problemSubstances: substances.substances, injectingStatus: draft.injectingStatus, needs: needsInput(draft.needs), risk: riskInput(draft.risk), interimPlan },
      violations: [],
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, violations } = check();
    if (!input) {
      setErrors(placeErrors(FORM_ID, violations));
      return;
    }
    const result = await recordTriage({ input });
    const payload = result.data?.recordTriage;
    if (result.error || !payload) {
      setErrors({ "": result.error ? saveFailureMessage(result.error) : "Nothing was saved. Try again." });
      return;
    }
    if (payload.userErrors.length > 0 || !payload.episode) {
      setErrors(placeErrors(FORM_ID, payload.userErrors));
      return;
    }
    onSaved(payload.episode);
  };

  return (
    <>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DateInput formId={FORM_ID} name="date" label="Date of the triage" error={errors.date} value={draft.date} onChange={(date) => update((current) => ({ ...current, date }))} />
        <ProblemSubstancesFieldset formId={FORM_ID} rows={draft.substances} onChange={(substances) => update((current) => ({ ...current, substances }))} errors={errors} />
        <ChoiceGroup
          formId={FORM_ID}
          name="injectingStatus"
          label="Does the person inject?"
          error={errors.injectingStatus}
          type="radio"
          options={INJECTING_STATUSES.entries.map((entry) => ({ value: entry.code, label: entry.label }))}
          selected={draft.injectingStatus ? [draft.injectingStatus] : []}
          onChange={([injectingStatus]) => update((current) => ({ ...current, injectingStatus: (injectingStatus as InjectingStatus | undefined) ?? "" }))}
        />
        <NeedsFieldset
          formId={FORM_ID}
          heading="Needs found at triage"
          hint="Record the needs that came up, especially urgent ones. The comprehensive assessment looks at every domain in depth."
          value={draft.needs}
          onChange={(needs) => update((current) => ({ ...current, needs }))}
          errors={errors}
        />
        <RiskAssessmentFieldset formId={FORM_ID} name="risk" value={draft.risk} onChange={(risk) => update((current) => ({ ...current, risk }))} errors={errors} personName={personName(person)} />
        <InterimPlanFieldset formId={FORM_ID} value={draft.interimPlan} onChange={(interimPlan) => update((current) => ({ ...current, interimPlan }))} errors={errors} />
        <div className="form-actions">
          <Button type="submit" busy={fetching}>
            Save triage
          </Button>
        </div>
      </form>
    </>
  );
}
