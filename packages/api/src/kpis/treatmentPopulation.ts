import { DISCHARGE_REASONS, isSuccessfulCompletion, REPRESENTATION_WINDOW_DAYS } from "@waymark/core";
import { sql, type SQL } from "drizzle-orm";
import { countedCte, inTreatmentDuringScope, sqlList, whole, type KpiQuery } from "./population.js";

const SUCCESSFUL_COMPLETIONS = DISCHARGE_REASONS.codes.filter(isSuccessfulCompletion);
/** Statuses of a blood-borne-virus offer that show it was made: a decline is an offer refused. */
const OFFERED = ["OFFERED", "ACCEPTED", "DECLINED"];

/** What K-14 checks on an episode's harm-reduction records, by measure key (core's HARM_REDUCTION_MEASURES). */
export const HARM_REDUCTION_CONDITIONS = {
  NALOXONE_ISSUED: sql`h.naloxone_issued_to is not null`,
  HEPATITIS_B_VACCINATION_OFFERED: sql`h.hepatitis_b_vaccination in (${sqlList(OFFERED)})`,
  HEPATITIS_B_VACCINATION_ACCEPTED: sql`h.hepatitis_b_vaccination = 'ACCEPTED'`,
  HEPATITIS_C_TEST_OFFERED: sql`h.hepatitis_c_test in (${sqlList(OFFERED)})`,
  HEPATITIS_C_TEST_ACCEPTED: sql`h.hepatitis_c_test = 'ACCEPTED'`,
} as const;

export type HarmReductionKey = keyof typeof HARM_REDUCTION_CONDITIONS;
const HARM_KEYS = Object.keys(HARM_REDUCTION_CONDITIONS) as HarmReductionKey[];

/** One cell of the episodes in treatment: a breakdown group crossed with the splits K-1 and K-5 always give. */
export interface TreatmentCell {
  readonly groupKey: string;
  readonly cohort: string | null;
  readonly ageBand: string;
  readonly sex: string;
  readonly ethnicity: string;
  /** Episodes in treatment in the period (K-1; the denominator of K-5, K-13, K-14). */
  readonly inTreatment: number;
  /** Successful completions in the period (K-6's denominator). */
  readonly completed: number;
  /** Of those, followed by a re-presentation known on `asOf` (K-6's numerator). */
  readonly represented: number;
  /** Of those not re-presented, the ones whose 182 days run past `asOf`. */
  readonly windowStillOpen: number;
  /** Episodes with recovery support under way in the period (K-13's numerator). */
  readonly withRecoverySupport: number;
  /** Episodes meeting each K-14 measure. */
  readonly harmReduction: Readonly<Record<HarmReductionKey, number>>;
}

/** The cells, and the distinct people behind the episodes in treatment. */
export interface TreatmentPopulation {
  readonly cells: readonly TreatmentCell[];
  readonly people: number;
}

/**
 * One statement for everything counted per episode in treatment in the period (K-1, K-5, K-6, K-13, K-14),
 * aggregated in SQL to one row per cell. A re-presentation (R-REP-1) is any in-force episode of the same person,
 * in whatever team, referred 0..182 days after the completion and on or before `asOf`.
 */
export async function treatmentPopulation(query: KpiQuery): Promise<TreatmentPopulation> {
  const { db, period, asOf } = query;
  const exists = (from: SQL, where: SQL) => sql`(case when exists (select 1 from ${from} where ${where}) then 1 else 0 end)`;
  const completedInPeriod = sql`(c.discharge_reason in (${sqlList(SUCCESSFUL_COMPLETIONS)}) and c.discharge_date >= ${period.from} and c.discharge_date <= ${period.to})`;
  const windowClosesOn = db.addDays(sql`c.discharge_date`, sql`${REPRESENTATION_WINDOW_DAYS}`);
  const harmFlags = HARM_KEYS.map(
    (key) =>
      sql`${exists(
        sql`harm_reduction_records h`,
        sql`h.episode_id = c.episode_id and h.entered_in_error_reason is null and ${db.text(sql`h.date`)} <= ${period.to} and ${HARM_REDUCTION_CONDITIONS[key]}`,
      )} as ${sql.raw(harmColumn(key))}`,
  );
  // Re-presentations are looked up only for the completions, one seek each along the person's episodes: any
  // episode in force of the same person (who is in force, being counted) is a coming back, whatever its team.
  const representation = exists(
    sql`episodes later`,
    sql`later.service_user_id = c.service_user_id and later.id <> c.episode_id and later.entered_in_error_reason is null
      and ${db.text(sql`later.referral_date`)} <= ${asOf} and ${db.text(sql`later.referral_date`)} >= c.discharge_date
      and ${db.text(sql`later.referral_date`)} <= ${windowClosesOn}`,
  );
  const rows = await db.rows<Record<string, unknown>>(sql`with ${countedCte(query, inTreatmentDuringScope(period), { ageBand: true })},
    completions as (
      select c.*, case when ${completedInPeriod} then 1 else 0 end as completed,
        case when ${completedInPeriod} then ${representation} else 0 end as represented
      from counted c
    ),
    treated as (
      select c.group_key, c.cohort, c.age_band, c.sex, c.ethnicity, c.service_user_id, c.completed, c.represented,
        case when c.completed = 1 and c.represented = 0 and ${windowClosesOn} > ${asOf} then 1 else 0 end as window_open,
        ${exists(
          sql`interventions i join catalogue_items ci on ci.code = i.catalogue_item_code`,
          sql`i.episode_id = c.episode_id and i.entered_in_error_reason is null and ci.modality = 'RECOVERY_SUPPORT'
            and ${db.text(sql`i.start_date`)} <= ${period.to} and (i.end_date is null or ${db.text(sql`i.end_date`)} >= ${period.from})`,
        )} as rosc,
        ${sql.join(harmFlags, sql`, `)}
      from completions c
    )
    select group_key, cohort, age_band, sex, ethnicity, count(*) as in_treatment,
      sum(completed) as completed, sum(represented) as represented, sum(window_open) as window_open, sum(rosc) as rosc,
      ${sql.join(
        HARM_KEYS.map((key) => sql`sum(${sql.raw(harmColumn(key))}) as ${sql.raw(harmColumn(key))}`),
        sql`, `,
      )},
      (select count(distinct service_user_id) from treated) as people
    from treated
    group by group_key, cohort, age_band, sex, ethnicity`);
  return {
    people: whole(rows[0]?.people),
    cells: rows.map((row) => ({
      groupKey: String(row.group_key),
      cohort: row.cohort === null ? null : String(row.cohort),
      ageBand: String(row.age_band),
      sex: String(row.sex),
      ethnicity: String(row.ethnicity),
      inTreatment: whole(row.in_treatment),
      completed: whole(row.completed),
      represented: whole(row.represented),
      windowStillOpen: whole(row.window_open),
      withRecoverySupport: whole(row.rosc),
      harmReduction: Object.fromEntries(HARM_KEYS.map((key) => [key, whole(row[harmColumn(key)])])) as Record<HarmReductionKey, number>,
    })),
  };
}

function harmColumn(key: HarmReductionKey): string {
  return `hr_${key.toLowerCase()}`;
}
