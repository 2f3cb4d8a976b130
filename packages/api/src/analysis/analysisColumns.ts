import type { SQL, SQLWrapper } from "drizzle-orm";
import type { Dialect, Tables } from "../db/database.js";

/**
 * How one field of a pseudonymised record is stored and shown: the same description drives the GraphQL
 * field, its filter, its sort key, its group-by key and, for numbers, its sum/avg/min/max.
 *
 * - `code`: a value from a closed code list (or age band, postcode district), shown as text;
 * - `int`: a whole number; with `measure` it is offered to the aggregates;
 * - `date`: a calendar date;
 * - `bool`: a yes/no answer;
 * - `team`: the episode's team, shown as `{ id name }` and filtered by the team's global ID;
 * - `staff`: a member of staff, shown and filtered by their global ID only (never their name).
 */
export type ColumnKind = "code" | "int" | "date" | "bool" | "team" | "staff";

/** What a column's SQL is built from: the tables and the dialect. */
export interface ColumnSource {
  readonly t: Tables;
  readonly dialect: Dialect;
}

export interface AnalysisColumn {
  /** The GraphQL field name (camelCase). */
  readonly name: string;
  readonly kind: ColumnKind;
  readonly description: string;
  readonly expression: (source: ColumnSource) => SQLWrapper | SQL;
  /** True when every record has a value. */
  readonly required?: boolean;
  /** The codes a `code` column can hold; filters naming any other value are refused. */
  readonly codes?: readonly string[];
  /**
   * Grouping by this column triggers small-number suppression (counts under 5 shown as "<5"): demographics,
   * places, dates and individual staff, any of which can single a person out in a small group.
   */
  readonly disclosive?: boolean;
  /** A number that sum/avg/min/max make sense of. */
  readonly measure?: boolean;
}

/** The SCREAMING_CASE enum value of a column's name, e.g. referralDate → REFERRAL_DATE. */
export function enumValueOf(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

/** The filter field of a column: a team or staff column is filtered by the record's global ID. */
export function filterFieldOf(column: AnalysisColumn): string {
  return column.kind === "team" ? "teamId" : column.name;
}
