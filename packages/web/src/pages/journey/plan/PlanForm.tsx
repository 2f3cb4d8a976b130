import { checkRecoveryPlan, INPUT_CODES, PLAN_KINDS, violationsOf, type EpisodeStatus, type IsoDate, type PlanKind, type Role, type Violation } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { Button } from "../../../components/Button.js";
import { DateInput } from "../../../components/DateInput.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { ChoiceGroup } from "../../../components/Field.js";
import { useUnsavedChangesGuard } from "../../../components/useUnsavedChangesGuard.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import { isClinician, useSession } from "../../../session/SessionContext.js";
import { serviceToday } from "../../../components/serviceToday.js";
import { GoalsFieldset } from "../goals/GoalsFieldset.js";
import { emptyGoal, goalDomainViolations, goalsInput, goalsToSave, type GoalDraft } from "../goals/goalDraft.js";
import { assessmentStub } from "../shared/assessmentStub.js";
import { placeErrors } from "../shared/placeErrors.js";
import { saveFailureMessage } from "../shared/saveFailure.js";
import { useDraft } from "../shared/useDraft.js";
import { useTeamClinicians, type Clinician } from "../shared/useTeamClinicians.js";
import { NO_BUDGET, personalBudgetOf, type BudgetDraft } from "./budgetDraft.js";
import { PersonalBudgetFieldset } from "./PersonalBudgetFieldset.js";
import { AGREE_RECOVERY_PLAN, type AgreedPlan, type AgreeRecoveryPlanInput, type AgreeRecoveryPlanResult, type PlannedEpisode } from "./planDocuments.js";
import { SignOffFieldset } from "./SignOffFieldset.js";

const FORM_ID = "plan";

interface PlanDraft {
  readonly kind: PlanKind;
  readonly startDate: IsoDate | null;
  readonly goals: readonly GoalDraft[];
  readonly agreedWithServiceUser: boolean;
  readonly signedOffById: string;
  readonly signedOffDate: IsoDate | null;
  readonly budget: BudgetDraft;
}

/**
 * Agrees a recovery plan (agreeRecoveryPlan): interim after triage, full after the comprehensive assessment
 * with at least one goal, the person's agreement and an assessor's sign-off (R-PLAN-1), and a personal budget
 * whose lines stay within the allocation (R-PLAN-2). Core's checkRecoveryPlan, the server's own check, runs
 * first with the same messages.
 */
export function PlanForm({ episode, onSaved }: { episode: PlannedEpisode; onSaved: (plan: AgreedPlan, episodeStatus: EpisodeStatus | null) => void }) {
  const { staff } = useSession();
  const assessments = episode.assessments.edges.map((edge) => edge.node);
  const { draft, update, dirty } = useDraft<PlanDraft>(() => ({
    kind: assessments.some((assessment) => assessment.kind === "COMPREHENSIVE") ? "FULL" : "INTERIM",
    startDate: serviceToday(),
    goals: [emptyGoal()],
    agreedWithServiceUser: false,
    signedOffById: isClinician(staff) ? (staff?.id ?? "") : "",
    signedOffDate: serviceToday(),
    budget: NO_BUDGET,
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, agreeRecoveryPlan] = useMutation<AgreeRecoveryPlanResult, { input: AgreeRecoveryPlanInput }>(AGREE_RECOVERY_PLAN);
  useUnsavedChangesGuard(dirty);

  const { clinicians } = useTeamClinicians(episode.team.id);
  // Whoever is signed in can sign as assessor when a clinician, even covering a team they are not in.
  const assessors: readonly Clinician[] =
    staff && isClinician(staff) && !clinicians.some((clinician) => clinician.id === staff.id)
      ? [...clinicians, { id: staff.id, name: staff.name, roles: staff.roles as readonly Role[] }]
      : clinicians;

  const check = (): { input: AgreeRecoveryPlanInput | null; violations: Violation[] } => {
    const goals = goalsToSave(draft.goals);
    const violations: Violation[] = goalDomainViolations(goals, "goals");
    const budget = personalBudgetOf(draft.budget);
    violations.push(...budget.violations);
    if (draft.signedOffById && !draft.signedOffDate) violations.push({ code: INPUT_CODES.required, field: "signedOffDate", message: "Enter the date the plan was signed off." });
    if (violations.length > 0) return { input: null, violations };
    const input: AgreeRecoveryPlanInput = {
      episodeId: episode.id,
      kind: draft.kind,
      startDate: draft.startDate ?? "",
      goals: goalsInput(goals),
      agreedWithServiceUser: draft.agreedWithServiceUser,
      signedOffById: draft.signedOffById || null,
      signedOffDate: draft.signedOffById ? draft.signedOffDate : null,
      personalBudget: budget.budget,
    };
    const signer = assessors.find((assessor) => assessor.id === input.signedOffById);
    const planCheck = checkRecoveryPlan(
      { ...input, goals: input.goals.map((goal) => ({ ...goal, status: "OPEN" as const })), reviewIntervalWeeks: episode.team.reviewIntervalWeeks },
      {
        episode,
        assessments: assessments.map((assessment) => assessmentStub(assessment.kind, assessment.date, assessment.id)),
        signerRoles: signer?.roles ?? null,
        dateOfBirth: episode.serviceUser.dateOfBirth,
        today: serviceToday(),
      },
    );
    const found = violationsOf(planCheck);
    return found.length > 0 ? { input: null, violations: [...found] } : { input, violations: [] };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, violations } = check();
    if (!input) {
      setErrors(placeErrors(FORM_ID, violations));
      return;
    }
    const result = await agreeRecoveryPlan({ input });
    const payload = result.data?.agreeRecoveryPlan;
    if (result.error || !payload) {
      setErrors({ "": result.error ? saveFailureMessage(result.error) : "Nothing was saved. Try again." });
      return;
    }
    if (payload.userErrors.length > 0 || !payload.recoveryPlan) {
      setErrors(placeErrors(FORM_ID, payload.userErrors));
      return;
    }
    onSaved(payload.recoveryPlan, payload.episode?.status ?? null);
  };

  return (
    <>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ChoiceGroup
          formId={FORM_ID}
          name="kind"
          label="Which plan is this?"
          hint="An interim plan follows triage. The full recovery action plan follows the comprehensive assessment."
          error={errors.kind}
          type="radio"
          options={PLAN_KINDS.entries.map((entry) => ({ value: entry.code, label: entry.label }))}
          selected={[draft.kind]}
          onChange={([kind]) => update((current) => ({ ...current, kind: (kind as PlanKind | undefined) ?? current.kind }))}
        />
        <DateInput formId={FORM_ID} name="startDate" label="Date the plan starts" error={errors.startDate} value={draft.startDate} onChange={(startDate) => update((current) => ({ ...current, startDate }))} />
        <section className="journey-section" aria-labelledby={`${FORM_ID}-goals-heading`}>
          <h2 id={`${FORM_ID}-goals-heading`}>Goals</h2>
          <GoalsFieldset
            formId={FORM_ID}
            name="goals"
            hint={draft.kind === "FULL" ? "A full plan needs at least one goal agreed with the person." : "What the person wants to work on while the comprehensive assessment is arranged."}
            goals={draft.goals}
            onChange={(goals) => update((current) => ({ ...current, goals }))}
            errors={errors}
          />
          <ChoiceGroup
            formId={FORM_ID}
            name="agreedWithServiceUser"
            label="Agreement"
            hint={draft.kind === "FULL" ? "A full plan can be signed off only once the person has agreed it." : undefined}
            error={errors.agreedWithServiceUser}
            type="checkbox"
            options={[{ value: "agreed", label: "The person has agreed this plan" }]}
            selected={draft.agreedWithServiceUser ? ["agreed"] : []}
            onChange={(selected) => update((current) => ({ ...current, agreedWithServiceUser: selected.includes("agreed") }))}
          />
        </section>
        <PersonalBudgetFieldset formId={FORM_ID} value={draft.budget} onChange={(budget) => update((current) => ({ ...current, budget }))} errors={errors} />
        <SignOffFieldset
          formId={FORM_ID}
          kind={draft.kind}
          assessors={assessors}
          currentStaffId={staff?.id}
          signedOffById={draft.signedOffById}
          signedOffDate={draft.signedOffDate}
          onChange={(signOff) => update((current) => ({ ...current, ...signOff }))}
          team={episode.team}
          errors={errors}
        />
        <div className="form-actions">
          <Button type="submit" busy={fetching}>
            {draft.kind === "FULL" ? "Agree and sign off the plan" : "Save the interim plan"}
          </Button>
        </div>
      </form>
    </>
  );
}
