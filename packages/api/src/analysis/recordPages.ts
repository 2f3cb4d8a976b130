import { and, count, inArray, lte, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Database } from "../db/database.js";
import { afterCursor, orderByKeys, pageFromRows, type SortKey } from "../db/keysetPage.js";
import { badUserInput } from "../graphql/errors.js";
import type { ConnectionShape } from "../graphql/relay.js";
import { enumValueOf, type AnalysisColumn, type ColumnSource } from "./analysisColumns.js";
import type { AnalysisDataset } from "./datasets.js";
import { recordFilterCondition, type RecordFilter } from "./recordFilter.js";
import { columnSource, decodeValue, liveRecords, rawExpression, selectFromDataset } from "./recordSource.js";

/** One key of a requested order: a field's enum value (REFERRAL_DATE) and a direction. */
export interface RecordOrder {
  readonly field: string;
  readonly direction: "ASC" | "DESC";
}

/** Most sort keys an order may have. */
export const MAX_ORDER_KEYS = 5;

/** A record as read: its ids (kept inside the API) and its column values by field name. */
export interface RecordRow {
  readonly localId: string;
  readonly episodeLocalId: string;
  readonly serviceUserLocalId: string;
  readonly teamName: string;
  readonly values: Readonly<Record<string, unknown>>;
}

export interface RecordPageRequest {
  readonly filter: RecordFilter | null | undefined;
  readonly orderBy: readonly RecordOrder[] | null | undefined;
  readonly first: number;
  readonly after: string | null | undefined;
}

/**
 * A sort key that is never null, so keyset comparisons hold: a missing value sorts as the lowest of its kind
 * (first ascending, last descending).
 */
function sortExpression(column: AnalysisColumn, source: ColumnSource): SQL {
  const expression = rawExpression(column, source);
  if (column.kind === "team") return sql`${source.t.teams.name}`;
  if (column.required) return expression;
  switch (column.kind) {
    case "int":
      return sql`coalesce(${expression}, -1000000000)`;
    case "date":
      return sql`coalesce(${column.expression(source)}, '0001-01-01')`;
    case "bool":
      return sql`coalesce(${expression}, false)`;
    default:
      return sql`coalesce(${expression}, '')`;
  }
}

/** The order asked for (refused when unknown, repeated or too long), then the record's id. */
function sortKeysOf(dataset: AnalysisDataset, source: ColumnSource, orderBy: readonly RecordOrder[] | null | undefined): SortKey[] {
  const requested = orderBy && orderBy.length > 0 ? orderBy : dataset.defaultOrder.map((entry) => ({ field: enumValueOf(entry.column), direction: entry.direction }));
  if (requested.length > MAX_ORDER_KEYS) throw badUserInput("orderBy", `Sort by at most ${MAX_ORDER_KEYS} fields.`);
  const seen = new Set<string>();
  const keys = requested.map((entry, index): SortKey => {
    const column = dataset.columns.find((candidate) => enumValueOf(candidate.name) === entry.field);
    if (!column) throw badUserInput(`orderBy.${index}.field`, `${entry.field} is not a field of ${dataset.typeName}.`);
    if (seen.has(entry.field)) throw badUserInput(`orderBy.${index}.field`, `${entry.field} is already a sort key; give each field once.`);
    seen.add(entry.field);
    return { expression: sortExpression(column, source), direction: entry.direction };
  });
  return [...keys, { expression: dataset.id(source.t), direction: "ASC" }];
}

/** What every record query selects: ids, team name, each column raw, and the sort keys for the cursor. */
function recordSelection(dataset: AnalysisDataset, source: ColumnSource, keys: readonly SortKey[]): Record<string, SQL | SQLWrapper> {
  const { t } = source;
  const selection: Record<string, SQL | SQLWrapper> = {
    localId: sql`${dataset.id(t)}`,
    episodeLocalId: sql`${t.episodes.id}`,
    serviceUserLocalId: sql`${t.episodes.serviceUserId}`,
    teamName: sql`${t.teams.name}`,
  };
  dataset.columns.forEach((column, index) => (selection[`c${index}`] = rawExpression(column, source)));
  keys.forEach((key, index) => (selection[`k${index}`] = sql`${key.expression}`));
  return selection;
}

function toRecordRow(dataset: AnalysisDataset, row: Record<string, unknown>): RecordRow {
  const values: Record<string, unknown> = {};
  dataset.columns.forEach((column, index) => (values[column.name] = decodeValue(column, row[`c${index}`])));
  return { localId: String(row.localId), episodeLocalId: String(row.episodeLocalId), serviceUserLocalId: String(row.serviceUserLocalId), teamName: String(row.teamName), values };
}

const cursorValuesOf = (keys: readonly SortKey[]) => (row: Record<string, unknown>) => keys.map((_, index) => row[`k${index}`]);

/**
 * A page of a dataset's records matching the filter, in the order asked then by id, with the SQL count of
 * all matching records. `scope` is the viewer's access condition, applied in the same SQL.
 */
export async function recordPage(database: Database, dataset: AnalysisDataset, scope: SQL, request: RecordPageRequest, extraCondition?: SQL): Promise<ConnectionShape<RecordRow>> {
  const source = columnSource(database);
  const keys = sortKeysOf(dataset, source, request.orderBy);
  const matching = and(scope, liveRecords(source, dataset), recordFilterCondition(dataset, source, request.filter), extraCondition);
  const [rows, [total]] = await Promise.all([
    selectFromDataset(database.read, source, dataset, recordSelection(dataset, source, keys))
      .where(and(matching, afterCursor(keys, request.after)))
      .orderBy(...orderByKeys(keys))
      .limit(request.first + 1),
    selectFromDataset(database.read, source, dataset, { value: count() }).where(matching),
  ]);
  return pageFromRows(rows, request.first, cursorValuesOf(keys), (row) => toRecordRow(dataset, row), Number(total?.value ?? 0), Boolean(request.after));
}

/**
 * The same page for each of several episodes at once (an episode's nested records), in three statements
 * however many episodes: the ids of each episode's first `first + 1` records (ranked in SQL), those records,
 * and the counts per episode.
 */
export async function recordPagesByEpisode(database: Database, dataset: AnalysisDataset, scope: SQL, request: RecordPageRequest, episodeIds: readonly string[]): Promise<ConnectionShape<RecordRow>[]> {
  const source = columnSource(database);
  const { t } = source;
  const keys = sortKeysOf(dataset, source, request.orderBy);
  const episodeId = dataset.episodeId(t);
  const matching = and(scope, liveRecords(source, dataset), recordFilterCondition(dataset, source, request.filter), inArray(episodeId as never, [...episodeIds]));
  const ranked = selectFromDataset(database.read, source, dataset, {
    rankedId: sql`${dataset.id(t)}`.as("ranked_id"),
    rank: sql<number>`row_number() over (partition by ${episodeId} order by ${sql.join(orderByKeys(keys), sql`, `)})`.as("rank"),
  })
    .where(and(matching, afterCursor(keys, request.after))) as unknown as { as(alias: string): { rankedId: SQLWrapper; rank: SQLWrapper } };
  const rankedIds = ranked.as("ranked");
  const firstIds = database.read
    .select({ id: rankedIds.rankedId as never })
    .from(rankedIds as never)
    .where(lte(rankedIds.rank as never, request.first + 1));
  const [rows, totals] = await Promise.all([
    selectFromDataset(database.read, source, dataset, recordSelection(dataset, source, keys))
      .where(inArray(dataset.id(t) as never, firstIds as never))
      .orderBy(...orderByKeys(keys)),
    selectFromDataset(database.read, source, dataset, { episodeId: sql`${episodeId}`, value: count() })
      .where(matching)
      .groupBy(episodeId),
  ]);
  const totalByEpisode = new Map(totals.map((row) => [String(row.episodeId), Number(row.value)]));
  return episodeIds.map((id) => {
    const own = rows.filter((row) => String(row.episodeLocalId) === id);
    return pageFromRows(own, request.first, cursorValuesOf(keys), (row) => toRecordRow(dataset, row), totalByEpisode.get(id) ?? 0, Boolean(request.after));
  });
}

/** Records by their local ids (for `node` and a record's `episode`), within scope; missing ones are null. */
export async function recordsById(database: Database, dataset: AnalysisDataset, scope: SQL, localIds: readonly string[]): Promise<(RecordRow | null)[]> {
  const source = columnSource(database);
  const keys: SortKey[] = [{ expression: dataset.id(source.t), direction: "ASC" }];
  const rows = await selectFromDataset(database.read, source, dataset, recordSelection(dataset, source, keys)).where(
    and(scope, liveRecords(source, dataset), inArray(dataset.id(source.t) as never, [...localIds])),
  );
  const byId = new Map(rows.map((row) => [String(row.localId), toRecordRow(dataset, row)]));
  return localIds.map((id) => byId.get(id) ?? null);
}
