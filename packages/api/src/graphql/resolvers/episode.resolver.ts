import { isOpen, safeguardingStatusOf, suicideRiskFlag } from "@waymark/core";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { isClinician } from "../../auth/viewer.js";
import { toAssessment, toReview } from "../../db/mappers.js";
import { requireClinician } from "../clinicalAccess.js";
import type { RequestContext } from "../context.js";
import { pageOfEpisodeRecords } from "../episodeRecordReads.js";
import { notFound } from "../errors.js";
import { localIdOf } from "../globalId.js";
import { registerNodeType } from "../nodeRegistry.js";
import { PageArgs, type ConnectionShape } from "../relay.js";
import { scopedLoaders } from "../scopedLoaders.js";
import { keyworkerOf, readStaffOf, teamOf } from "../episodeOwners.js";
import { Assessment, AssessmentConnection } from "../types/assessment.js";
import { AgeBandOverride, Episode, ProblemSubstance } from "../types/episode.js";
import { StaffMember, Team } from "../types/organisation.js";
import { RecoveryPlan, RecoveryPlanConnection } from "../types/recoveryPlan.js";
import { Review, ReviewConnection } from "../types/review.js";
import { SuicideRiskFlag } from "../types/risk.js";
import { SafeguardingFlag } from "../types/safeguarding.js";
import { ServiceUser } from "../types/serviceUser.js";

const INCLUDE_ENTERED_IN_ERROR = {
  defaultValue: false,
  description: "Include records marked as entered in error (each shows its enteredInError mark). Left out by default, as every rule and schedule leaves them out.",
};

registerNodeType("Episode", async (localId, context) => {
  if (!context.viewer || !isClinician(context.viewer)) return null;
  const row = await scopedLoaders(context).episodeById.load(localId);
  if (!row) return null;
  context.readAudit.read("Episode", row.id, row.serviceUserId);
  return Episode.of(row);
});

/**
 * An episode and the front half of its journey: the person, team and keyworker, problem substances,
 * assessments, plans and reviews, and the suicide-risk and safeguarding flags. Lists come from the
 * request's batched loaders; the episode was reached within the viewer's scope, so its records are too.
 */
@Resolver(() => Episode)
export class EpisodeResolver {
  @Query(() => Episode, {
    nullable: true,
    description: "An episode by global ID; null when there is none or it is outside your scope. For practitioners and team leads; the read is audited.",
  })
  async episode(@Arg("id", () => ID, { description: "Global ID of the episode." }) id: string, @Ctx() context: RequestContext): Promise<Episode | null> {
    requireClinician(context);
    const localId = localIdOf(id, "Episode");
    // Through the request's scoped loader, as serviceUser(id:) is: a statement prepared once per scope.
    const row = localId ? await scopedLoaders(context).episodeById.load(localId) : null;
    if (!row) return null;
    context.readAudit.read("Episode", row.id, row.serviceUserId);
    return Episode.of(row);
  }

  @FieldResolver(() => ServiceUser, { description: "The person the episode is about. The read is audited." })
  async serviceUser(@Root() episode: Episode, @Ctx() context: RequestContext): Promise<ServiceUser> {
    // Anyone who can see an episode can see its person (scope.ts), so a miss here means the record vanished.
    const row = await scopedLoaders(context).serviceUserById.load(episode.serviceUserLocalId);
    if (!row) throw notFound("person");
    context.readAudit.read("ServiceUser", row.id, row.id);
    return ServiceUser.of(row);
  }

  @FieldResolver(() => Team, { description: "The team (service) the episode is with." })
  team(@Root() episode: Episode, @Ctx() context: RequestContext): Team | Promise<Team> {
    return teamOf(episode.teamLocalId, context);
  }

  @FieldResolver(() => StaffMember, { nullable: true, description: "The keyworker; null while the referral is unallocated." })
  keyworker(@Root() episode: Episode, @Ctx() context: RequestContext): StaffMember | null | Promise<StaffMember | null> {
    return keyworkerOf(episode.keyworkerLocalId, context);
  }

  @FieldResolver(() => [ProblemSubstance], { description: "The problem substances recorded at triage, main substance first." })
  async problemSubstances(@Root() episode: Episode, @Ctx() context: RequestContext): Promise<ProblemSubstance[]> {
    const rows = await context.loaders.problemSubstancesByEpisode.load(episode.localId);
    return [...rows].sort((a, b) => a.rank - b.rank).map(ProblemSubstance.of);
  }

  @FieldResolver(() => AssessmentConnection, { description: "The triage, comprehensive assessments and reassessments, newest first." })
  async assessments(
    @Root() episode: Episode,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("includeEnteredInError", () => Boolean, INCLUDE_ENTERED_IN_ERROR) includeEnteredInError: boolean,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<Assessment>> {
    const rows = await context.loaders.assessmentsByEpisode.load(episode.localId);
    await readStaffOf(context, rows.map((row) => row.assessorId));
    return pageOfEpisodeRecords(context, "Assessment", episode.serviceUserLocalId, rows, (row) => row.date, page, includeEnteredInError, Assessment.of);
  }

  @FieldResolver(() => RecoveryPlanConnection, { description: "The interim and full recovery plans, newest start date first." })
  async recoveryPlans(
    @Root() episode: Episode,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("includeEnteredInError", () => Boolean, INCLUDE_ENTERED_IN_ERROR) includeEnteredInError: boolean,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<RecoveryPlan>> {
    const rows = await context.loaders.plansByEpisode.load(episode.localId);
    await readStaffOf(context, rows.map((row) => row.signedOffById));
    return pageOfEpisodeRecords(context, "RecoveryPlan", episode.serviceUserLocalId, rows, (row) => row.startDate, page, includeEnteredInError, RecoveryPlan.of);
  }

  @FieldResolver(() => ReviewConnection, { description: "The reviews of the episode's plans, newest first." })
  async reviews(
    @Root() episode: Episode,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("includeEnteredInError", () => Boolean, INCLUDE_ENTERED_IN_ERROR) includeEnteredInError: boolean,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<Review>> {
    const rows = await context.loaders.reviewsByEpisode.load(episode.localId);
    await readStaffOf(context, rows.map((row) => row.completedById));
    return pageOfEpisodeRecords(context, "Review", episode.serviceUserLocalId, rows, (row) => row.completedDate, page, includeEnteredInError, Review.of);
  }

  @FieldResolver(() => SuicideRiskFlag, { description: "R-RISK-2: raised while the latest risk assessment of this episode (assessment or review) records a suicide-risk factor." })
  async suicideRisk(@Root() episode: Episode, @Ctx() context: RequestContext): Promise<SuicideRiskFlag> {
    const [assessments, reviews] = await Promise.all([context.loaders.assessmentsByEpisode.load(episode.localId), context.loaders.reviewsByEpisode.load(episode.localId)]);
    return SuicideRiskFlag.of(suicideRiskFlag(assessments.map(toAssessment), reviews.map((review) => toReview(review, []))));
  }

  @FieldResolver(() => SafeguardingFlag, { description: "R-SAFE-1: the person is pregnant or lives with a child under 5; a home visit is due in this episode until one the person attended is recorded." })
  async safeguarding(@Root() episode: Episode, @Ctx() context: RequestContext): Promise<SafeguardingFlag> {
    const person = await scopedLoaders(context).serviceUserById.load(episode.serviceUserLocalId);
    if (!person) throw notFound("person");
    // The episode's summary holds whether the home visit is recorded, kept with every write to its contacts.
    return SafeguardingFlag.of(safeguardingStatusOf(person, episode.homeVisitRecorded), isOpen(episode) && !episode.enteredInError);
  }
}

@Resolver(() => AgeBandOverride)
export class AgeBandOverrideResolver {
  @FieldResolver(() => StaffMember, { nullable: true, description: "The team lead who accepted the referral." })
  async approvedBy(@Root() override: AgeBandOverride, @Ctx() context: RequestContext): Promise<StaffMember | null> {
    if (!override.approvedByLocalId) return null;
    const row = await context.loaders.staffById.load(override.approvedByLocalId);
    return row ? StaffMember.of(row) : null;
  }
}
