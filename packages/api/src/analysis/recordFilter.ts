import { and, or, sql, type SQL } from "drizzle-orm";
import { badUserInput } from "../graphql/errors.js";
import { booleanCondition, dateCondition, idCondition, intCondition, stringCondition, type BooleanFilter, type DateFilter, type IdFilter, type IntFilter, type StringFilter } from "../graphql/filters.js";
import { filterFieldOf, type AnalysisColumn, type ColumnSource } from "./analysisColumns.js";
import type { AnalysisDataset } from "./datasets.js";
import { rawExpression } from "./recordSource.js";

/** A pseudonymised record filter as GraphQL hands it over: one operator input per field, plus and/or. */
export interface RecordFilter {
  readonly [field: string]: unknown;
  readonly and?: readonly RecordFilter[] | null;
  readonly or?: readonly RecordFilter[] | null;
}

/** How deep `and`/`or` may nest: deeper is never needed by a report and only makes the SQL slower. */
export const MAX_FILTER_DEPTH = 5;

/** Refuses a value that is not one of a code column's codes, naming the field and the codes allowed. */
function checkCodes(column: AnalysisColumn, filter: StringFilter, path: string): void {
  const allowed = column.codes;
  if (!allowed) return;
  const check = (value: string, where: string) => {
    if (!allowed.includes(value)) throw badUserInput(`${path}.${where}`, `"${value}" is not a code of ${column.name}; use one of ${allowed.join(", ")}.`);
  };
  if (filter.eq != null) check(filter.eq, "eq");
  filter.in?.forEach((value, index) => check(value, `in.${index}`));
}

/** The condition of one column's operator input. */
function columnCondition(column: AnalysisColumn, source: ColumnSource, value: unknown, path: string): SQL | undefined {
  const expression = rawExpression(column, source);
  switch (column.kind) {
    case "code":
      checkCodes(column, value as StringFilter, path);
      return stringCondition(expression, value as StringFilter, path);
    case "int":
      return intCondition(expression, value as IntFilter, path);
    case "date":
      return dateCondition(column.expression(source), value as DateFilter, path);
    case "bool":
      return booleanCondition(expression, value as BooleanFilter);
    case "team":
      return idCondition(column.expression(source), value as IdFilter, "Team", path);
    case "staff":
      return idCondition(column.expression(source), value as IdFilter, "Staff", path);
  }
}

/**
 * The SQL condition of a record filter: every field given must hold, every `and` entry must hold, and at
 * least one `or` entry must hold. Refusals name the field by its path (`filter.or.1.sex.eq`).
 */
export function recordFilterCondition(dataset: AnalysisDataset, source: ColumnSource, filter: RecordFilter | null | undefined, path = "filter", depth = 1): SQL | undefined {
  if (!filter) return undefined;
  if (depth > MAX_FILTER_DEPTH) throw badUserInput(path, `and/or may nest at most ${MAX_FILTER_DEPTH} levels deep.`);
  const parts: (SQL | undefined)[] = [];
  for (const column of dataset.columns) {
    const field = filterFieldOf(column);
    const value = filter[field];
    if (value != null) parts.push(columnCondition(column, source, value, `${path}.${field}`));
  }
  filter.and?.forEach((inner, index) => parts.push(recordFilterCondition(dataset, source, inner, `${path}.and.${index}`, depth + 1)));
  if (filter.or) {
    if (filter.or.length === 0) throw badUserInput(`${path}.or`, "Give at least one filter to or.");
    parts.push(or(...filter.or.map((inner, index) => recordFilterCondition(dataset, source, inner, `${path}.or.${index}`, depth + 1) ?? sql`1 = 1`)));
  }
  return and(...parts);
}
