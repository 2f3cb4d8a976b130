import { eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Database, Db } from "../db/database.js";
import type { AnalysisColumn, ColumnSource } from "./analysisColumns.js";
import { episodeAndPersonLive, type AnalysisDataset } from "./datasets.js";

/**
 * The FROM clause every analysis query shares: the dataset's table joined to its episode, the episode's
 * person and team, so any dataset can be filtered and grouped by the person and episode fields.
 */

/** The parts of drizzle's select builder the analysis queries use, the same on both dialects. */
export interface SourceQuery extends PromiseLike<Record<string, unknown>[]> {
  where(condition: SQL | undefined): SourceQuery;
  orderBy(...order: SQL[]): SourceQuery;
  groupBy(...keys: SQLWrapper[]): SourceQuery;
  limit(count: number): SourceQuery;
}

interface Joinable {
  innerJoin(table: unknown, on: SQL): Joinable;
}

/** `select <selection> from <dataset> join episode, person, team`. */
export function selectFromDataset(db: Db, source: ColumnSource, dataset: AnalysisDataset, selection: Record<string, SQL | SQLWrapper>): SourceQuery {
  const { t } = source;
  // The builder's types depend on the table chosen at run time; every branch yields the same builder shape.
  const start = db.select(selection as never).from(dataset.table(t) as never) as unknown as Joinable;
  const withEpisode = dataset.key === "episodes" ? start : start.innerJoin(t.episodes, eq(dataset.episodeId(t) as never, t.episodes.id));
  const joined = withEpisode.innerJoin(t.serviceUsers, eq(t.serviceUsers.id, t.episodes.serviceUserId)).innerJoin(t.teams, eq(t.teams.id, t.episodes.teamId));
  return joined as unknown as SourceQuery;
}

/** Records that count: not entered in error, nor their episode or person. */
export function liveRecords(source: ColumnSource, dataset: AnalysisDataset): SQL {
  const parts = [dataset.live(source.t), episodeAndPersonLive(source.t)].filter((part): part is SQL => part !== undefined);
  return sql.join(parts, sql` and `);
}

/** The column's SQL, read raw (the decoding is done by `decodeValue`, the same for both dialects). */
export function rawExpression(column: AnalysisColumn, source: ColumnSource): SQL {
  return sql`${column.expression(source)}`;
}

/** A value as the schema shows it: SQLite returns 0/1 for booleans and Postgres strings for big numbers. */
export function decodeValue(column: AnalysisColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case "int":
      return Number(value);
    case "bool":
      return value === true || value === 1 || value === "1" || value === "t" || value === "true";
    default:
      return String(value);
  }
}

/** The source of a database's analysis SQL. */
export function columnSource(database: Database): ColumnSource {
  return { t: database.tables, dialect: database.dialect };
}
