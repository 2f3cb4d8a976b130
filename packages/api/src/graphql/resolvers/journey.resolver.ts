import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import { agreeRecoveryPlan } from "../../services/recoveryPlans.js";
import { recordAssessment, recordTriage } from "../../services/assessments.js";
import { completeReview } from "../../services/reviews.js";
import { runClinicalMutation } from "../clinicalAccess.js";
import type { RequestContext } from "../context.js";
import { assessmentAfterCommit, episodeAfterCommit, recoveryPlanAfterCommit, reviewAfterCommit } from "../recordsAfterWrite.js";
import { Assessment } from "../types/assessment.js";
import { Episode } from "../types/episode.js";
import { AgreeRecoveryPlanInput, CompleteReviewInput, RecordAssessmentInput, RecordTriageInput } from "../types/journeyInputs.js";
import { RecoveryPlan } from "../types/recoveryPlan.js";
import { Review } from "../types/review.js";
import { UserError } from "../userErrors.js";

@ObjectType({ description: "The result of recording a triage." })
class RecordTriagePayload {
  @Field(() => Assessment, { nullable: true, description: "The triage, or null when refused." })
  assessment!: Assessment | null;

  @Field(() => Episode, { nullable: true, description: "The episode after triage (TRIAGED), with its problem substances and any interim plan." })
  episode!: Episode | null;

  @Field(() => [UserError], { description: "Why the triage was refused (e.g. RISK_ASSESSMENT_REQUIRED, INVALID_DATE); nothing was written." })
  userErrors!: UserError[];
}

@ObjectType({ description: "The result of recording an assessment." })
class RecordAssessmentPayload {
  @Field(() => Assessment, { nullable: true, description: "The assessment, or null when refused." })
  assessment!: Assessment | null;

  @Field(() => [UserError], { description: "Why the assessment was refused (e.g. RISK_ASSESSMENT_REQUIRED); nothing was written." })
  userErrors!: UserError[];
}

@ObjectType({ description: "The result of agreeing a recovery plan." })
class AgreeRecoveryPlanPayload {
  @Field(() => RecoveryPlan, { nullable: true, description: "The plan, or null when refused." })
  recoveryPlan!: RecoveryPlan | null;

  @Field(() => Episode, { nullable: true, description: "The episode after the plan: a signed-off full plan moves a triaged episode to ASSESSED." })
  episode!: Episode | null;

  @Field(() => [UserError], { description: "Why the plan was refused (e.g. PLAN_NOT_SIGNED_OFF, BUDGET_EXCEEDED); nothing was written." })
  userErrors!: UserError[];
}

@ObjectType({ description: "The result of completing a review." })
class CompleteReviewPayload {
  @Field(() => Review, { nullable: true, description: "The review, or null when refused." })
  review!: Review | null;

  @Field(() => [UserError], { description: "Why the review was refused (e.g. REVIEW_NOT_ALLOWED, RISK_ASSESSMENT_REQUIRED); nothing was written." })
  userErrors!: UserError[];
}

/** Triage, assessment, recovery plans and reviews: every rule is core's (R-RISK-1..3, R-PLAN-1/2, R-REV-1/3, R-DATE-1). */
@Resolver()
export class JourneyResolver {
  @Mutation(() => RecordTriagePayload, {
    description:
      "Records the triage of a referred episode with a full risk assessment (R-RISK-1, R-RISK-2), the problem substances and injecting status, " +
      "moving it to TRIAGED; an interim plan may be agreed in the same step (R-PLAN-1).",
  })
  async recordTriage(@Arg("input", () => RecordTriageInput) input: RecordTriageInput, @Ctx() context: RequestContext): Promise<RecordTriagePayload> {
    const { result, userErrors } = await runClinicalMutation(context, (w) => recordTriage(w, input));
    return Object.assign(new RecordTriagePayload(), {
      assessment: result ? await assessmentAfterCommit(context, result.assessmentId) : null,
      episode: result ? await episodeAfterCommit(context, result.episodeId) : null,
      userErrors,
    });
  }

  @Mutation(() => RecordAssessmentPayload, {
    description: "Records a comprehensive assessment (risk required, R-RISK-1) or a reassessment of a triaged episode, with needs by domain and an optional BARC-10 score.",
  })
  async recordAssessment(@Arg("input", () => RecordAssessmentInput) input: RecordAssessmentInput, @Ctx() context: RequestContext): Promise<RecordAssessmentPayload> {
    const { result, userErrors } = await runClinicalMutation(context, (w) => recordAssessment(w, input));
    return Object.assign(new RecordAssessmentPayload(), { assessment: result ? await assessmentAfterCommit(context, result) : null, userErrors });
  }

  @Mutation(() => AgreeRecoveryPlanPayload, {
    description:
      "Agrees a recovery plan: interim after triage, or full after a comprehensive assessment with a goal, the person's agreement and an assessor's sign-off " +
      "(R-PLAN-1); a personal budget stays within its allocation (R-PLAN-2). Reviews are then due every reviewIntervalWeeks (the team's setting).",
  })
  async agreeRecoveryPlan(@Arg("input", () => AgreeRecoveryPlanInput) input: AgreeRecoveryPlanInput, @Ctx() context: RequestContext): Promise<AgreeRecoveryPlanPayload> {
    const { result, userErrors } = await runClinicalMutation(context, (w) => agreeRecoveryPlan(w, input));
    const plan = result ? await recoveryPlanAfterCommit(context, result) : null;
    return Object.assign(new AgreeRecoveryPlanPayload(), { recoveryPlan: plan, episode: plan ? await episodeAfterCommit(context, plan.episodeLocalId) : null, userErrors });
  }

  @Mutation(() => CompleteReviewPayload, {
    description: "Completes a review of a signed-off plan of an open episode (R-REV-3) with a fresh risk assessment (R-RISK-3) and progress on its goals. The next review falls due reviewIntervalWeeks later (R-REV-1).",
  })
  async completeReview(@Arg("input", () => CompleteReviewInput) input: CompleteReviewInput, @Ctx() context: RequestContext): Promise<CompleteReviewPayload> {
    const { result, userErrors } = await runClinicalMutation(context, (w) => completeReview(w, input));
    return Object.assign(new CompleteReviewPayload(), { review: result ? await reviewAfterCommit(context, result) : null, userErrors });
  }
}
