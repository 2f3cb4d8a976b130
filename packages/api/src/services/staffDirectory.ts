import { and, count, eq, or, sql, type SQL } from "drizzle-orm";
import type { Role } from "@waymark/core";
import { staffScopeCondition } from "../access/staffScope.js";
import type { Viewer } from "../auth/viewer.js";
import type { Db, Tables } from "../db/database.js";
import { afterCursor, orderByKeys, pageFromRows, type SortKey } from "../db/keysetPage.js";
import type { StaffRow } from "../db/mappers.js";
import { badUserInput } from "../graphql/errors.js";
import { idCondition, MAX_IN_VALUES, stringCondition } from "../graphql/filters.js";
import type { ConnectionShape } from "../graphql/relay.js";
import type { StaffFilter, StaffOrder } from "../graphql/types/organisation.js";

const NOTHING = sql`1 = 0`;
/** Deep enough for any real question; bounded so a crafted filter cannot exhaust the stack. */
const MAX_FILTER_DEPTH = 5;
/** Most orderings a request may combine; there are only two fields. */
const MAX_ORDERINGS = 2;

/** Roles are a JSON list; its text form holds each role in quotes, and no role's name contains another's. */
export function staffHasRole(t: Tables, role: Role): SQL {
  return sql`cast(${t.staff.roles} as text) like ${`%"${role}"%`}`;
}

/** Team membership: eq/in through the link table; isNull true for accounts in no team. */
function teamCondition(t: Tables, filter: NonNullable<StaffFilter["teamId"]>, field: string): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  const byId = idCondition(t.staffTeams.teamId, { eq: filter.eq, in: filter.in }, "Team", field);
  if (byId) parts.push(sql`${t.staff.id} in (select ${t.staffTeams.staffId} from ${t.staffTeams} where ${byId})`);
  if (filter.isNull != null) {
    const inAnyTeam = sql`exists (select 1 from ${t.staffTeams} where ${t.staffTeams.staffId} = ${t.staff.id})`;
    parts.push(filter.isNull ? sql`not ${inAnyTeam}` : inAnyTeam);
  }
  return and(...parts);
}

/** The filter as a condition on `staff`; `path` names the filter in errors. */
export function staffFilterCondition(t: Tables, filter: StaffFilter | null | undefined, path = "filter", depth = 0): SQL | undefined {
  if (!filter) return undefined;
  if (depth > MAX_FILTER_DEPTH) throw badUserInput(path, `Filters may nest and/or at most ${MAX_FILTER_DEPTH} deep.`);
  const parts: (SQL | undefined)[] = [
    stringCondition(t.staff.name, filter.name, `${path}.name`),
    stringCondition(t.staff.email, filter.email, `${path}.email`),
  ];
  if (filter.teamId) parts.push(teamCondition(t, filter.teamId, `${path}.teamId`));
  if (filter.role?.eq != null) parts.push(staffHasRole(t, filter.role.eq));
  if (filter.role?.in != null) parts.push(or(...filter.role.in.map((role) => staffHasRole(t, role))) ?? NOTHING);
  if (filter.active != null) parts.push(eq(t.staff.active, filter.active));
  if (filter.and && filter.and.length > MAX_IN_VALUES) throw badUserInput(`${path}.and`, `Combine at most ${MAX_IN_VALUES} filters.`);
  if (filter.or && filter.or.length > MAX_IN_VALUES) throw badUserInput(`${path}.or`, `Combine at most ${MAX_IN_VALUES} filters.`);
  for (const [index, nested] of (filter.and ?? []).entries()) parts.push(staffFilterCondition(t, nested, `${path}.and.${index}`, depth + 1));
  if (filter.or) parts.push(or(...filter.or.map((nested, index) => staffFilterCondition(t, nested, `${path}.or.${index}`, depth + 1) ?? sql`1 = 1`)) ?? NOTHING);
  return and(...parts);
}

/** Sort keys for the orderings, each field once, ending with the id so the order is total. */
function staffSortKeys(t: Tables, orderBy: readonly StaffOrder[] | null | undefined): SortKey[] {
  if (orderBy && orderBy.length > MAX_ORDERINGS) throw badUserInput("orderBy", `Sort by at most ${MAX_ORDERINGS} keys.`);
  const keys: SortKey[] = [];
  const seen = new Set<string>();
  for (const order of orderBy && orderBy.length > 0 ? orderBy : [{ field: "NAME", direction: "ASC" } as StaffOrder]) {
    if (seen.has(order.field)) continue;
    seen.add(order.field);
    keys.push({ expression: order.field === "NAME" ? sql`lower(${t.staff.name})` : t.staff.email, direction: order.direction });
  }
  keys.push({ expression: t.staff.id, direction: "ASC" });
  return keys;
}

/**
 * A page of the staff accounts the viewer may see (access/staffScope.ts), filtered and ordered. Sort values
 * are computed by the database and carried in the cursor, so paging follows the database's own order.
 */
export async function listStaff(
  db: Db,
  t: Tables,
  viewer: Viewer,
  options: { readonly first: number; readonly after: string | null | undefined; readonly filter: StaffFilter | null | undefined; readonly orderBy: readonly StaffOrder[] | null | undefined },
): Promise<ConnectionShape<StaffRow>> {
  const keys = staffSortKeys(t, options.orderBy);
  const where = and(staffScopeCondition(viewer, t), staffFilterCondition(t, options.filter));
  const sortColumns = Object.fromEntries(keys.map((key, index) => [`sortKey${index}`, sql`${key.expression}`]));
  const [rows, [total]] = await Promise.all([
    db
      .select({ staff: t.staff, ...sortColumns })
      .from(t.staff)
      .where(and(where, afterCursor(keys, options.after)))
      .orderBy(...orderByKeys(keys))
      .limit(options.first + 1),
    db.select({ total: count() }).from(t.staff).where(where),
  ]);
  const pageRows = rows as unknown as (Record<string, unknown> & { staff: StaffRow })[];
  const cursorValuesOf = (row: Record<string, unknown>) => keys.map((_key, index) => row[`sortKey${index}`]);
  return pageFromRows(pageRows, options.first, cursorValuesOf, (row) => row.staff, Number(total?.total ?? 0), Boolean(options.after));
}
