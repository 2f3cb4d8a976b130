import {
  ageBandOf,
  isOpiate,
  isStructuredModality,
  MODALITIES,
  NOT_ALLOCATED_KEY,
  NOT_RECORDED_GROUP,
  SUBSTANCES,
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

const STRUCTURED_MODALITIES = MODALITIES.codes.filter(isStructuredModality);
const OPIATES = SUBSTANCES.codes.filter(isOpiate);

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

/** The group key of an episode of `all_episodes` (alias `a`) in the breakdown; NO_GROUP without one. */
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

/**
 * The common table expressions every indicator statement starts from (without the `with`), as core's
 * `kpiContext` builds its population:
 * - `all_episodes`: every episode in force whose person is in force, with its first-intervention date (the
 *   earliest in-force pharmacological or psychosocial start), cohort (R-COH-1), main substance, and the
 *   person's age band on the period's first day, sex, ethnicity and postcode district. Dates are text.
 * - `counted`: those that pass the filter, each with `group_key`, its group in the breakdown.
 * Re-presentations and time on OST look in `all_episodes`, since coming back to another team is coming back.
 */
export function populationCtes(query: KpiQuery): SQL {
  const { db, filter } = query;
  return sql`first_starts as (
      select i.episode_id, min(${db.text(sql`i.start_date`)}) as first_intervention_date
      from interventions i
      join catalogue_items c on c.code = i.catalogue_item_code
      where i.entered_in_error_reason is null and c.modality in (${sqlList(STRUCTURED_MODALITIES)})
      group by i.episode_id
    ),
    episode_cohorts as (
      select ps.episode_id,
        case
          when max(case when ps.substance in (${sqlList(OPIATES)}) then 1 else 0 end) = 1 then 'OPIATE'
          when max(case when ps.substance = 'ALCOHOL' then 1 else 0 end) = 1
            and max(case when ps.substance <> 'ALCOHOL' then 1 else 0 end) = 1 then 'NON_OPIATE_AND_ALCOHOL'
          when max(case when ps.substance = 'ALCOHOL' then 1 else 0 end) = 1 then 'ALCOHOL_ONLY'
          else 'NON_OPIATE_ONLY'
        end as cohort,
        min(ps.rank) as main_rank
      from problem_substances ps
      group by ps.episode_id
    ),
    all_episodes as (
      select e.id as episode_id, e.service_user_id, e.team_id, e.keyworker_id, e.status,
        ${db.text(sql`e.referral_date`)} as referral_date,
        ${db.text(sql`e.discharge_date`)} as discharge_date,
        e.discharge_reason,
        f.first_intervention_date,
        co.cohort,
        main.substance as main_substance,
        ${ageBandSql(db.text(sql`su.date_of_birth`), query.period.from)} as age_band,
        su.sex, su.ethnicity,
        ${postcodeDistrictSql(db, sql`su.postcode`)} as postcode_district
      from episodes e
      join service_users su on su.id = e.service_user_id and su.entered_in_error_reason is null
      left join first_starts f on f.episode_id = e.id
      left join episode_cohorts co on co.episode_id = e.id
      left join problem_substances main on main.episode_id = e.id and main.rank = co.main_rank
      where e.entered_in_error_reason is null
    ),
    counted as (
      select a.*, ${groupKeySql(query.breakdown)} as group_key
      from all_episodes a
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
 * The condition "in structured treatment at any time in the period" on a `counted` row (alias `c`), as core's
 * `wasInTreatmentDuring`: treatment began by the period's last day and the episode was not discharged before its first.
 */
export function inTreatmentDuringSql(period: KpiPeriod): SQL {
  return sql`(c.first_intervention_date is not null and c.first_intervention_date <= ${period.to}
    and (c.discharge_date is null or c.discharge_date >= ${period.from}))`;
}

/** A whole number from a row, whatever type the driver returned it as (Postgres gives counts as text). */
export function whole(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
