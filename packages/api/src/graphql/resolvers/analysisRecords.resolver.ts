import DataLoader from "dataloader";
import { eq, type SQL } from "drizzle-orm";
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root, type ClassType } from "type-graphql";
import { isAnalyst, pseudonymisedScope } from "../../analysis/analysisScope.js";
import { personPseudonymiser } from "../../analysis/pseudonymousPersonId.js";
import { MAX_GROUPS, recordGroups, type RecordGroup } from "../../analysis/recordAggregates.js";
import type { RecordFilter } from "../../analysis/recordFilter.js";
import { recordPage, recordPagesByEpisode, recordsById, type RecordOrder, type RecordPageRequest, type RecordRow } from "../../analysis/recordPages.js";
import type { RequestContext } from "../context.js";
import { forbidden, unauthenticated } from "../errors.js";
import { toGlobalId } from "../globalId.js";
import { registerNodeType } from "../nodeRegistry.js";
import { PageArgs, mapNodes, pageSizeOf, type ConnectionShape } from "../relay.js";
import {
  analysisTeamOf,
  PseudonymisedContactTypes,
  PseudonymisedEpisodeTypes,
  PseudonymisedInterventionTypes,
  PseudonymisedOutcomeTypes,
  PseudonymisedReviewTypes,
  type AggregateSource,
  type PseudonymisedRecord,
  type PseudonymisedTypes,
} from "../types/pseudonymisedRecords.js";

/**
 * Analysts' ad-hoc queries over pseudonymised records (DOMAIN §1): a root connection per record kind, the
 * same connections nested under each episode, `aggregate` on every connection, and `node` for the
 * pseudonymised types. Only analysts get an answer; anyone else is FORBIDDEN (clinicians have identifiable
 * types of their own), and every query also carries `pseudonymisedScope` in its SQL.
 */

/** The signed-in analyst, or the refusal: UNAUTHENTICATED when signed out, FORBIDDEN for other roles. */
function requireAnalyst(context: RequestContext): SQL {
  if (!context.viewer) throw unauthenticated();
  if (!isAnalyst(context.viewer)) throw forbidden("Pseudonymised records are for analysts. Practitioners and team leads use caseload, serviceUser and episode.");
  return pseudonymisedScope(context.viewer);
}

/** A connection as resolved, carrying what its `aggregate` field needs. */
type RecordConnection = ConnectionShape<PseudonymisedRecord> & { readonly aggregateSource: AggregateSource & { readonly episodeLocalId?: string } };

/** An aggregate as resolved, carrying its request for `groups`. */
interface AggregateRoot {
  readonly source: AggregateSource & { readonly episodeLocalId?: string };
}

const loadersPerRequest = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

/** A DataLoader shared by every resolver of this request under `key`. */
function requestLoader<V>(context: RequestContext, key: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
  let loaders = loadersPerRequest.get(context.loaders);
  if (!loaders) {
    loaders = new Map();
    loadersPerRequest.set(context.loaders, loaders);
  }
  let loader = loaders.get(key);
  if (!loader) {
    loader = new DataLoader<string, unknown>(batch as (keys: readonly string[]) => Promise<unknown[]>);
    loaders.set(key, loader);
  }
  return loader as DataLoader<string, V>;
}

/** Records of one kind by local id, batched per request and within the analyst scope. */
function recordsByIdLoader(context: RequestContext, types: PseudonymisedTypes): DataLoader<string, RecordRow | null> {
  return requestLoader(context, `${types.dataset.typeName}:byId`, (ids) => recordsById(context.database, types.dataset, pseudonymisedScope(context.viewer), ids));
}

async function toConnection(context: RequestContext, types: PseudonymisedTypes, page: ConnectionShape<RecordRow>, source: RecordConnection["aggregateSource"]): Promise<RecordConnection> {
  const pseudonymise = await personPseudonymiser(context.database);
  return { ...mapNodes(page, (row) => types.of(row, pseudonymise)), aggregateSource: source };
}

function pageRequest(page: PageArgs, filter: RecordFilter | null, orderBy: RecordOrder[] | null): RecordPageRequest {
  return { filter, orderBy, first: pageSizeOf(page.first), after: page.after };
}

/** The schema form of a group: team keys as teams, staff keys as Staff IDs. */
function groupOf(types: PseudonymisedTypes, group: RecordGroup): object {
  const key: Record<string, unknown> = {};
  for (const column of types.dataset.columns) {
    const value = group.key[column.name];
    if (value === undefined || value === null) key[column.name] = null;
    else if (column.kind === "team") key[column.name] = analysisTeamOf((value as { localId: string }).localId, (value as { name: string }).name);
    else if (column.kind === "staff") key[column.name] = toGlobalId("Staff", String(value));
    else key[column.name] = value;
  }
  return { ...group, key };
}

/** The root query, aggregates and `node` of one record kind. */
function recordKindResolvers(types: PseudonymisedTypes, rootField: string): ClassType[] {
  const { dataset } = types;

  registerNodeType(dataset.typeName, async (localId, context) => {
    if (!isAnalyst(context.viewer)) return null;
    const row = await recordsByIdLoader(context, types).load(localId);
    return row ? types.of(row, await personPseudonymiser(context.database)) : null;
  });

  @Resolver(() => types.Record)
  class RootQuery {
    @Query(() => types.Connection, {
      name: rootField,
      description: `Pseudonymised ${dataset.noun}s of the whole provider, for analysts only (others get FORBIDDEN). Entered-in-error records are left out. Sorted as asked, then by ID; cursors are opaque.`,
    })
    async records(
      @Args(() => PageArgs) page: PageArgs,
      @Arg("filter", () => types.Filter, { nullable: true, description: `Which ${dataset.noun}s to include.` }) filter: RecordFilter | null,
      @Arg("orderBy", () => [types.Order], { nullable: true, description: "Sort keys, first one first." }) orderBy: RecordOrder[] | null,
      @Ctx() context: RequestContext,
    ): Promise<RecordConnection> {
      const scope = requireAnalyst(context);
      const request = pageRequest(page, filter, orderBy);
      return toConnection(context, types, await recordPage(context.database, dataset, scope, request), { filter, groupBy: [] });
    }
  }

  @Resolver(() => types.Connection)
  class ConnectionAggregate {
    @FieldResolver(() => types.Aggregate, { description: "Counts and statistics over every record that matches this connection's filter (not only this page), grouped as asked." })
    aggregate(
      @Root() connection: RecordConnection,
      @Arg("groupBy", () => [types.GroupField], { nullable: true, description: "Fields to group by; none gives one group of everything." }) groupBy: string[] | null,
    ): AggregateRoot {
      return { source: { ...connection.aggregateSource, groupBy: groupBy ?? [] } };
    }
  }

  @Resolver(() => types.Aggregate)
  class AggregateGroups {
    @FieldResolver(() => [types.Group], { description: `The groups, in ascending order of their keys. At most first (1 to ${MAX_GROUPS}, default 100).` })
    async groups(
      @Root() aggregate: AggregateRoot,
      @Arg("first", () => Int, { defaultValue: 100, description: `How many groups to return, 1 to ${MAX_GROUPS}.` }) first: number,
      @Ctx() context: RequestContext,
    ): Promise<object[]> {
      const scope = requireAnalyst(context);
      const { episodeLocalId } = aggregate.source;
      const withinEpisode = episodeLocalId === undefined ? undefined : eq(dataset.episodeId(context.database.tables) as never, episodeLocalId);
      const groups = await recordGroups(context.database, dataset, scope, { filter: aggregate.source.filter, groupBy: aggregate.source.groupBy, first }, withinEpisode);
      return groups.map((group) => groupOf(types, group));
    }
  }

  return [RootQuery, ConnectionAggregate, AggregateGroups];
}

/** `episode` on a record of any kind but episodes. */
function episodeOfRecordResolver(types: PseudonymisedTypes): ClassType {
  @Resolver(() => types.Record)
  class EpisodeOfRecord {
    @FieldResolver(() => PseudonymisedEpisodeTypes.Record, { description: "The episode this record belongs to, pseudonymised." })
    async episode(@Root() record: PseudonymisedRecord, @Ctx() context: RequestContext): Promise<PseudonymisedRecord> {
      requireAnalyst(context);
      const row = await recordsByIdLoader(context, PseudonymisedEpisodeTypes).load(record.episodeLocalId);
      // A live record's episode is live and in scope, so it is always found.
      if (!row) throw new Error(`The episode of ${types.dataset.typeName} ${record.localId} was not found`);
      return PseudonymisedEpisodeTypes.of(row, await personPseudonymiser(context.database));
    }
  }
  return EpisodeOfRecord;
}

/** An episode's own records of one kind, the same page for every episode of the request in one batch. */
async function episodeRecords(
  context: RequestContext,
  types: PseudonymisedTypes,
  episode: PseudonymisedRecord,
  page: PageArgs,
  filter: RecordFilter | null,
  orderBy: RecordOrder[] | null,
): Promise<RecordConnection> {
  const scope = requireAnalyst(context);
  const request = pageRequest(page, filter, orderBy);
  const loader = requestLoader(context, `${types.dataset.typeName}:byEpisode:${JSON.stringify(request)}`, (episodeIds) =>
    recordPagesByEpisode(context.database, types.dataset, scope, request, episodeIds),
  );
  return toConnection(context, types, await loader.load(episode.localId), { filter, groupBy: [], episodeLocalId: episode.localId });
}

const nestedDescription = (noun: string) => `This episode's ${noun}s, pseudonymised, as a connection with the same filter, order and aggregates as the root one.`;

@Resolver(() => PseudonymisedEpisodeTypes.Record)
class EpisodeRecordConnections {
  @FieldResolver(() => PseudonymisedInterventionTypes.Connection, { description: nestedDescription("intervention") })
  interventions(
    @Root() episode: PseudonymisedRecord,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => PseudonymisedInterventionTypes.Filter, { nullable: true, description: "Which interventions to include." }) filter: RecordFilter | null,
    @Arg("orderBy", () => [PseudonymisedInterventionTypes.Order], { nullable: true, description: "Sort keys, first one first." }) orderBy: RecordOrder[] | null,
    @Ctx() context: RequestContext,
  ): Promise<RecordConnection> {
    return episodeRecords(context, PseudonymisedInterventionTypes, episode, page, filter, orderBy);
  }

  @FieldResolver(() => PseudonymisedReviewTypes.Connection, { description: nestedDescription("review") })
  reviews(
    @Root() episode: PseudonymisedRecord,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => PseudonymisedReviewTypes.Filter, { nullable: true, description: "Which reviews to include." }) filter: RecordFilter | null,
    @Arg("orderBy", () => [PseudonymisedReviewTypes.Order], { nullable: true, description: "Sort keys, first one first." }) orderBy: RecordOrder[] | null,
    @Ctx() context: RequestContext,
  ): Promise<RecordConnection> {
    return episodeRecords(context, PseudonymisedReviewTypes, episode, page, filter, orderBy);
  }

  @FieldResolver(() => PseudonymisedOutcomeTypes.Connection, { description: nestedDescription("outcome record") })
  outcomes(
    @Root() episode: PseudonymisedRecord,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => PseudonymisedOutcomeTypes.Filter, { nullable: true, description: "Which outcome records to include." }) filter: RecordFilter | null,
    @Arg("orderBy", () => [PseudonymisedOutcomeTypes.Order], { nullable: true, description: "Sort keys, first one first." }) orderBy: RecordOrder[] | null,
    @Ctx() context: RequestContext,
  ): Promise<RecordConnection> {
    return episodeRecords(context, PseudonymisedOutcomeTypes, episode, page, filter, orderBy);
  }

  @FieldResolver(() => PseudonymisedContactTypes.Connection, { description: nestedDescription("contact") })
  contacts(
    @Root() episode: PseudonymisedRecord,
    @Args(() => PageArgs) page: PageArgs,
    @Arg("filter", () => PseudonymisedContactTypes.Filter, { nullable: true, description: "Which contacts to include." }) filter: RecordFilter | null,
    @Arg("orderBy", () => [PseudonymisedContactTypes.Order], { nullable: true, description: "Sort keys, first one first." }) orderBy: RecordOrder[] | null,
    @Ctx() context: RequestContext,
  ): Promise<RecordConnection> {
    return episodeRecords(context, PseudonymisedContactTypes, episode, page, filter, orderBy);
  }
}

/** Every resolver class of the analysts' pseudonymised queries. */
export const ANALYSIS_RESOLVERS: ClassType[] = [
  ...recordKindResolvers(PseudonymisedEpisodeTypes, "episodes"),
  ...recordKindResolvers(PseudonymisedInterventionTypes, "interventions"),
  ...recordKindResolvers(PseudonymisedReviewTypes, "reviews"),
  ...recordKindResolvers(PseudonymisedOutcomeTypes, "outcomes"),
  ...recordKindResolvers(PseudonymisedContactTypes, "contacts"),
  episodeOfRecordResolver(PseudonymisedInterventionTypes),
  episodeOfRecordResolver(PseudonymisedReviewTypes),
  episodeOfRecordResolver(PseudonymisedOutcomeTypes),
  episodeOfRecordResolver(PseudonymisedContactTypes),
  EpisodeRecordConnections,
];
