import type { Role } from "../codes/clinical.js";
import { isIsoDate, type IsoDate } from "../dates/isoDate.js";
import type { Assessment } from "../records/assessment.js";
import { inForce } from "../records/common.js";
import type { Episode } from "../records/episode.js";
import type { Goal, PersonalBudget, RecoveryPlan } from "../records/recoveryPlan.js";
import { transition } from "../journey/journey.js";
import { clinicalDateViolations } from "./clinicalDates.js";
import { INPUT_CODES, RULE_CODES } from "./ruleCodes.js";
import { resultOf, violation, type RuleResult, type Violation } from "./violation.js";

const NOT_SIGNED_OFF = RULE_CODES["R-PLAN-1"];

/** Roles that may sign a full plan off as its assessor (R-PLAN-1). */
export const PLAN_SIGN_OFF_ROLES: readonly Role[] = ["PRACTITIONER", "TEAM_LEAD"];

export type RecoveryPlanInput = Pick<
  RecoveryPlan,
  "kind" | "startDate" | "agreedWithServiceUser" | "signedOffById" | "signedOffDate" | "personalBudget" | "reviewIntervalWeeks"
> & { readonly goals: readonly Omit<Goal, "id">[] };

/** R-PLAN-2: the lines of a personal budget may not add up to more than its allocation. */
export function checkPersonalBudget(budget: PersonalBudget | null): RuleResult {
  if (!budget) return resultOf([]);
  const shape: Violation[] = [];
  if (!Number.isInteger(budget.allocatedPence) || budget.allocatedPence < 0) {
    shape.push(violation(INPUT_CODES.invalidValue, "personalBudget.allocatedPence", "The allocation must be an amount of money of zero or more."));
  }
  budget.lines.forEach((line, index) => {
    if (!line.item.trim()) shape.push(violation(INPUT_CODES.required, `personalBudget.lines.${index}.item`, "Say what this budget line pays for."));
    if (!Number.isInteger(line.costPence) || line.costPence < 0) {
      shape.push(violation(INPUT_CODES.invalidValue, `personalBudget.lines.${index}.costPence`, "The cost must be an amount of money of zero or more."));
    }
  });
  if (shape.length > 0) return resultOf(shape);
  const spentPence = budget.lines.reduce((total, line) => total + line.costPence, 0);
  if (spentPence <= budget.allocatedPence) return resultOf([]);
  const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;
  return resultOf([
    violation(
      RULE_CODES["R-PLAN-2"],
      "personalBudget.lines",
      `The budget lines add up to ${pounds(spentPence)}, which is ${pounds(spentPence - budget.allocatedPence)} more than the ${pounds(budget.allocatedPence)} allocated. Reduce the lines or raise the allocation.`,
    ),
  ]);
}

function goalViolations(goals: RecoveryPlanInput["goals"], startDate: IsoDate): Violation[] {
  return goals.flatMap((goal, index) => {
    const found: Violation[] = [];
    if (!goal.description.trim()) found.push(violation(INPUT_CODES.required, `goals.${index}.description`, "Describe the goal in the person's words."));
    if (goal.targetDate !== null && (!isIsoDate(goal.targetDate) || (isIsoDate(startDate) && goal.targetDate < startDate))) {
      found.push(violation(RULE_CODES["R-DATE-1"], `goals.${index}.targetDate`, "The target date must be a real date on or after the plan's start date."));
    }
    return found;
  });
}

/** The assessment a plan of this kind follows: a triage for an interim plan, a comprehensive one for a full plan. */
function precedingAssessmentViolations(input: RecoveryPlanInput, assessments: readonly Assessment[]): Violation[] {
  const neededKind = input.kind === "INTERIM" ? "TRIAGE" : "COMPREHENSIVE";
  const found = inForce(assessments).some((assessment) => assessment.kind === neededKind && assessment.date <= input.startDate);
  if (found) return [];
  const message =
    input.kind === "INTERIM"
      ? "An interim plan follows triage: record the triage first."
      : "A full recovery plan follows a comprehensive assessment: record the comprehensive assessment first.";
  return [violation(NOT_SIGNED_OFF, "kind", message)];
}

function signOffViolations(input: RecoveryPlanInput, signerRoles: readonly Role[] | null): Violation[] {
  if (input.kind !== "FULL") return [];
  const found: Violation[] = [];
  if (input.goals.length === 0) found.push(violation(NOT_SIGNED_OFF, "goals", "A full plan needs at least one goal agreed with the person."));
  if (!input.agreedWithServiceUser) {
    found.push(violation(NOT_SIGNED_OFF, "agreedWithServiceUser", "Confirm the person has agreed the plan before it is signed off."));
  }
  if (!input.signedOffById || !input.signedOffDate) {
    found.push(violation(NOT_SIGNED_OFF, "signedOffById", "A full plan must be signed off by the assessor (a practitioner or team lead)."));
  } else if (!signerRoles || !signerRoles.some((role) => PLAN_SIGN_OFF_ROLES.includes(role))) {
    found.push(violation(NOT_SIGNED_OFF, "signedOffById", "Only a practitioner or team lead can sign off a recovery plan."));
  } else if (input.signedOffDate < input.startDate) {
    found.push(violation(RULE_CODES["R-DATE-1"], "signedOffDate", "The sign-off date cannot be before the plan's start date."));
  }
  return found;
}

/**
 * R-PLAN-1 and R-PLAN-2: an interim plan follows triage; a full plan follows a comprehensive assessment and
 * needs a goal, the person's agreement and an assessor's sign-off; a budget stays within its allocation.
 * `signerRoles` are the roles of `signedOffById`, looked up by the caller.
 */
export function checkRecoveryPlan(
  input: RecoveryPlanInput,
  context: {
    readonly episode: Pick<Episode, "status" | "referral">;
    readonly assessments: readonly Assessment[];
    readonly signerRoles: readonly Role[] | null;
    readonly dateOfBirth: IsoDate;
    readonly today: IsoDate;
  },
): RuleResult {
  const bounds = { today: context.today, dateOfBirth: context.dateOfBirth, referralDate: context.episode.referral.receivedDate };
  const stateViolations: Violation[] = [];
  if (input.kind === "FULL") {
    const allowed = transition(context.episode.status, { kind: "SIGN_OFF_FULL_PLAN" });
    if (!allowed.ok) stateViolations.push({ ...allowed.violation, field: "kind" });
  } else if (!["TRIAGED", "ASSESSED", "IN_TREATMENT"].includes(context.episode.status)) {
    stateViolations.push(violation(INPUT_CODES.transitionNotAllowed, "kind", "An interim plan can be made only for an open episode after triage."));
  }
  const intervalViolations =
    Number.isInteger(input.reviewIntervalWeeks) && input.reviewIntervalWeeks >= 1 && input.reviewIntervalWeeks <= 52
      ? []
      : [violation(INPUT_CODES.invalidValue, "reviewIntervalWeeks", "The review interval must be a whole number of weeks from 1 to 52.")];
  const budget = checkPersonalBudget(input.personalBudget);
  return resultOf([
    ...stateViolations,
    ...clinicalDateViolations("startDate", input.startDate, bounds, "The plan's start date"),
    ...(input.signedOffDate ? clinicalDateViolations("signedOffDate", input.signedOffDate, bounds, "The sign-off date") : []),
    ...precedingAssessmentViolations(input, context.assessments),
    ...goalViolations(input.goals, input.startDate),
    ...signOffViolations(input, context.signerRoles),
    ...intervalViolations,
    ...(budget.ok ? [] : budget.violations),
  ]);
}
