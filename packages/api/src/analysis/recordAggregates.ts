import { and, count, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Database } from "../db/database.js";
import { badUserInput } from "../graphql/errors.js";
import { enumValueOf, type AnalysisColumn } from "./analysisColumns.js";
import type { AnalysisDataset } from "./datasets.js";
import { recordFilterCondition, type RecordFilter } from "./recordFilter.js";
import { columnSource, decodeValue, liveRecords, rawExpression, selectFromDataset } from "./recordSource.js";

/**
 * Small-number suppression (DOMAIN §7): a group with fewer than this many records, when grouped by any
 * disclosive field (demographics, postcode district, dates, individual staff), shows no count and no
 * sum/avg/min/max, only "<5", so a group cannot single a person out.
 */
export const SUPPRESSION_THRESHOLD = 5;

/** What groups' count shows when suppressed. */
export const SUPPRESSED_COUNT = "<5";

/** Most groups one aggregate may return. */
export const MAX_GROUPS = 1000;

export type MeasureValues = Readonly<Record<string, number | null>>;

export interface RecordGroup {
  /** The group's value of each grouped field, by field name (team as its local id and name). */
  readonly key: Readonly<Record<string, unknown>>;
  readonly count: number | null;
  readonly countShown: string;
  readonly suppressed: boolean;
  readonly sum: MeasureValues | null;
  readonly avg: MeasureValues | null;
  readonly min: MeasureValues | null;
  readonly max: MeasureValues | null;
}

export interface AggregateRequest {
  readonly filter: RecordFilter | null | undefined;
  readonly groupBy: readonly string[];
  readonly first: number;
}

const FUNCTIONS = ["sum", "avg", "min", "max"] as const;

function groupColumnsOf(dataset: AnalysisDataset, groupBy: readonly string[]): AnalysisColumn[] {
  const seen = new Set<string>();
  return groupBy.map((field, index) => {
    const column = dataset.columns.find((candidate) => enumValueOf(candidate.name) === field);
    if (!column) throw badUserInput(`groupBy.${index}`, `${field} is not a field of ${dataset.typeName}.`);
    if (seen.has(field)) throw badUserInput(`groupBy.${index}`, `${field} is grouped by already; give each field once.`);
    seen.add(field);
    return column;
  });
}

/** True when a grouping by these fields must suppress small groups (SUPPRESSION_THRESHOLD). */
export function groupingIsDisclosive(columns: readonly AnalysisColumn[]): boolean {
  return columns.some((column) => column.disclosive === true);
}

/**
 * The groups of a dataset's records matching the filter, one per combination of the grouped fields' values
 * (in ascending order of them), each with its count and the sum/avg/min/max of every numeric field, all
 * computed by one SQL GROUP BY. Suppression applies as SUPPRESSION_THRESHOLD says. `extraCondition` narrows
 * the records further (an episode's own records).
 */
export async function recordGroups(database: Database, dataset: AnalysisDataset, scope: SQL, request: AggregateRequest, extraCondition?: SQL): Promise<RecordGroup[]> {
  if (!Number.isInteger(request.first) || request.first < 1 || request.first > MAX_GROUPS) throw badUserInput("first", `first must be a whole number from 1 to ${MAX_GROUPS}.`);
  const source = columnSource(database);
  const { t } = source;
  const grouped = groupColumnsOf(dataset, request.groupBy);
  const measures = dataset.columns.filter((column) => column.measure);
  const keyExpressions: SQLWrapper[] = [];
  const selection: Record<string, SQL | SQLWrapper> = { groupCount: count() };
  grouped.forEach((column, index) => {
    const expression = rawExpression(column, source);
    selection[`g${index}`] = expression;
    keyExpressions.push(expression);
    if (column.kind === "team") {
      selection[`g${index}name`] = sql`${t.teams.name}`;
      keyExpressions.push(t.teams.name);
    }
  });
  measures.forEach((column, index) => {
    const expression = rawExpression(column, source);
    for (const fn of FUNCTIONS) selection[`${fn}${index}`] = sql`${sql.raw(fn)}(${expression})`;
  });
  const matching = and(scope, liveRecords(source, dataset), recordFilterCondition(dataset, source, request.filter), extraCondition);
  let query = selectFromDataset(database.read, source, dataset, selection).where(matching);
  if (keyExpressions.length > 0) query = query.groupBy(...keyExpressions).orderBy(...keyExpressions.map((expression) => sql`${expression} asc`));
  const rows = await query.limit(request.first);

  const suppressing = groupingIsDisclosive(grouped);
  return rows.map((row): RecordGroup => {
    const key: Record<string, unknown> = {};
    grouped.forEach((column, index) => {
      const value = row[`g${index}`];
      key[column.name] = column.kind === "team" ? { localId: String(value), name: String(row[`g${index}name`]) } : decodeValue(column, value);
    });
    const groupCount = Number(row.groupCount);
    if (suppressing && groupCount < SUPPRESSION_THRESHOLD) {
      return { key, count: null, countShown: SUPPRESSED_COUNT, suppressed: true, sum: null, avg: null, min: null, max: null };
    }
    const valuesOf = (fn: (typeof FUNCTIONS)[number]): MeasureValues =>
      Object.fromEntries(measures.map((column, index) => {
        const value = row[`${fn}${index}`];
        return [column.name, value === null || value === undefined ? null : Number(value)];
      }));
    return { key, count: groupCount, countShown: String(groupCount), suppressed: false, sum: valuesOf("sum"), avg: valuesOf("avg"), min: valuesOf("min"), max: valuesOf("max") };
  });
}
