import { EPISODE_STATUSES } from "@waymark/core";
import { sql, type SQL } from "drizzle-orm";
import type { Tables } from "../db/database.js";
import { decodeCursor, type SortKey } from "../db/keysetPage.js";
import { badUserInput } from "../graphql/errors.js";

/**
 * The orders a caseload can be sorted in, as keyset sort keys. Each key is a plain expression the database
 * can compare with a cursor value; nullable columns are wrapped so every row has a place.
 */

export type CaseloadOrderField = "NEXT_REVIEW_DUE" | "LAST_NAME" | "REFERRAL_DATE" | "DAYS_SINCE_LAST_ATTENDED_CONTACT" | "STATUS";

export interface CaseloadOrderBy {
  readonly field: CaseloadOrderField;
  readonly direction: "ASC" | "DESC";
}

/** Soonest review first: what a keyworker opens their caseload to. */
export const DEFAULT_CASELOAD_ORDER: readonly CaseloadOrderBy[] = [{ field: "NEXT_REVIEW_DUE", direction: "ASC" }];

/** Most orderings a request may combine; more would only make the cursor longer. */
export const MAX_CASELOAD_ORDERINGS = 5;

/** A sort key with the kind of value its cursor holds, so a cursor from another ordering is refused, not misread. */
export interface TypedSortKey extends SortKey {
  readonly value: "date" | "text" | "number";
}

const flip = (direction: "ASC" | "DESC"): "ASC" | "DESC" => (direction === "ASC" ? "DESC" : "ASC");

/** The journey position of a status, so STATUS sorts referral → in treatment, not alphabetically. */
function journeyPosition(t: Tables): SQL {
  const branches = EPISODE_STATUSES.codes.map((status, position) => sql`when ${status} then ${sql.raw(String(position))}`);
  return sql`(case ${t.episodes.status} ${sql.join(branches, sql` `)} end)`;
}

/**
 * The expressions of one ordering:
 * - NEXT_REVIEW_DUE: episodes with no signed-off plan have no review due and sort after every date;
 * - LAST_NAME: ignoring case, then first name;
 * - DAYS_SINCE_LAST_ATTENDED_CONTACT: more days means an earlier last attended date, so the date sorts the
 *   other way; someone never seen since referral counts as the longest without contact.
 */
function keysOf(order: CaseloadOrderBy, t: Tables): TypedSortKey[] {
  const { direction } = order;
  switch (order.field) {
    case "NEXT_REVIEW_DUE":
      return [{ expression: sql`coalesce(${t.episodes.nextReviewDue}, '9999-12-31')`, direction, value: "date" }];
    case "LAST_NAME":
      return [
        { expression: sql`lower(${t.serviceUsers.lastName})`, direction, value: "text" },
        { expression: sql`lower(${t.serviceUsers.firstName})`, direction, value: "text" },
      ];
    case "REFERRAL_DATE":
      return [{ expression: t.episodes.referralDate, direction, value: "date" }];
    case "DAYS_SINCE_LAST_ATTENDED_CONTACT":
      return [{ expression: sql`coalesce(${t.episodes.lastAttendedContactDate}, '0001-01-01')`, direction: flip(direction), value: "date" }];
    case "STATUS":
      return [{ expression: journeyPosition(t), direction, value: "number" }];
  }
}

/** The sort keys of the requested orderings, each field once, ending with the episode id so the order is total. */
export function caseloadSortKeys(orderBy: readonly CaseloadOrderBy[], t: Tables): TypedSortKey[] {
  const seen = new Set<CaseloadOrderField>();
  const keys: TypedSortKey[] = [];
  for (const order of orderBy.length > 0 ? orderBy : DEFAULT_CASELOAD_ORDER) {
    if (seen.has(order.field)) continue;
    seen.add(order.field);
    keys.push(...keysOf(order, t));
  }
  keys.push({ expression: t.episodes.id, direction: "ASC", value: "text" });
  return keys;
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** Refuses a cursor whose values do not fit the keys, as one taken from a list in another order would not. */
export function checkCursorFitsKeys(keys: readonly TypedSortKey[], cursor: string | null | undefined): void {
  if (!cursor) return;
  const values = decodeCursor(cursor, keys.length);
  const fits = keys.every((key, index) => {
    const value = values[index];
    if (key.value === "number") return typeof value === "number";
    return typeof value === "string" && (key.value === "text" || DATE_SHAPE.test(value));
  });
  if (!fits) throw badUserInput("after", "This cursor is from a list in another order. Use a pageInfo.endCursor from the same query.");
}
