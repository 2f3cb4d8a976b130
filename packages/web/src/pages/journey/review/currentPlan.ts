import type { ReviewablePlan } from "./reviewDocuments.js";

/**
 * The plan under review: the signed-off plan signed off last (ties to the later start), as core's review
 * schedule decides (R-REV-1: a plan supersedes those signed off before it). Null when no plan is signed off,
 * so there is nothing to review yet (R-REV-3).
 */
export function currentPlan(plans: readonly ReviewablePlan[]): ReviewablePlan | null {
  let current: ReviewablePlan | null = null;
  for (const plan of plans) {
    if (!plan.signedOffDate) continue;
    if (
      !current ||
      plan.signedOffDate > (current.signedOffDate ?? "") ||
      (plan.signedOffDate === current.signedOffDate && (plan.startDate > current.startDate || (plan.startDate === current.startDate && plan.id > current.id)))
    ) {
      current = plan;
    }
  }
  return current;
}
