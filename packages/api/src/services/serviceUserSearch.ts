import { and, count, inArray, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import { episodeScope, serviceUserScope } from "../access/scope.js";
import type { Viewer } from "../auth/viewer.js";
import type { Database, Tables } from "../db/database.js";
import { afterCursor, orderByKeys, pageFromRows, type SortKey } from "../db/keysetPage.js";
import type { ServiceUserRow } from "../db/mappers.js";
import { badUserInput } from "../graphql/errors.js";
import { dateCondition, MAX_IN_VALUES, OrderDirection, stringCondition, type StringFilter } from "../graphql/filters.js";
import { localIdOf } from "../graphql/globalId.js";
import type { ConnectionShape } from "../graphql/relay.js";
import { ServiceUserOrderField, type ServiceUserFilter, type ServiceUserOrder } from "../graphql/types/serviceUserInputs.js";

const CLOSED_STATUSES = ["COMPLETED", "CLOSED"];

/** Column of each sort field; every one is NOT NULL, so keyset comparisons need no coalesce. */
function sortColumn(t: Tables, field: ServiceUserOrderField) {
  switch (field) {
    case ServiceUserOrderField.LAST_NAME:
      return { column: t.serviceUsers.lastName, valueOf: (row: ServiceUserRow) => row.lastName };
    case ServiceUserOrderField.FIRST_NAME:
      return { column: t.serviceUsers.firstName, valueOf: (row: ServiceUserRow) => row.firstName };
    case ServiceUserOrderField.LOCAL_REFERENCE:
      return { column: t.serviceUsers.localReference, valueOf: (row: ServiceUserRow) => row.localReference };
    case ServiceUserOrderField.DATE_OF_BIRTH:
      return { column: t.serviceUsers.dateOfBirth, valueOf: (row: ServiceUserRow) => row.dateOfBirth };
  }
}

const DEFAULT_ORDER: readonly Pick<ServiceUserOrder, "field" | "direction">[] = [
  { field: ServiceUserOrderField.LAST_NAME, direction: OrderDirection.ASC },
  { field: ServiceUserOrderField.FIRST_NAME, direction: OrderDirection.ASC },
];

/** The name filter holds when any of the person's names matches: first, last, "first last" or preferred. */
function nameCondition(t: Tables, filter: StringFilter, path: string): SQL | undefined {
  if (filter.isNull != null) throw badUserInput(`${path}.isNull`, "isNull cannot be used on name: every person has a name.");
  const fullName = sql`(${t.serviceUsers.firstName} || ' ' || ${t.serviceUsers.lastName})`;
  const columns = [t.serviceUsers.firstName, t.serviceUsers.lastName, t.serviceUsers.preferredName, fullName];
  return or(...columns.map((column) => stringCondition(column, filter, path)));
}

/** People with an episode in one of the teams, or registered by one of them and not yet referred anywhere. */
function teamCondition(t: Tables, teamIds: readonly string[]): SQL {
  if (teamIds.length === 0) return sql`1 = 0`;
  const episodeInTeam = sql`exists (select 1 from ${t.episodes} where ${t.episodes.serviceUserId} = ${t.serviceUsers.id} and ${inArray(t.episodes.teamId, [...teamIds])})`;
  const noEpisode = sql`not exists (select 1 from ${t.episodes} where ${t.episodes.serviceUserId} = ${t.serviceUsers.id})`;
  return or(episodeInTeam, and(noEpisode, inArray(t.serviceUsers.registeredTeamId, [...teamIds]))) ?? sql`1 = 0`;
}

/**
 * The SQL condition of a ServiceUserFilter. `hasOpenEpisode` looks only at episodes in the viewer's scope,
 * so the filter cannot tell a keyworker that someone is being treated by another team.
 */
export function serviceUserFilterCondition(t: Tables, viewer: Viewer, now: Date, filter: ServiceUserFilter | null | undefined, path = "filter"): SQL | undefined {
  if (!filter) return undefined;
  const parts: (SQL | undefined)[] = [];
  if (filter.name) parts.push(nameCondition(t, filter.name, `${path}.name`));
  parts.push(stringCondition(t.serviceUsers.localReference, filter.localReference, `${path}.localReference`));
  parts.push(dateCondition(t.serviceUsers.dateOfBirth, filter.dateOfBirth, `${path}.dateOfBirth`));
  if (filter.hasOpenEpisode != null) {
    const openEpisodeInScope = sql`exists (select 1 from ${t.episodes} where ${t.episodes.serviceUserId} = ${t.serviceUsers.id} and ${notInArray(t.episodes.status, CLOSED_STATUSES)} and ${isNull(t.episodes.enteredInErrorReason)} and ${episodeScope(viewer, t, now)})`;
    parts.push(filter.hasOpenEpisode ? openEpisodeInScope : sql`not ${openEpisodeInScope}`);
  }
  if (filter.teamId) {
    const { eq: one, in: many, isNull: noTeam } = filter.teamId;
    if (noTeam != null) throw badUserInput(`${path}.teamId.isNull`, "isNull cannot be used on teamId: every person belongs to a team through an episode or their registration.");
    if (many && many.length > MAX_IN_VALUES) throw badUserInput(`${path}.teamId.in`, `Give at most ${MAX_IN_VALUES} values to "in".`);
    const localIds = (ids: readonly string[]) => ids.map((id) => localIdOf(id, "Team")).filter((id): id is string => id !== null);
    if (one != null) parts.push(teamCondition(t, localIds([one])));
    if (many != null) parts.push(teamCondition(t, localIds(many)));
  }
  filter.and?.forEach((inner, index) => parts.push(serviceUserFilterCondition(t, viewer, now, inner, `${path}.and.${index}`)));
  if (filter.or && filter.or.length > 0) {
    parts.push(or(...filter.or.map((inner, index) => serviceUserFilterCondition(t, viewer, now, inner, `${path}.or.${index}`) ?? sql`1 = 1`)));
  }
  return and(...parts);
}

/**
 * A page of the people in the viewer's scope that match the filter, in the order asked (then by id, so the
 * order is total and cursors are stable). Scope is part of the SQL, so the count and every page hold only
 * people the viewer may see.
 */
export async function searchServiceUsers(
  database: Database,
  viewer: Viewer,
  now: Date,
  options: { readonly filter: ServiceUserFilter | null | undefined; readonly orderBy: readonly Pick<ServiceUserOrder, "field" | "direction">[] | null | undefined; readonly first: number; readonly after: string | null | undefined },
): Promise<ConnectionShape<ServiceUserRow>> {
  const t = database.tables;
  const order = options.orderBy && options.orderBy.length > 0 ? options.orderBy : DEFAULT_ORDER;
  const sorts = order.map((entry) => ({ ...sortColumn(t, entry.field), direction: entry.direction }));
  const keys: SortKey[] = [...sorts.map((sort) => ({ expression: sort.column, direction: sort.direction })), { expression: t.serviceUsers.id, direction: "ASC" }];
  const matching = and(serviceUserScope(viewer, t, now), serviceUserFilterCondition(t, viewer, now, options.filter));
  const [rows, [total]] = await Promise.all([
    database.read
      .select()
      .from(t.serviceUsers)
      .where(and(matching, afterCursor(keys, options.after)))
      .orderBy(...orderByKeys(keys))
      .limit(options.first + 1),
    database.read.select({ value: count() }).from(t.serviceUsers).where(matching),
  ]);
  return pageFromRows(rows, options.first, (row) => [...sorts.map((sort) => sort.valueOf(row)), row.id], (row) => row, Number(total?.value ?? 0), Boolean(options.after));
}
