import { and, count, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db, Tables } from "../db/database.js";
import { afterCursor, orderByKeys, pageFromRows, type SortKey } from "../db/keysetPage.js";
import type { AuditEventRow } from "../db/mappers.js";
import { badUserInput } from "../graphql/errors.js";
import { idCondition, MAX_IN_VALUES, stringCondition, type IdFilter } from "../graphql/filters.js";
import { fromGlobalId } from "../graphql/globalId.js";
import type { ConnectionShape } from "../graphql/relay.js";
import type { AuditEventFilter } from "../graphql/types/audit.js";

const NOTHING = sql`1 = 0`;

/**
 * Events about the people the filter names, found through the trail's index by person (auditEventPeople)
 * and, for the newest events that are not in it yet (SQLite adds them in the background), in audit_events
 * itself: those lie above the last event indexed, so they are read by primary key. A filter on having no
 * person at all is not something that index holds, so it reads audit_events.
 */
function personCondition(t: Tables, filter: IdFilter | null | undefined): SQL | undefined {
  const onEvents = idCondition(t.auditEvents.serviceUserId, filter, "ServiceUser", "filter.serviceUserId");
  if (!filter || !onEvents || filter.isNull != null) return onEvents;
  const people = t.auditEventPeople;
  const onPeople = idCondition(people.serviceUserId, filter, "ServiceUser", "filter.serviceUserId");
  // One list of event ids, so the page is read straight off the primary key in order (an OR of the two
  // made SQLite walk the whole trail for a page newest first).
  return sql`${t.auditEvents.id} in (
    select ${people.eventId} from ${people} where ${onPeople}
    union all
    select ${t.auditEvents.id} from ${t.auditEvents}
    where ${t.auditEvents.id} > (select coalesce(max(${people.eventId}), 0) from ${people}) and ${onEvents})`;
}

/** The filter as a condition on `audit_events`. */
export function auditEventCondition(t: Tables, filter: AuditEventFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const events = t.auditEvents;
  const parts: (SQL | undefined)[] = [
    idCondition(events.actorId, filter.actorId, "StaffMember", "filter.actorId"),
    personCondition(t, filter.serviceUserId),
    stringCondition(events.recordType, filter.recordType, "filter.recordType"),
  ];
  if (filter.action?.eq != null) parts.push(eq(events.action, filter.action.eq));
  if (filter.action?.in != null) {
    if (filter.action.in.length > MAX_IN_VALUES) throw badUserInput("filter.action.in", `Give at most ${MAX_IN_VALUES} values to "in".`);
    parts.push(filter.action.in.length === 0 ? NOTHING : inArray(events.action, filter.action.in));
  }
  if (filter.recordId != null) {
    // The global ID carries the record's type; events store the type and local id apart.
    const record = fromGlobalId(filter.recordId);
    parts.push(record ? and(eq(events.recordType, record.type), eq(events.recordId, record.id)) : NOTHING);
  }
  // Compared through drizzle's operators so the moment is encoded as each dialect stores it.
  if (filter.from != null) parts.push(gte(events.at, filter.from));
  if (filter.to != null) parts.push(lt(events.at, filter.to));
  return and(...parts);
}

/**
 * A page of the audit trail in the order events were recorded (newest first by default). The identity
 * column grows with every insert, so it orders the trail and pages it through its primary key.
 */
export async function listAuditEvents(
  db: Db,
  t: Tables,
  options: { readonly first: number; readonly after: string | null | undefined; readonly filter: AuditEventFilter | null | undefined; readonly newestFirst: boolean },
): Promise<ConnectionShape<AuditEventRow>> {
  const keys: SortKey[] = [{ expression: t.auditEvents.id, direction: options.newestFirst ? "DESC" : "ASC" }];
  const where = auditEventCondition(t, options.filter);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(t.auditEvents)
      .where(and(where, afterCursor(keys, options.after)))
      .orderBy(...orderByKeys(keys))
      .limit(options.first + 1),
    db.select({ total: count() }).from(t.auditEvents).where(where),
  ]);
  return pageFromRows(rows, options.first, (row) => [row.id], (row) => row, Number(total?.total ?? 0), Boolean(options.after));
}
