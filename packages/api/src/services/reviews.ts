import { checkReview, INPUT_CODES, RULE_CODES, reviewDueDateAfter, violationsOf, type GoalProgress, type Violation } from "@waymark/core";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { findEpisodeInScope } from "../access/records.js";
import { notFound } from "../graphql/errors.js";
import { localIdOf } from "../graphql/globalId.js";
import { refuseIfAny, TEXT_LIMITS, tooLong } from "../graphql/mutations.js";
import type { CompleteReviewInput } from "../graphql/types/journeyInputs.js";
import { riskFromInput } from "../graphql/types/risk.js";
import { loadEpisodeRecords } from "./episodeRecords.js";
import { episodeInErrorViolations, renamedField } from "./journeyInputs.js";
import { audit, newRecordStamps, refreshEpisodes, type WriteContext } from "./writeContext.js";

function repeatedGoalViolations(progress: readonly GoalProgress[]): Violation[] {
  const seen = new Set<string>();
  return progress.flatMap((entry, index) => {
    if (!seen.has(entry.goalId)) {
      seen.add(entry.goalId);
      return [];
    }
    return [{ code: INPUT_CODES.invalidValue, field: `goalProgress.${index}.goalId`, message: "Record progress on each goal once per review." }];
  });
}

/**
 * Completes a review of a plan in the viewer's scope (checkReview: R-REV-3, R-RISK-3, R-DATE-1). The due
 * date it satisfies is core's reviewDueDateAfter for the plan (R-REV-1), fixed now; each goal takes the
 * status its progress gives.
 */
export async function completeReview(w: WriteContext, input: CompleteReviewInput): Promise<string> {
  const planId = localIdOf(input.planId, "RecoveryPlan");
  const [planRow] = planId ? await w.tx.select().from(w.t.recoveryPlans).where(eq(w.t.recoveryPlans.id, planId)) : [];
  const episodeRow = planRow ? await findEpisodeInScope(w.tx, w.t, w.viewer, w.now, planRow.episodeId) : null;
  const loaded = episodeRow ? await loadEpisodeRecords(w.tx, w.t, episodeRow.id) : null;
  const plan = loaded?.plans.find((candidate) => candidate.id === planId);
  if (!planRow || !loaded || !plan) throw notFound("recovery plan");

  const goalProgress: GoalProgress[] = input.goalProgress.map((entry) => ({
    // An ID of another type cannot name one of the plan's goals; core reports it as not part of the plan.
    goalId: localIdOf(entry.goalId, "Goal") ?? entry.goalId,
    status: entry.status,
    note: entry.note?.trim() || null,
  }));
  const reviewsOfPlan = loaded.reviews.filter((review) => review.planId === plan.id);
  const dueDate = reviewDueDateAfter(plan, reviewsOfPlan);
  refuseIfAny([
    // The review input names the plan, not the episode: a refusal about the episode is about the plan named.
    ...renamedField(episodeInErrorViolations(loaded, "review"), "episodeId", "planId"),
    ...tooLong(Object.fromEntries(input.goalProgress.map((entry, index) => [`goalProgress.${index}.note`, [entry.note, TEXT_LIMITS.medium]]))),
    ...tooLong({ "risk.notes": [input.risk?.notes, TEXT_LIMITS.long] }),
    ...violationsOf(
      checkReview(
        { completedDate: input.completedDate, goalProgress, risk: riskFromInput(input.risk) },
        { plan, episode: loaded.episode, dateOfBirth: loaded.serviceUser.dateOfBirth, today: w.today },
      ),
    ),
    ...repeatedGoalViolations(goalProgress),
    ...(plan.enteredInError ? [{ code: RULE_CODES["R-REV-3"], field: "planId", message: "This plan was marked entered in error and is no longer reviewed." }] : []),
  ]);
  if (dueDate === null) throw new Error(`Plan ${plan.id} passed the review checks without a due date`);

  const reviewId = randomUUID();
  const serviceUserId = loaded.row.serviceUserId;
  await w.tx.insert(w.t.reviews).values({
    id: reviewId,
    planId: plan.id,
    episodeId: loaded.row.id,
    dueDate,
    completedDate: input.completedDate,
    completedById: w.viewer.staffId,
    risk: riskFromInput(input.risk),
    ...newRecordStamps(w),
  });
  if (goalProgress.length > 0) {
    await w.tx.insert(w.t.goalProgress).values(goalProgress.map((entry) => ({ reviewId, goalId: entry.goalId, status: entry.status, note: entry.note })));
    for (const entry of goalProgress) {
      await w.tx.update(w.t.planGoals).set({ status: entry.status }).where(and(eq(w.t.planGoals.id, entry.goalId), eq(w.t.planGoals.planId, plan.id)));
    }
    await w.tx.update(w.t.recoveryPlans).set({ version: planRow.version + 1, updatedAt: w.now }).where(eq(w.t.recoveryPlans.id, plan.id));
  }
  await audit(w, [{ action: "CREATE", recordType: "Review", recordId: reviewId, serviceUserId, detail: { planId: plan.id, dueDate } }]);
  await refreshEpisodes(w, [loaded.row.id]);
  return reviewId;
}
