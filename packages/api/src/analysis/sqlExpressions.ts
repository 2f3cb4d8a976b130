import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { AGE_BANDS as CORE_AGE_BANDS, ageBandOf as coreAgeBandOf } from "@waymark/core";
import type { Dialect } from "../db/database.js";

/**
 * SQL that differs between SQLite (dates stored as YYYY-MM-DD text) and Postgres (date columns), written once
 * here so the analysis datasets read the same on both.
 */

/** Whole years between a date of birth and a later date, as a birthday decides them. */
export function ageInYears(dialect: Dialect, dateOfBirth: SQLWrapper, onDate: SQLWrapper): SQL {
  if (dialect === "postgres") return sql`cast(date_part('year', age(${onDate}, ${dateOfBirth})) as integer)`;
  return sql`(cast(strftime('%Y', ${onDate}) as integer) - cast(strftime('%Y', ${dateOfBirth}) as integer) - (strftime('%m-%d', ${onDate}) < strftime('%m-%d', ${dateOfBirth})))`;
}

/** Days from `from` to `to` (negative when `to` is earlier); null when either is null. */
export function daysBetween(dialect: Dialect, from: SQLWrapper, to: SQLWrapper): SQL {
  if (dialect === "postgres") return sql`(${to} - ${from})`;
  return sql`cast(julianday(${to}) - julianday(${from}) as integer)`;
}

/**
 * The age bands analysts see instead of a date of birth: core's bands (AGE_BANDS), the same ones the
 * indicators break down by, so a row and an indicator can be set side by side.
 */
export const AGE_BANDS = CORE_AGE_BANDS.codes;

/** The age band (AGE_BANDS) of an age in whole years, as core's `ageBandOf`, whose band edges it reads. */
export function ageBandOf(age: SQL): SQL<string> {
  const edges: { from: number; band: string }[] = [];
  for (let years = 0; years <= 150; years += 1) {
    const band = coreAgeBandOf(years);
    if (edges.at(-1)?.band !== band) edges.push({ from: years, band });
  }
  const [youngest, ...older] = edges;
  // Literals, not parameters: the expression may be grouped by, and Postgres matches a GROUP BY expression
  // to its SELECT only when the text is the same. The codes are core's fixed identifiers.
  const literal = (band: string) => sql.raw(`'${band}'`);
  const branches = older.reverse().map(({ from, band }) => sql`when ${age} >= ${sql.raw(String(from))} then ${literal(band)}`);
  return sql<string>`(case ${sql.join(branches, sql` `)} else ${literal(youngest?.band ?? "UNDER_18")} end)`;
}

/**
 * The postcode district (outward code, e.g. "LS6" of "LS6 2AB"). Postcodes are stored as Royal Mail writes
 * them, with the three-character inward code after one space, so the district is all but the last four.
 */
export function postcodeDistrictOf(postcode: SQLWrapper): SQL<string | null> {
  return sql<string | null>`case when ${postcode} is null or length(${postcode}) < 6 then null else trim(substr(${postcode}, 1, length(${postcode}) - 4)) end`;
}
