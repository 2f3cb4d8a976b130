import { isOpen, safeguardingStatusOf, suicideRiskFlag, type EpisodeStatus } from "@waymark/core";
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { findServiceUserInScope } from "../../access/records.js";
import { isClinician } from "../../auth/viewer.js";
import { toAssessment, toReview } from "../../db/mappers.js";
import { registerServiceUser, updateServiceUser } from "../../services/people.js";
import { searchServiceUsers } from "../../services/serviceUserSearch.js";
import { requireClinician, runClinicalMutation } from "../clinicalAccess.js";
import type { RequestContext } from "../context.js";
import { localIdOf } from "../globalId.js";
import { registerNodeType } from "../nodeRegistry.js";
import { PageArgs, mapNodes, pageSizeOf, type ConnectionShape } from "../relay.js";
import { scopedLoaders } from "../scopedLoaders.js";
import { Episode } from "../types/episode.js";
import { SuicideRiskFlag } from "../types/risk.js";
import { SafeguardingFlag } from "../types/safeguarding.js";
import { ServiceUser, ServiceUserConnection, ServiceUserFlags } from "../types/serviceUser.js";
import { RegisterServiceUserInput, ServiceUserFilter, ServiceUserOrder, UpdateServiceUserInput } from "../types/serviceUserInputs.js";
import { UserError } from "../userErrors.js";

@ObjectType({ description: "The result of registering a person." })
class RegisterServiceUserPayload {
  @Field(() => ServiceUser, { nullable: true, description: "The person registered, or null when refused." })
  serviceUser!: ServiceUser | null;

  @Field(() => [UserError], { description: "Why registration was refused (e.g. INVALID_NHS_NUMBER, or INVALID_VALUE on a reference already in use); nothing was written." })
  userErrors!: UserError[];
}

@ObjectType({ description: "The result of changing a person's details." })
class UpdateServiceUserPayload {
  @Field(() => ServiceUser, { nullable: true, description: "The person as changed, or null when refused." })
  serviceUser!: ServiceUser | null;

  @Field(() => [UserError], { description: "Why the change was refused (e.g. STALE_VERSION); nothing was written." })
  userErrors!: UserError[];
}

/** A person the viewer may see, by database id, noted as read in the audit trail; null otherwise. */
async function serviceUserForViewer(context: RequestContext, localId: string): Promise<ServiceUser | null> {
  const viewer = requireClinician(context);
  const row = await findServiceUserInScope(context.database.read, context.database.tables, viewer, context.clock.now(), localId);
  if (!row) return null;
  context.readAudit.read("ServiceUser", row.id, row.id);
  return ServiceUser.of(row);
}

registerNodeType("ServiceUser", async (localId, context) => {
  if (!context.viewer || !isClinician(context.viewer)) return null;
  const row = await scopedLoaders(context).serviceUserById.load(localId);
  if (!row) return null;
  context.readAudit.read("ServiceUser", row.id, row.id);
  return ServiceUser.of(row);
});

/** People: finding, reading, registering and updating them, and what their record shows. */
@Resolver(() => ServiceUser)
export class ServiceUserResolver {
  @Query(() => ServiceUser, {
    nullable: true,
    description: "A person by global ID; null when there is no such person or they are outside your scope. For practitioners and team leads; the read is audited.",
  })
  async serviceUser(@Arg("id", () => ID, { description: "Global ID of the person." }) id: string, @Ctx() context: RequestContext): Promise<ServiceUser | null> {
    requireClinician(context);
    const localId = localIdOf(id, "ServiceUser");
    if (!localId) return null;
    // Through the request's loader: the person's episodes and flags read the same row, and read it once.
    const row = await scopedLoaders(context).serviceUserById.load(localId);
    if (!row) return null;
    context.readAudit.read("ServiceUser", row.id, row.id);
    return ServiceUser.of(row);
  }

  @Query(() => ServiceUserConnection, {
    description: "The people in your scope that match the filter, sorted as asked (default last name, then first name). For practitioners and team leads; each person returned is audited as read.",
  })
  async serviceUsers(
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => ServiceUserFilter, { nullable: true, description: "Which people to list." }) filter: ServiceUserFilter | null,
    @Arg("orderBy", () => [ServiceUserOrder], { nullable: true, description: "Sort keys, first one first." }) orderBy: ServiceUserOrder[] | null,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<ServiceUser>> {
    const viewer = requireClinician(context);
    const connection = await searchServiceUsers(context.database, viewer, context.clock.now(), { filter, orderBy, first: pageSizeOf(page.first), after: page.after });
    for (const edge of connection.edges) context.readAudit.read("ServiceUser", edge.node.id, edge.node.id);
    return mapNodes(connection, (row) => ServiceUser.of(row));
  }

  @FieldResolver(() => [Episode], { description: "The person's episodes that you can see, oldest referral first. Each is audited as read." })
  async episodes(@Root() person: ServiceUser, @Ctx() context: RequestContext): Promise<Episode[]> {
    const rows = await scopedLoaders(context).episodesByServiceUser.load(person.localId);
    for (const row of rows) context.readAudit.read("Episode", row.id, row.serviceUserId);
    return rows.map(Episode.of);
  }

  @FieldResolver(() => ServiceUserFlags, { description: "The suicide-risk (R-RISK-2) and safeguarding (R-SAFE-1) flags." })
  async flags(@Root() person: ServiceUser, @Ctx() context: RequestContext): Promise<ServiceUserFlags> {
    const { loaders } = context;
    const episodes = await scopedLoaders(context).episodesByServiceUser.load(person.localId);
    const [assessments, reviews] = await Promise.all([
      Promise.all(episodes.map((episode) => loaders.assessmentsByEpisode.load(episode.id))),
      Promise.all(episodes.map((episode) => loaders.reviewsByEpisode.load(episode.id))),
    ]);
    const open = episodes.find((episode) => isOpen({ status: episode.status as EpisodeStatus }) && !episode.enteredInErrorReason);
    return Object.assign(new ServiceUserFlags(), {
      suicideRisk: SuicideRiskFlag.of(suicideRiskFlag(assessments.flat().map(toAssessment), reviews.flat().map((review) => toReview(review, [])))),
      // The open episode's summary holds whether its home visit is recorded, kept with every write to its contacts.
      safeguarding: SafeguardingFlag.of(safeguardingStatusOf(person, open?.homeVisitRecorded ?? false), open !== undefined),
    });
  }

  @Mutation(() => RegisterServiceUserPayload, {
    description: "Registers a person under your team (or the one of yours you name). Checks the details (dates, NHS number, codes) and that the local reference is not in use.",
  })
  async registerServiceUser(@Arg("input", () => RegisterServiceUserInput) input: RegisterServiceUserInput, @Ctx() context: RequestContext): Promise<RegisterServiceUserPayload> {
    const { result, userErrors } = await runClinicalMutation(context, (w) => registerServiceUser(w, input));
    return Object.assign(new RegisterServiceUserPayload(), { serviceUser: result ? await serviceUserForViewer(context, result) : null, userErrors });
  }

  @Mutation(() => UpdateServiceUserPayload, {
    description: "Changes the details given of a person in your scope. Refused with STALE_VERSION when someone else saved a change since the version you read.",
  })
  async updateServiceUser(@Arg("input", () => UpdateServiceUserInput) input: UpdateServiceUserInput, @Ctx() context: RequestContext): Promise<UpdateServiceUserPayload> {
    const { result, userErrors } = await runClinicalMutation(context, (w) => updateServiceUser(w, input));
    return Object.assign(new UpdateServiceUserPayload(), { serviceUser: result ? await serviceUserForViewer(context, result) : null, userErrors });
  }
}
