import type { AssessmentKind, GoalStatus, InjectingStatus, IsoDate, NeedDomain, NeedLevel, PlanKind, ReferralSource, ReferralUrgency, Route, Substance } from "@waymark/core";
import { Field, ID, InputType, Int } from "type-graphql";
import {
  AssessmentKindEnum,
  GoalStatusEnum,
  InjectingStatusEnum,
  NeedDomainEnum,
  NeedLevelEnum,
  PlanKindEnum,
  ReferralSourceEnum,
  ReferralUrgencyEnum,
  RouteEnum,
  SubstanceEnum,
} from "../enums.js";
import { DateScalar } from "../scalars.js";
import { RiskAssessmentInput } from "./risk.js";

/**
 * Inputs of the front half of the journey: referral, triage, assessment, plan and review. Field names are
 * core's, so a userError's `field` (`referral.receivedDate`, `goals.0.targetDate`, `risk.overdose`) is the
 * path of the input field it is about.
 */

@InputType({ description: "How the referral came in." })
export class ReferralInput {
  @Field(() => DateScalar, { description: "The date the referral was received; not in the future (R-DATE-1)." })
  receivedDate!: IsoDate;

  @Field(() => ReferralSourceEnum, { description: "Where the referral came from." })
  source!: ReferralSource;

  @Field(() => String, { nullable: true, description: "Who made the referral (name, organisation)." })
  referrer?: string | null;

  @Field(() => String, { description: "Why the person was referred." })
  reason!: string;

  @Field(() => ReferralUrgencyEnum, { defaultValue: "ROUTINE", description: "How urgently the referral needs a response." })
  urgency!: ReferralUrgency;
}

@InputType({ description: "A team lead's decision to accept a referral outside the team's age band (R-ELIG-1)." })
export class AgeBandOverrideInput {
  @Field(() => String, { description: "Why the team accepts the person although they are outside its age band." })
  reason!: string;
}

@InputType({ description: "A referral that opens a new episode for a person." })
export class ReceiveReferralInput {
  @Field(() => ID, { description: "Global ID of the person referred." })
  serviceUserId!: string;

  @Field(() => ID, { description: "Global ID of the team the referral is for; it must serve the person's age on the referral date (R-ELIG-1)." })
  teamId!: string;

  @Field(() => ReferralInput, { description: "The referral." })
  referral!: ReferralInput;

  @Field(() => ID, { nullable: true, description: "Global ID of the keyworker, when allocated now: a practitioner or team lead of the team." })
  keyworkerId?: string | null;

  @Field(() => AgeBandOverrideInput, { nullable: true, description: "Only a team lead may give this, to accept a referral outside the team's age band." })
  ageBandOverride?: AgeBandOverrideInput | null;
}

@InputType({ description: "A problem substance, ranked 1 (main) to 3." })
export class ProblemSubstanceInput {
  @Field(() => Int, { description: "1 for the main substance, then 2 and 3, without gaps." })
  rank!: number;

  @Field(() => SubstanceEnum, { description: "The substance." })
  substance!: Substance;

  @Field(() => Int, { nullable: true, description: "Age when first used." })
  ageOfFirstUse?: number | null;

  @Field(() => RouteEnum, { nullable: true, description: "How it is taken." })
  route?: Route | null;
}

@InputType({ description: "The level of need in one life domain." })
export class NeedInput {
  @Field(() => NeedDomainEnum, { description: "The life domain; each domain at most once." })
  domain!: NeedDomain;

  @Field(() => NeedLevelEnum, { description: "No need, some need or high need." })
  level!: NeedLevel;
}

@InputType({ description: "A BARC-10 recovery capital score: ten items, each 1 to 6." })
export class RecoveryCapitalInput {
  @Field(() => [Int], { description: "The ten item scores in the questionnaire's order." })
  items!: number[];
}

@InputType({ description: "A goal of a recovery plan." })
export class GoalInput {
  @Field(() => NeedDomainEnum, { description: "The life domain the goal is about." })
  domain!: NeedDomain;

  @Field(() => String, { description: "What the person wants to achieve, in their words." })
  description!: string;

  @Field(() => DateScalar, { nullable: true, description: "When they hope to achieve it; on or after the plan's start date." })
  targetDate?: IsoDate | null;
}

@InputType({ description: "One item a personal budget pays for." })
export class BudgetLineInput {
  @Field(() => String, { description: "What the money pays for." })
  item!: string;

  @Field(() => Int, { description: "Cost in pence." })
  costPence!: number;
}

@InputType({ description: "A personal budget: the lines may not add up to more than the allocation (R-PLAN-2)." })
export class PersonalBudgetInput {
  @Field(() => Int, { description: "The amount allocated, in pence." })
  allocatedPence!: number;

  @Field(() => [BudgetLineInput], { defaultValue: [], description: "What the budget pays for." })
  lines!: BudgetLineInput[];
}

@InputType({ description: "The interim recovery plan made at triage (R-PLAN-1)." })
export class InterimPlanInput {
  @Field(() => DateScalar, { description: "The date the plan starts; on or after the triage." })
  startDate!: IsoDate;

  @Field(() => [GoalInput], { defaultValue: [], description: "The plan's goals." })
  goals!: GoalInput[];

  @Field(() => Boolean, { defaultValue: false, description: "The person has agreed the plan." })
  agreedWithServiceUser!: boolean;

  @Field(() => PersonalBudgetInput, { nullable: true, description: "A personal budget, when allocated." })
  personalBudget?: PersonalBudgetInput | null;
}

@InputType({ description: "A triage (initial assessment): urgent needs, a full risk assessment, the problem substances, and optionally the interim plan." })
export class RecordTriageInput {
  @Field(() => ID, { description: "Global ID of the referred episode." })
  episodeId!: string;

  @Field(() => DateScalar, { description: "The date of the triage." })
  date!: IsoDate;

  @Field(() => [NeedInput], { defaultValue: [], description: "Needs found, by life domain." })
  needs!: NeedInput[];

  @Field(() => RiskAssessmentInput, { nullable: true, description: "The risk assessment; required (R-RISK-1)." })
  risk?: RiskAssessmentInput | null;

  @Field(() => RecoveryCapitalInput, { nullable: true, description: "A BARC-10 score, when taken." })
  recoveryCapital?: RecoveryCapitalInput | null;

  @Field(() => [ProblemSubstanceInput], { description: "The problem substances, at least the main one, at most three." })
  problemSubstances!: ProblemSubstanceInput[];

  @Field(() => InjectingStatusEnum, { nullable: true, description: "Whether the person injects; required at triage." })
  injectingStatus?: InjectingStatus | null;

  @Field(() => InterimPlanInput, { nullable: true, description: "The interim plan, when agreed at the triage. It can also be added later with agreeRecoveryPlan." })
  interimPlan?: InterimPlanInput | null;

  @Field(() => Int, { nullable: true, description: "The episode's version you last read; a change made since refuses this triage (STALE_VERSION)." })
  version?: number | null;
}

@InputType({ description: "A comprehensive assessment or a reassessment of a triaged episode." })
export class RecordAssessmentInput {
  @Field(() => ID, { description: "Global ID of the episode." })
  episodeId!: string;

  @Field(() => AssessmentKindEnum, { description: "COMPREHENSIVE or REASSESSMENT; a triage is recorded with recordTriage." })
  kind!: AssessmentKind;

  @Field(() => DateScalar, { description: "The date of the assessment." })
  date!: IsoDate;

  @Field(() => [NeedInput], { defaultValue: [], description: "Needs by life domain." })
  needs!: NeedInput[];

  @Field(() => RiskAssessmentInput, { nullable: true, description: "The risk assessment; required for a comprehensive assessment (R-RISK-1), optional but complete for a reassessment." })
  risk?: RiskAssessmentInput | null;

  @Field(() => RecoveryCapitalInput, { nullable: true, description: "A BARC-10 score, when taken." })
  recoveryCapital?: RecoveryCapitalInput | null;
}

@InputType({ description: "A recovery plan: interim after triage, or full after a comprehensive assessment, agreed with the person and signed off (R-PLAN-1)." })
export class AgreeRecoveryPlanInput {
  @Field(() => ID, { description: "Global ID of the episode." })
  episodeId!: string;

  @Field(() => PlanKindEnum, { description: "INTERIM or FULL." })
  kind!: PlanKind;

  @Field(() => DateScalar, { description: "The date the plan starts." })
  startDate!: IsoDate;

  @Field(() => [GoalInput], { defaultValue: [], description: "The plan's goals; a full plan needs at least one." })
  goals!: GoalInput[];

  @Field(() => Boolean, { defaultValue: false, description: "The person has agreed the plan; required for a full plan." })
  agreedWithServiceUser!: boolean;

  @Field(() => ID, { nullable: true, description: "Global ID of the assessor signing the plan off (a practitioner or team lead); required for a full plan." })
  signedOffById?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The date of sign-off; reviews are scheduled from it (R-REV-1)." })
  signedOffDate?: IsoDate | null;

  @Field(() => PersonalBudgetInput, { nullable: true, description: "A personal budget, when allocated." })
  personalBudget?: PersonalBudgetInput | null;
}

@InputType({ description: "Progress on one of the plan's goals." })
export class GoalProgressInput {
  @Field(() => ID, { description: "Global ID of the goal (RecoveryPlan.goals.id)." })
  goalId!: string;

  @Field(() => GoalStatusEnum, { description: "The goal's status now; the goal takes it." })
  status!: GoalStatus;

  @Field(() => String, { nullable: true, description: "Notes on progress." })
  note?: string | null;
}

@InputType({ description: "A completed review of a signed-off plan, with a fresh risk assessment (R-RISK-3)." })
export class CompleteReviewInput {
  @Field(() => ID, { description: "Global ID of the plan reviewed." })
  planId!: string;

  @Field(() => DateScalar, { description: "The date the review was done." })
  completedDate!: IsoDate;

  @Field(() => [GoalProgressInput], { defaultValue: [], description: "Progress on the plan's goals." })
  goalProgress!: GoalProgressInput[];

  @Field(() => RiskAssessmentInput, { nullable: true, description: "The risk re-assessment; required." })
  risk?: RiskAssessmentInput | null;
}

@InputType({ description: "A team lead's allocation of an episode to a keyworker." })
export class ReassignKeyworkerInput {
  @Field(() => ID, { description: "Global ID of the episode." })
  episodeId!: string;

  @Field(() => ID, { nullable: true, description: "Global ID of the new keyworker (a practitioner or team lead of the episode's team), or null to leave the episode unallocated." })
  keyworkerId?: string | null;

  @Field(() => Int, { nullable: true, description: "The episode's version you last read; a change made since refuses this one (STALE_VERSION)." })
  version?: number | null;
}

@InputType({ description: "A request for time-limited access to a person on your team's caseload who is not on yours." })
export class BreakGlassInput {
  @Field(() => ID, { description: "Global ID of the person." })
  serviceUserId!: string;

  @Field(() => String, { description: "Why you need access (at least 10 characters); recorded in the audit trail." })
  reason!: string;
}
