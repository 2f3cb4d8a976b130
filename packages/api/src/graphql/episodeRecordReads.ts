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

/**
 * A page of one episode's records, newest first. The records come from a per-request loader (one query per
 * relation for a whole page of episodes), so paging happens here rather than in SQL; an episode holds tens
 * of records, not thousands. Records entered in error are left out unless asked for; every record on the
 * page is noted as read in the audit trail.
 */
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
  const first = pageSizeOf(page.first);
  const positionOf = (row: Row): RecordPosition => [whenOf(row), row.createdAt.getTime(), row.id];
  const listed = rows
    .filter((row) => includeEnteredInError || row.enteredInErrorReason === null)
    .sort((a, b) => (comesBefore(positionOf(a), positionOf(b)) ? -1 : 1));
  const after = page.after ? (decodeCursor(page.after, 3) as RecordPosition) : null;
  const remaining = after ? listed.filter((row) => comesBefore(after, positionOf(row))) : listed;
  const connection = pageFromRows(remaining, first, positionOf, toNode, listed.length, after !== null);
  for (const row of remaining.slice(0, first)) context.readAudit.read(recordType, row.id, serviceUserId);
  return connection;
}
