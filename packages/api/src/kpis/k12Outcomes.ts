import { K12_SCORES, kpiRatio, SUBSTANCES, topSubstanceFor, type K12ScoreKey, type OutcomesKpi, type TopSubstance } from "@waymark/core";
import { sql, type SQL } from "drizzle-orm";
import { groupLabel, groupsOf, type GroupNames } from "./breakdownGroups.js";
import { countedCte, whole, type KpiQuery } from "./population.js";

/** The column of each TOP substance line's days. */
const DAYS_COLUMN: Record<TopSubstance, string> = {
  ALCOHOL: "alcohol_days",
  OPIATES: "opiates_days",
  CRACK: "crack_days",
  COCAINE: "cocaine_days",
  AMPHETAMINES: "amphetamines_days",
  CANNABIS: "cannabis_days",
  OTHER: "other_days",
  TOBACCO: "tobacco_days",
};

/** The column of each K-12 score. */
const SCORE_COLUMN: Record<K12ScoreKey, string> = {
  PSYCHOLOGICAL_HEALTH: "psychological_health",
  PHYSICAL_HEALTH: "physical_health",
  QUALITY_OF_LIFE: "quality_of_life",
};

/** The days a TOP (alias `top`) gives on the line of the episode's main substance (core's `topSubstanceFor`). */
function mainSubstanceDays(top: string): SQL {
  return sql`(case c.main_substance ${sql.join(
    SUBSTANCES.codes.map((substance) => sql`when ${substance} then ${sql.raw(`${top}.${DAYS_COLUMN[topSubstanceFor(substance)]}`)}`),
    sql` `,
  )} else null end)`;
}

interface OutcomesTally {
  pairs: number;
  usingAtStart: number;
  abstinent: number;
  scores: Record<K12ScoreKey, { count: number; sumOfChanges: number }>;
  denominator: number;
}

function summarise(tally: OutcomesTally) {
  return {
    ...kpiRatio(tally.abstinent, tally.usingAtStart),
    pairs: tally.pairs,
    scoreChanges: K12_SCORES.map((score) => {
      const { count, sumOfChanges } = tally.scores[score.key];
      return { key: score.key, label: score.label, count, meanChange: count === 0 ? null : sumOfChanges / count };
    }),
  };
}

/**
 * K-12 Outcomes. One statement pairs each counted episode's latest in-force REVIEW or EXIT TOP dated on or before
 * the period's end (EXIT before REVIEW on the same day, then the greater id) with its earliest START TOP on or
 * before it (then the smaller id), keeps the pairs whose follow-up is in the period, and sums per group the
 * abstinence from the main substance and the change in each score.
 */
export async function outcomes(query: KpiQuery, names: GroupNames): Promise<OutcomesKpi> {
  const { db, period } = query;
  const scoreSums = K12_SCORES.map((score) => {
    const column = SCORE_COLUMN[score.key];
    const both = sql.raw(`s.${column} is not null and f.${column} is not null`);
    return sql`sum(case when ${both} then 1 else 0 end) as ${sql.raw(`${column}_count`)},
      sum(case when ${both} then ${sql.raw(`f.${column} - s.${column}`)} else 0 end) as ${sql.raw(`${column}_change`)}`;
  });
  const startDays = mainSubstanceDays("s");
  const followUpDays = mainSubstanceDays("f");
  const using = sql`(${startDays} is not null and ${startDays} <> 0 and ${followUpDays} is not null)`;
  // Only an episode with a follow-up TOP dated in the period can have its latest one there: those are found
  // through the TOPs' dates. For each, the latest follow-up up to the period's end and then the earliest START
  // up to that are each one seek along the episode's TOPs by stage and date.
  const followedUpInPeriodScope = sql`e.id in (
    select o.episode_id from outcome_records o
    where o.date >= ${period.from} and o.date <= ${period.to} and o.stage in ('REVIEW', 'EXIT') and o.entered_in_error_reason is null
  )`;
  const rows = await db.rows<Record<string, unknown>>(sql`with ${countedCte(query, followedUpInPeriodScope, { mainSubstance: true })},
    latest as (
      select c.episode_id, (
        select o.id from outcome_records o
        where o.episode_id = c.episode_id and o.stage in ('REVIEW', 'EXIT') and o.date <= ${period.to} and o.entered_in_error_reason is null
        order by o.date desc, case when o.stage = 'EXIT' then 0 else 1 end, ${db.byCodeUnit(sql`o.id`)} desc
        limit 1
      ) as follow_up_id
      from counted c
    ),
    pairs as (
      select l.episode_id, l.follow_up_id, (
        select o.id from outcome_records o
        where o.episode_id = l.episode_id and o.stage = 'START' and o.date <= f.date and o.entered_in_error_reason is null
        order by o.date, ${db.byCodeUnit(sql`o.id`)}
        limit 1
      ) as start_id
      from latest l
      join outcome_records f on f.id = l.follow_up_id
      where f.date >= ${period.from}
    )
    select c.group_key, count(*) as pairs,
      sum(case when ${using} then 1 else 0 end) as using_at_start,
      sum(case when ${using} and ${followUpDays} = 0 then 1 else 0 end) as abstinent,
      ${sql.join(scoreSums, sql`, `)}
    from counted c
    join pairs p on p.episode_id = c.episode_id
    join outcome_records f on f.id = p.follow_up_id
    join outcome_records s on s.id = p.start_id
    group by c.group_key`);
  const empty = (): OutcomesTally => ({
    pairs: 0,
    usingAtStart: 0,
    abstinent: 0,
    scores: Object.fromEntries(K12_SCORES.map((score) => [score.key, { count: 0, sumOfChanges: 0 }])) as OutcomesTally["scores"],
    denominator: 0,
  });
  const overall = empty();
  const byGroup = new Map<string, OutcomesTally>();
  for (const row of rows) {
    const group = empty();
    group.pairs = whole(row.pairs);
    group.denominator = group.pairs;
    group.usingAtStart = whole(row.using_at_start);
    group.abstinent = whole(row.abstinent);
    for (const score of K12_SCORES) {
      const column = SCORE_COLUMN[score.key];
      group.scores[score.key] = { count: whole(row[`${column}_count`]), sumOfChanges: whole(row[`${column}_change`]) };
    }
    byGroup.set(String(row.group_key), group);
    overall.pairs += group.pairs;
    overall.usingAtStart += group.usingAtStart;
    overall.abstinent += group.abstinent;
    for (const score of K12_SCORES) {
      overall.scores[score.key].count += group.scores[score.key].count;
      overall.scores[score.key].sumOfChanges += group.scores[score.key].sumOfChanges;
    }
  }
  return {
    id: "K-12",
    target: null,
    ...summarise(overall),
    groups: groupsOf(byGroup, query.breakdown, (dimension, key, group) => ({ key, label: groupLabel(dimension, key, names), ...summarise(group) })),
  };
}
