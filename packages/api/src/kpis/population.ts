import {
  ageBandOf,
  NOT_ALLOCATED_KEY,
  NOT_RECORDED_GROUP,
  type IsoDate,
  type KpiBreakdown,
  type KpiFilter,
  type KpiPeriod,
} from "@waymark/core";
import { sql, type SQL } from "drizzle-orm";
import type { KpiSql } from "./sqlDialect.js";

/** What every indicator statement needs: the dialect, the period, `asOf`, the breakdown and the filter. */
export interface KpiQuery {
  readonly db: KpiSql;
  readonly period: KpiPeriod;
  readonly asOf: IsoDate;
  readonly breakdown: KpiBreakdown | null;
  readonly filter: KpiFilter;
}

/** The key every row carries when no breakdown was asked for, so one statement serves both cases. */
export const NO_GROUP = "";


/** A list of text values for `in (…)`; never empty where it is used. */
export function sqlList(values: readonly string[]): SQL {
  return sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
}

/**
 * The age band of a person born on `dateOfBirth` (YYYY-MM-DD text) on `day`, as core's `ageBandOf(ageOn(…))`:
 * whole years, one fewer while the day of the year is before the birthday (so a person born on 29 February
 * turns a year older on 1 March in other years, as core counts it). The bands' lower bounds are read from core.
 */
function ageBandSql(dateOfBirth: SQL, day: IsoDate): SQL {
  const dayText = sql`cast(${day} as text)`;
  const age = sql`(cast(substr(${dayText}, 1, 4) as integer) - cast(substr(${dateOfBirth}, 1, 4) as integer)
    - (case when substr(${dayText}, 6, 5) < substr(${dateOfBirth}, 6, 5) then 1 else 0 end))`;
  const bands: { from: number; band: string }[] = [];
  for (let years = 0; years <= 150; years += 1) {
    const band = ageBandOf(years);
    if (bands.at(-1)?.band !== band) bands.push({ from: years, band });
  }
  const [youngest, ...older] = bands;
  return sql`(case ${sql.join(
    older.reverse().map(({ from, band }) => sql`when ${age} >= ${sql.raw(String(from))} then ${band}`),
    sql` `,
  )} else ${youngest?.band ?? "UNDER_18"} end)`;
}

/** Outward codes (SO14, M1, EC1A, W1J) and inward codes (3JA), as core's `postcodeDistrictOf` reads them. */
const OUTWARD_SHAPES = ["A9", "A9X", "AA9", "AA9X"];
const INWARD_SHAPES = ["9AA"];

/**
 * The postcode district (outward code) of a stored postcode, as core's `postcodeDistrictOf`: whitespace and case
 * ignored, an outward code on its own kept, anything that is not a UK postcode null.
 */
function postcodeDistrictSql(db: KpiSql, postcode: SQL): SQL {
  const compact = db.compactUpper(postcode);
  const outward = sql`substr(${compact}, 1, length(${compact}) - 3)`;
  const inward = sql`substr(${compact}, length(${compact}) - 2)`;
  return sql`(case
    when ${db.matchesShape(compact, OUTWARD_SHAPES)} then ${compact}
    when length(${compact}) > 3 and ${db.matchesShape(outward, OUTWARD_SHAPES)} and ${db.matchesShape(inward, INWARD_SHAPES)} then ${outward}
    else null end)`;
}

/** `column in (…)`, with a null in the list matching null; an empty list matches nothing. */
function passes(column: SQL, allowed: readonly (string | null)[] | undefined): SQL {
  if (allowed === undefined) return sql`1 = 1`;
  const values = allowed.filter((value): value is string => value !== null);
  const parts: SQL[] = [];
  if (values.length > 0) parts.push(sql`${column} in (${sqlList(values)})`);
  if (allowed.includes(null)) parts.push(sql`${column} is null`);
  return parts.length === 0 ? sql`1 = 0` : sql`(${sql.join(parts, sql` or `)})`;
}

/** The group key of a `counted` row (alias `a`) in the breakdown; NO_GROUP without one. */
function groupKeySql(breakdown: KpiBreakdown | null): SQL {
  switch (breakdown) {
    case null:
      return sql`${NO_GROUP}`;
    case "TEAM":
      return sql`a.team_id`;
    case "KEYWORKER":
      return sql`coalesce(a.keyworker_id, ${NOT_ALLOCATED_KEY})`;
    case "COHORT":
      return sql`coalesce(a.cohort, ${NOT_RECORDED_GROUP.key})`;
    case "AGE_BAND":
      return sql`a.age_band`;
    case "SEX":
      return sql`a.sex`;
    case "ETHNICITY":
      return sql`a.ethnicity`;
    case "POSTCODE_DISTRICT":
      return sql`coalesce(a.postcode_district, ${NOT_RECORDED_GROUP.key})`;
  }
}

/** The columns of `counted` a statement reads beyond those the filter and breakdown need (null otherwise). */
export interface CountedColumns {
  readonly ageBand?: boolean;
  readonly mainSubstance?: boolean;
}

/**
 * How `counted` is worked out. Materialised by default: its rows are found once through the scope's index. A
 * statement that reaches each episode it needs by its key instead (one at a time, from a driving table of its
 * own) writes it "not materialized", so that no copy of the rows is kept: every materialised table holds up to
 * 16 MB of the driver's page cache while the statement runs.
 */
export type CountedPlacement = "materialized" | "not materialized";

/**
 * The `counted` common table expression (without the `with`): the episodes an indicator counts, as core's
 * `kpiContext` builds its population: in force, their person in force, passing the filter; each with its
 * first-intervention date and cohort (R-COH-1), main substance, the person's age band on the period's first
 * day, sex, ethnicity and postcode district, and `group_key`, its group in the breakdown. Dates are text.
 *
 * `scope` is a condition on the episode (alias `e`) that narrows the episodes to those the indicator can count
 * at all, written so an index answers it (a date range on the episode, or `e.id in (…)` over a date range of
 * its records): the statement's cost then grows with the period's activity, not the provider's history. The
 * demographic expressions are worked out only for the episodes in scope, and only where a statement reads them.
 *
 * The first-intervention date and cohort are the episode's stored columns, which every write refreshes with
 * core's `firstInterventionDate` and `cohortOf` (services/episodeSummary.ts).
 */
export function countedCte(query: KpiQuery, scope: SQL, wanted: CountedColumns = {}, placement: CountedPlacement = "materialized"): SQL {
  const { db, filter, breakdown } = query;
  // A CTE read twice is materialised with every column, so the costly ones are only written where needed.
  const ageBand = wanted.ageBand === true || filter.ageBands !== undefined || breakdown === "AGE_BAND";
  const postcodeDistrict = filter.postcodeDistricts !== undefined || breakdown === "POSTCODE_DISTRICT";
  // Materialised (the default): its rows are worked out once, through the scope's index, before any join or
  // DISTINCT reads them (left inline, the planner may walk every episode in the order of another index to save a sort).
  return sql`counted as ${sql.raw(placement)} (
      select a.*, ${groupKeySql(breakdown)} as group_key
      from (
        select e.id as episode_id, e.service_user_id, e.team_id, e.keyworker_id, e.status,
          ${db.text(sql`e.referral_date`)} as referral_date,
          ${db.text(sql`e.discharge_date`)} as discharge_date,
          e.discharge_reason,
          ${db.text(sql`e.first_intervention_date`)} as first_intervention_date,
          e.cohort,
          ${wanted.mainSubstance === true ? sql`(select ps.substance from problem_substances ps where ps.episode_id = e.id order by ps.rank limit 1)` : sql`null`} as main_substance,
          ${ageBand ? ageBandSql(db.text(sql`su.date_of_birth`), query.period.from) : sql`null`} as age_band,
          su.sex, su.ethnicity,
          ${postcodeDistrict ? postcodeDistrictSql(db, sql`su.postcode`) : sql`null`} as postcode_district
        from episodes e
        join service_users su on su.id = e.service_user_id and su.entered_in_error_reason is null
        where e.entered_in_error_reason is null and ${scope}
      ) a
      where ${passes(sql`a.team_id`, filter.teamIds)}
        and ${passes(sql`a.keyworker_id`, filter.keyworkerIds)}
        and ${passes(sql`a.cohort`, filter.cohorts)}
        and ${passes(sql`a.age_band`, filter.ageBands)}
        and ${passes(sql`a.sex`, filter.sexes)}
        and ${passes(sql`a.ethnicity`, filter.ethnicities)}
        and ${passes(sql`a.postcode_district`, filter.postcodeDistricts)}
    )`;
}

/**
 * Scope: episodes in structured treatment at any time in the period, as core's `wasInTreatmentDuring`:
 * treatment began by the period's last day and the episode was not discharged before its first. The
 * discharge date leads, so an index finds the episodes still open or discharged in or after the period; the
 * treatment start is written through `coalesce` (an undated start never passes) so that the planner cannot
 * choose its index, whose range "on or before the last day" is the provider's whole history.
 */
export function inTreatmentDuringScope(period: KpiPeriod): SQL {
  return sql`(e.discharge_date is null or e.discharge_date >= ${period.from})
    and ${startedBy(period.to)}`;
}

/** The episode (alias `e`) began treatment on or before `day`, written so that no index is used for it. */
export function startedBy(day: IsoDate): SQL {
  return sql`coalesce(e.first_intervention_date, ${NEVER}) <= ${day}`;
}

/**
 * Scope: episodes open at the end of `day` (referred by then, not discharged on or before it), found through
 * the discharge date's index; the referral date is written so that its index, whose range is the provider's
 * whole history, is not chosen.
 */
export function openAtEndOfScope(day: IsoDate): SQL {
  return sql`(e.discharge_date is null or e.discharge_date > ${day}) and coalesce(e.referral_date, ${NEVER}) <= ${day}`;
}

/** Later than any day a report can ask about: an undated treatment start never counts as begun. */
const NEVER = "9999-12-31";

/** A whole number from a row, whatever type the driver returned it as (Postgres gives counts as text). */
export function whole(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
