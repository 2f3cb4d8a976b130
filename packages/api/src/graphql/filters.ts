import type { IsoDate } from "@waymark/core";
import { and, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { badUserInput } from "./errors.js";
import { localIdOf } from "./globalId.js";
import { DateScalar } from "./scalars.js";

/**
 * The typed filter operators every list's filter input is built from (ENGINEERING.md: eq, in, lt/gte,
 * contains, isNull), and the SQL each one means. Several operators in one filter must all hold.
 */

/** Most values an `in` list may carry, so a filter cannot become an unbounded query. */
export const MAX_IN_VALUES = 100;

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}

registerEnumType(OrderDirection, {
  name: "OrderDirection",
  description: "Sort order of a list.",
  valuesConfig: { ASC: { description: "Smallest or earliest first (A to Z)." }, DESC: { description: "Largest or latest first (Z to A)." } },
});

@InputType({ description: "Conditions on a text value; all given must hold. Text comparisons with contains ignore case." })
export class StringFilter {
  @Field(() => String, { nullable: true, description: "Exactly this value." })
  eq?: string | null;

  @Field(() => [String], { nullable: true, description: `One of these values (at most ${MAX_IN_VALUES}).` })
  in?: string[] | null;

  @Field(() => String, { nullable: true, description: "Contains this text, ignoring case." })
  contains?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: the value is empty (null); false: it is present." })
  isNull?: boolean | null;
}

@InputType({ description: "Conditions on a calendar date; all given must hold." })
export class DateFilter {
  @Field(() => DateScalar, { nullable: true, description: "On this date." })
  eq?: IsoDate | null;

  @Field(() => [DateScalar], { nullable: true, description: `On one of these dates (at most ${MAX_IN_VALUES}).` })
  in?: IsoDate[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Before this date." })
  lt?: IsoDate | null;

  @Field(() => DateScalar, { nullable: true, description: "On or before this date." })
  lte?: IsoDate | null;

  @Field(() => DateScalar, { nullable: true, description: "After this date." })
  gt?: IsoDate | null;

  @Field(() => DateScalar, { nullable: true, description: "On or after this date." })
  gte?: IsoDate | null;

  @Field(() => Boolean, { nullable: true, description: "true: no date recorded; false: a date is recorded." })
  isNull?: boolean | null;
}

@InputType({ description: "Conditions on a reference to another record by its global ID." })
export class IdFilter {
  @Field(() => ID, { nullable: true, description: "This record." })
  eq?: string | null;

  @Field(() => [ID], { nullable: true, description: `One of these records (at most ${MAX_IN_VALUES}).` })
  in?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "true: no record referenced; false: one is." })
  isNull?: boolean | null;
}

function checkInSize(field: string, values: readonly unknown[] | null | undefined): void {
  if (values && values.length > MAX_IN_VALUES) throw badUserInput(`${field}.in`, `Give at most ${MAX_IN_VALUES} values to "in".`);
}

/** `%`, `_` and the escape character itself match literally in a LIKE pattern after this. */
function likeLiteral(text: string): string {
  return text.replace(/[!%_]/g, (character) => `!${character}`);
}

/**
 * Case-insensitive "contains" on a text expression, the same on SQLite and Postgres (`lower` on both sides,
 * LIKE with an explicit escape so a search for "50%" finds "50%").
 */
export function containsText(expression: SQLWrapper, text: string): SQL {
  return sql`lower(${expression}) like ${`%${likeLiteral(text.toLowerCase())}%`} escape '!'`;
}

/** The SQL condition of a StringFilter on `column` (field names the filter's path, for errors). */
export function stringCondition(column: SQLWrapper, filter: StringFilter | null | undefined, field: string): SQL | undefined {
  if (!filter) return undefined;
  checkInSize(field, filter.in);
  const parts: (SQL | undefined)[] = [];
  if (filter.eq != null) parts.push(eq(column as never, filter.eq));
  if (filter.in != null) parts.push(filter.in.length === 0 ? sql`1 = 0` : inArray(column as never, filter.in));
  if (filter.contains != null) parts.push(containsText(column, filter.contains));
  if (filter.isNull != null) parts.push(filter.isNull ? isNull(column as never) : isNotNull(column as never));
  return and(...parts);
}

/** The SQL condition of a DateFilter on a date column. */
export function dateCondition(column: SQLWrapper, filter: DateFilter | null | undefined, field: string): SQL | undefined {
  if (!filter) return undefined;
  checkInSize(field, filter.in);
  const parts: (SQL | undefined)[] = [];
  const target = column as never;
  if (filter.eq != null) parts.push(eq(target, filter.eq));
  if (filter.in != null) parts.push(filter.in.length === 0 ? sql`1 = 0` : inArray(target, filter.in));
  if (filter.lt != null) parts.push(lt(target, filter.lt));
  if (filter.lte != null) parts.push(lte(target, filter.lte));
  if (filter.gt != null) parts.push(gt(target, filter.gt));
  if (filter.gte != null) parts.push(gte(target, filter.gte));
  if (filter.isNull != null) parts.push(filter.isNull ? isNull(target) : isNotNull(target));
  return and(...parts);
}

/**
 * The local ids an IdFilter names, for a column holding ids of `typeName`. An ID of another type matches
 * nothing rather than failing, as `node(id:)` answers null for it.
 */
export function idCondition(column: SQLWrapper, filter: IdFilter | null | undefined, typeName: string, field: string): SQL | undefined {
  if (!filter) return undefined;
  checkInSize(field, filter.in);
  const target = column as never;
  const parts: (SQL | undefined)[] = [];
  const localIds = (ids: readonly string[]) => ids.map((id) => localIdOf(id, typeName)).filter((id): id is string => id !== null);
  if (filter.eq != null) {
    const [localId] = localIds([filter.eq]);
    parts.push(localId === undefined ? sql`1 = 0` : eq(target, localId));
  }
  if (filter.in != null) {
    const ids = localIds(filter.in);
    parts.push(ids.length === 0 ? sql`1 = 0` : inArray(target, ids));
  }
  if (filter.isNull != null) parts.push(filter.isNull ? isNull(target) : isNotNull(target));
  return and(...parts);
}

@InputType({ description: "Conditions on a whole number; all given must hold." })
export class IntFilter {
  @Field(() => Int, { nullable: true, description: "Exactly this number." })
  eq?: number | null;

  @Field(() => [Int], { nullable: true, description: `One of these numbers (at most ${MAX_IN_VALUES}).` })
  in?: number[] | null;

  @Field(() => Int, { nullable: true, description: "Less than this number." })
  lt?: number | null;

  @Field(() => Int, { nullable: true, description: "This number or less." })
  lte?: number | null;

  @Field(() => Int, { nullable: true, description: "More than this number." })
  gt?: number | null;

  @Field(() => Int, { nullable: true, description: "This number or more." })
  gte?: number | null;

  @Field(() => Boolean, { nullable: true, description: "true: no number recorded (or not disclosed); false: one is recorded." })
  isNull?: boolean | null;
}

@InputType({ description: "Conditions on a yes/no value; all given must hold." })
export class BooleanFilter {
  @Field(() => Boolean, { nullable: true, description: "Exactly this value." })
  eq?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "true: no answer recorded (or not disclosed); false: an answer is recorded." })
  isNull?: boolean | null;
}

/** The SQL condition of an IntFilter on a whole-number expression. */
export function intCondition(expression: SQLWrapper, filter: IntFilter | null | undefined, field: string): SQL | undefined {
  if (!filter) return undefined;
  checkInSize(field, filter.in);
  const target = expression as never;
  const parts: (SQL | undefined)[] = [];
  if (filter.eq != null) parts.push(eq(target, filter.eq));
  if (filter.in != null) parts.push(filter.in.length === 0 ? sql`1 = 0` : inArray(target, filter.in));
  if (filter.lt != null) parts.push(lt(target, filter.lt));
  if (filter.lte != null) parts.push(lte(target, filter.lte));
  if (filter.gt != null) parts.push(gt(target, filter.gt));
  if (filter.gte != null) parts.push(gte(target, filter.gte));
  if (filter.isNull != null) parts.push(filter.isNull ? isNull(target) : isNotNull(target));
  return and(...parts);
}

/** The SQL condition of a BooleanFilter on a yes/no expression. */
export function booleanCondition(expression: SQLWrapper, filter: BooleanFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const target = expression as never;
  const parts: (SQL | undefined)[] = [];
  // A literal rather than a bound parameter: SQLite's driver cannot bind a boolean, and both dialects read true/false.
  if (filter.eq != null) parts.push(sql`${expression} = ${sql.raw(filter.eq ? "true" : "false")}`);
  if (filter.isNull != null) parts.push(filter.isNull ? isNull(target) : isNotNull(target));
  return and(...parts);
}
