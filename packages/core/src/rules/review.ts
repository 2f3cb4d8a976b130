import { GOAL_STATUSES } from "../codes/clinical.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { RiskAssessment } from "../records/assessment.js";
import { isOpen, type Episode } from "../records/episode.js";
import type { GoalProgress, RecoveryPlan } from "../records/recoveryPlan.js";
import { clinicalDateViolations } from "./clinicalDates.js";
import { INPUT_CODES, RULE_CODES } from "./ruleCodes.js";
import { riskAssessmentViolations } from "./risk.js";
import { resultOf, violation, type RuleResult, type Violation } from "./violation.js";

export interface ReviewInput {
  readonly completedDate: IsoDate;
  readonly goalProgress: readonly GoalProgress[];
  readonly risk: RiskAssessment | null;
}

/**
 * R-REV-3: a review is completed only for an open episode and a signed-off plan, on or after the sign-off.
 * R-RISK-3: every review re-assesses risk with the full set of questions. Goal progress must be about the
 * plan's own goals.
 */
export function checkReview(
  input: ReviewInput,
  context: {
    readonly plan: Pick<RecoveryPlan, "signedOffDate" | "goals">;
    readonly episode: Pick<Episode, "status" | "referral">;
    readonly dateOfBirth: IsoDate;
    readonly today: IsoDate;
  },
): RuleResult {
  const notAllowed = RULE_CODES["R-REV-3"];
  const stateViolations: Violation[] = [];
  if (!isOpen(context.episode)) {
    stateViolations.push(violation(notAllowed, "planId", "This episode is closed, so its plan can no longer be reviewed."));
  } else if (!context.plan.signedOffDate) {
    stateViolations.push(violation(notAllowed, "planId", "This plan has not been signed off yet. Sign the plan off before reviewing it."));
  } else if (input.completedDate < context.plan.signedOffDate) {
    stateViolations.push(violation(notAllowed, "completedDate", "A review cannot be dated before the plan was signed off."));
  }
  const goalIds = new Set(context.plan.goals.map((goal) => goal.id));
  const progressViolations = input.goalProgress.flatMap((progress, index) => {
    if (!goalIds.has(progress.goalId)) return [violation(INPUT_CODES.invalidValue, `goalProgress.${index}.goalId`, "This goal is not part of the plan being reviewed.")];
    if (!GOAL_STATUSES.includes(progress.status)) return [violation(INPUT_CODES.invalidValue, `goalProgress.${index}.status`, "Choose open, achieved or dropped.")];
    return [];
  });
  const bounds = { today: context.today, dateOfBirth: context.dateOfBirth, referralDate: context.episode.referral.receivedDate };
  return resultOf([
    ...stateViolations,
    ...clinicalDateViolations("completedDate", input.completedDate, bounds, "The review date"),
    ...riskAssessmentViolations(input.risk),
    ...progressViolations,
  ]);
}
