import { reviewDueDateAfter, type IsoDate } from "@waymark/core";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { toRecoveryPlan, toReview } from "../../db/mappers.js";
import type { RequestContext } from "../context.js";
import { registerEpisodeRecordNode } from "../episodeRecordReads.js";
import { scopedLoaders } from "../scopedLoaders.js";
import { DateScalar } from "../scalars.js";
import { Assessment } from "../types/assessment.js";
import { Episode } from "../types/episode.js";
import { staffNamedOn } from "../episodeOwners.js";
import { StaffMember } from "../types/organisation.js";
import { Goal, PersonalBudget, RecoveryPlan } from "../types/recoveryPlan.js";
import { GoalProgress, Review } from "../types/review.js";

registerEpisodeRecordNode("Assessment", (t) => t.assessments, Assessment.of);
registerEpisodeRecordNode("RecoveryPlan", (t) => t.recoveryPlans, RecoveryPlan.of);
registerEpisodeRecordNode("Review", (t) => t.reviews, Review.of);

/** The episode a record belongs to, through the viewer's scope (null only if it has left it). */
async function episodeInScope(context: RequestContext, episodeLocalId: string): Promise<Episode | null> {
  const row = await scopedLoaders(context).episodeById.load(episodeLocalId);
  return row ? Episode.of(row) : null;
}

async function goalsOf(context: RequestContext, planLocalId: string): Promise<Goal[]> {
  const rows = await context.loaders.goalsByPlan.load(planLocalId);
  return [...rows].sort((a, b) => a.position - b.position).map(Goal.of);
}

@Resolver(() => Assessment)
export class AssessmentResolver {
  @FieldResolver(() => StaffMember, { nullable: true, description: "Who made the assessment." })
  assessor(@Root() assessment: Assessment, @Ctx() context: RequestContext): StaffMember | null | Promise<StaffMember | null> {
    return staffNamedOn(assessment.assessorLocalId, context);
  }

  @FieldResolver(() => Episode, { nullable: true, description: "The episode assessed; null when it is outside your scope." })
  episode(@Root() assessment: Assessment, @Ctx() context: RequestContext): Promise<Episode | null> {
    return episodeInScope(context, assessment.episodeLocalId);
  }
}

@Resolver(() => RecoveryPlan)
export class RecoveryPlanResolver {
  @FieldResolver(() => [Goal], { description: "The plan's goals, in the order they were agreed." })
  goals(@Root() plan: RecoveryPlan, @Ctx() context: RequestContext): Promise<Goal[]> {
    return goalsOf(context, plan.localId);
  }

  @FieldResolver(() => PersonalBudget, { nullable: true, description: "The personal budget allocated with the plan, if any." })
  async personalBudget(@Root() plan: RecoveryPlan, @Ctx() context: RequestContext): Promise<PersonalBudget | null> {
    if (plan.budgetAllocatedPence === null) return null;
    return PersonalBudget.of(plan.budgetAllocatedPence, await context.loaders.budgetLinesByPlan.load(plan.localId));
  }

  @FieldResolver(() => StaffMember, { nullable: true, description: "The assessor who signed the plan off; null while it is not signed off." })
  signedOffBy(@Root() plan: RecoveryPlan, @Ctx() context: RequestContext): StaffMember | null | Promise<StaffMember | null> {
    return staffNamedOn(plan.signedOffByLocalId, context);
  }

  @FieldResolver(() => [Review], { description: "The plan's completed reviews, oldest first (entered-in-error ones left out)." })
  async reviews(@Root() plan: RecoveryPlan, @Ctx() context: RequestContext): Promise<Review[]> {
    const [episode, episodeReviews] = await Promise.all([scopedLoaders(context).episodeById.load(plan.episodeLocalId), context.loaders.reviewsByEpisode.load(plan.episodeLocalId)]);
    const rows = episodeReviews.filter((row) => row.planId === plan.localId && !row.enteredInErrorReason);
    for (const row of rows) context.readAudit.read("Review", row.id, episode?.serviceUserId ?? null);
    return rows.sort((a, b) => (a.completedDate < b.completedDate ? -1 : a.completedDate > b.completedDate ? 1 : 0)).map(Review.of);
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: "R-REV-1: when the plan's next review is due: its review interval after sign-off, then after each review. Null while not signed off.",
  })
  async nextReviewDue(@Root() plan: RecoveryPlan, @Ctx() context: RequestContext): Promise<IsoDate | null> {
    const [plans, reviews] = await Promise.all([context.loaders.plansByEpisode.load(plan.episodeLocalId), context.loaders.reviewsByEpisode.load(plan.episodeLocalId)]);
    const row = plans.find((candidate) => candidate.id === plan.localId);
    if (!row) return null;
    return reviewDueDateAfter(toRecoveryPlan(row, [], []), reviews.filter((review) => review.planId === row.id).map((review) => toReview(review, [])));
  }

  @FieldResolver(() => Episode, { nullable: true, description: "The episode the plan belongs to; null when it is outside your scope." })
  episode(@Root() plan: RecoveryPlan, @Ctx() context: RequestContext): Promise<Episode | null> {
    return episodeInScope(context, plan.episodeLocalId);
  }
}

@Resolver(() => Review)
export class ReviewResolver {
  @FieldResolver(() => RecoveryPlan, { nullable: true, description: "The plan reviewed." })
  async plan(@Root() review: Review, @Ctx() context: RequestContext): Promise<RecoveryPlan | null> {
    const row = (await context.loaders.plansByEpisode.load(review.episodeLocalId)).find((plan) => plan.id === review.planLocalId);
    return row ? RecoveryPlan.of(row) : null;
  }

  @FieldResolver(() => StaffMember, { nullable: true, description: "Who completed the review." })
  completedBy(@Root() review: Review, @Ctx() context: RequestContext): StaffMember | null | Promise<StaffMember | null> {
    return staffNamedOn(review.completedByLocalId, context);
  }

  @FieldResolver(() => [GoalProgress], { description: "Progress recorded on the plan's goals." })
  async goalProgress(@Root() review: Review, @Ctx() context: RequestContext): Promise<GoalProgress[]> {
    const rows = await context.loaders.goalProgressByReview.load(review.localId);
    return rows.map((row) => GoalProgress.of(row, review.planLocalId));
  }

  @FieldResolver(() => Episode, { nullable: true, description: "The episode the review belongs to; null when it is outside your scope." })
  episode(@Root() review: Review, @Ctx() context: RequestContext): Promise<Episode | null> {
    return episodeInScope(context, review.episodeLocalId);
  }
}

@Resolver(() => GoalProgress)
export class GoalProgressResolver {
  @FieldResolver(() => Goal, { nullable: true, description: "The goal, as it stands now." })
  async goal(@Root() progress: GoalProgress, @Ctx() context: RequestContext): Promise<Goal | null> {
    return (await goalsOf(context, progress.planLocalId)).find((goal) => goal.localId === progress.goalLocalId) ?? null;
  }
}
