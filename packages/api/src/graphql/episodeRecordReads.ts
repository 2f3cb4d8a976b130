import { and, eq, inArray, type InferSelectModel } from "drizzle-orm";
import { episodeScope } from "../access/scope.js";
import { isClinician } from "../auth/viewer.js";
import type { Db, Tables } from "../db/database.js";
import { decodeCursor, pageFromRows } from "../db/keysetPage.js";
import type { RequestContext } from "./context.js";
import { registerNodeType } from "./nodeRegistry.js";
import { pageSizeOf, type ConnectionShape, type PageArgs } from "./relay.js";
import { scopedLoaders } from "./scopedLoaders.js";

/** The clinical tables whose rows belong to one episode through an `episode_id` column. */
export type EpisodeChildTable =
  | Tables["assessments"]
  | Tables["recoveryPlans"]
  | Tables["reviews"]
  | Tables["interventions"]
  | Tables["outcomeRecords"]
  | Tables["contacts"]
  | Tables["harmReductionRecords"];

/**
 * One record of an episode, only when that episode is in the viewer's scope (DOMAIN §1); null otherwise,
 * so a record outside scope and one that does not exist look the same.
 */
export async function findEpisodeChildInScope<T extends EpisodeChildTable>(db: Db, context: RequestContext, table: T, localId: string): Promise<InferSelectModel<T> | null> {
  if (!context.viewer || !isClinician(context.viewer)) return null;
  const t = context.database.tables;
  const episodesInScope = db.select({ id: t.episodes.id }).from(t.episodes).where(episodeScope(context.viewer, t, context.clock.now()));
  // Every member of the union has `id` and `episodeId`; drizzle cannot see that through the union.
  const anyTable = table as Tables["interventions"];
  const [row] = await db.select().from(anyTable).where(and(eq(anyTable.id, localId), inArray(anyTable.episodeId, episodesInScope)));
  return (row as InferSelectModel<T> | undefined) ?? null;
}

/**
 * Registers how `node(id:)` fetches one type of episode record: through its episode's scope, noting the read
 * in the audit trail (DOMAIN §3: every read of a person's record is audited).
 */
export function registerEpisodeRecordNode<Row extends { id: string; episodeId: string }>(typeName: string, tableOf: (t: Tables) => EpisodeChildTable, toNode: (row: Row) => object): void {
  registerNodeType(typeName, async (localId, context) => {
    const row = (await findEpisodeChildInScope(context.database.read, context, tableOf(context.database.tables), localId)) as Row | null;
    if (!row) return null;
    const episode = await scopedLoaders(context).episodeById.load(row.episodeId);
    context.readAudit.read(typeName, row.id, episode?.serviceUserId ?? null);
    return toNode(row);
  });
}

interface ListedRecord {
  readonly id: string;
  readonly createdAt: Date;
  readonly enteredInErrorReason: string | null;
}

/** Where a record sits in a newest-first list: its own date (and time), then when it was recorded, then its id. */
type RecordPosition = [when: string, recordedAt: number, id: string];

function comesBefore(a: RecordPosition, b: RecordPosition): boolean {
  if (a[0] !== b[0]) return a[0] > b[0];
  if (a[1] !== b[1]) return a[1] > b[1];
  return a[2] > b[2];
}

/** A page's records (one more than the page where a next page follows), how many the whole list holds, and whether it starts after a cursor. */
export interface RecordsPage<Row> {
  readonly rows: readonly Row[];
  readonly totalCount: number;
  readonly hasPreviousPage: boolean;
}

/**
 * A page of one episode's records, newest first, from all of them. The records come from a per-request
 * loader (one query per relation for a whole page of episodes), so paging happens here rather than in SQL; an
 * episode holds tens of records, not thousands (contacts, which can run to hundreds, page one episode's in SQL:
 * graphql/contactPages). Records entered in error are left out unless asked for.
 */
export function listedRecords<Row extends ListedRecord>(rows: readonly Row[], whenOf: (row: Row) => string, page: Pick<PageArgs, "first" | "after">, includeEnteredInError: boolean): RecordsPage<Row> {
  const first = pageSizeOf(page.first);
  // Each record's position is worked out once, not at every comparison of the sort.
  const listed = rows
    .filter((row) => includeEnteredInError || row.enteredInErrorReason === null)
    .map((row) => ({ row, position: positionOf(row, whenOf) }))
    .sort((a, b) => (comesBefore(a.position, b.position) ? -1 : 1));
  const after = page.after ? (decodeCursor(page.after, 3) as RecordPosition) : null;
  const remaining = after ? listed.filter((entry) => comesBefore(after, entry.position)) : listed;
  return { rows: remaining.slice(0, first + 1).map((entry) => entry.row), totalCount: listed.length, hasPreviousPage: after !== null };
}

const positionOf = <Row extends ListedRecord>(row: Row, whenOf: (row: Row) => string): RecordPosition => [whenOf(row), row.createdAt.getTime(), row.id];

/** The connection for a page of an episode's records; every record on the page is noted as read in the audit trail. */
export function recordsConnection<Row extends ListedRecord, Node>(
  context: RequestContext,
  recordType: string,
  serviceUserId: string,
  page: RecordsPage<Row>,
  first: number | null | undefined,
  whenOf: (row: Row) => string,
  toNode: (row: Row) => Node,
): ConnectionShape<Node> {
  const size = pageSizeOf(first);
  const connection = pageFromRows(page.rows, size, (row) => positionOf(row, whenOf), toNode, page.totalCount, page.hasPreviousPage);
  for (const row of page.rows.slice(0, size)) context.readAudit.read(recordType, row.id, serviceUserId);
  return connection;
}

/** A page of one episode's records, newest first, from all of them (listedRecords), audited as read. */
export function pageOfEpisodeRecords<Row extends ListedRecord, Node>(
  context: RequestContext,
  recordType: string,
  serviceUserId: string,
  rows: readonly Row[],
  whenOf: (row: Row) => string,
  page: PageArgs,
  includeEnteredInError: boolean,
  toNode: (row: Row) => Node,
): ConnectionShape<Node> {
  return recordsConnection(context, recordType, serviceUserId, listedRecords(rows, whenOf, page, includeEnteredInError), page.first, whenOf, toNode);
}
