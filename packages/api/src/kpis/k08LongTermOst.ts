import { kpiRatio, OST_MAX_GAP_DAYS, type LongTermOstKpi } from "@waymark/core";
import { sql, type SQL } from "drizzle-orm";
import { groupLabel, groupsOf, type GroupNames } from "./breakdownGroups.js";
import { countedCte, openAtEndOfScope, startedBy, whole, type KpiQuery } from "./population.js";

/**
 * `date` (YYYY-MM-DD text) plus whole calendar years, as core's `addYears`: 29 February becomes 28 February in
 * a year that is not a leap year (SQLite's own date arithmetic would roll over to 1 March instead).
 */
function addYearsSql(date: SQL, years: number): SQL {
  const year = sql`(cast(substr(${date}, 1, 4) as integer) + ${sql.raw(String(years))})`;
  const monthDay = sql`substr(${date}, 6, 5)`;
  const leap = sql`((${year} % 4 = 0 and ${year} % 100 <> 0) or ${year} % 400 = 0)`;
  return sql`(cast(${year} as text) || '-' || (case when ${monthDay} = '02-29' and not ${leap} then '02-28' else ${monthDay} end))`;
}

interface OstTally {
  numerator: number;
  sixYears: number;
  denominator: number;
}

/**
 * K-8 Long-term OST (R-OST-1), a snapshot at the end of `asOf`. One statement rebuilds core's `ostDuration` per
 * person: their in-force opioid-substitution interventions from every in-force episode, started on or before
 * `asOf`, in start order; an intervention starts a new spell when it starts more than OST_MAX_GAP_DAYS after the
 * latest end so far (an open end joins everything after it). The last spell is current when it is open or ends
 * on or after `asOf`. Each counted episode in treatment at the end of `asOf` whose person is on OST then is
 * counted, flagged at 2 and 6 calendar years.
 */
export async function longTermOst(query: KpiQuery, names: GroupNames): Promise<LongTermOstKpi> {
  const { db, asOf } = query;
  // Only the people of the counted episodes in treatment at the end of `asOf` are followed back through
  // their other episodes (whose person, being counted, is in force), so the spells are rebuilt for them alone.
  const inTreatmentAtEndOfScope = sql`${openAtEndOfScope(asOf)} and ${startedBy(asOf)}`;
  const previousRows = sql`partition by o.service_user_id order by o.start_date rows between unbounded preceding and 1 preceding`;
  const rows = await db.rows<{ group_key: string; on_ost: unknown; two_years: unknown; six_years: unknown }>(sql`with ${countedCte(query, inTreatmentAtEndOfScope)},
    people as (select distinct c.service_user_id from counted c),
    ost as (
      select p.service_user_id, ${db.text(sql`i.start_date`)} as start_date, ${db.text(sql`i.end_date`)} as end_date
      from people p
      join episodes a on a.service_user_id = p.service_user_id and a.entered_in_error_reason is null
      join interventions i on i.episode_id = a.id and i.start_date <= ${asOf}
      join catalogue_items ci on ci.code = i.catalogue_item_code and ci.opioid_substitution = ${db.dialect === "postgres" ? sql`true` : sql`1`}
      where i.entered_in_error_reason is null
    ),
    ost_running as (
      select o.*,
        count(*) over (${previousRows}) as earlier,
        max(case when o.end_date is null then 1 else 0 end) over (${previousRows}) as earlier_open,
        max(o.end_date) over (${previousRows}) as earlier_end
      from ost o
    ),
    ost_starts as (
      select r.*,
        case
          when r.earlier = 0 then 1
          when r.earlier_open = 1 then 0
          when r.start_date > ${db.addDays(sql`r.earlier_end`, sql`${OST_MAX_GAP_DAYS + 1}`)} then 1
          else 0
        end as starts_spell
      from ost_running r
    ),
    ost_spells as (
      select s.*, sum(s.starts_spell) over (partition by s.service_user_id order by s.start_date, s.starts_spell desc rows unbounded preceding) as spell
      from ost_starts s
    ),
    numbered_spells as (
      select sp.*, max(sp.spell) over (partition by sp.service_user_id) as last_spell
      from ost_spells sp
    ),
    current_spells as (
      select sp.service_user_id, min(sp.start_date) as since,
        max(case when sp.end_date is null then 1 else 0 end) as open_ended, max(sp.end_date) as spell_end
      from numbered_spells sp
      where sp.spell = sp.last_spell
      group by sp.service_user_id
    ),
    on_ost as (
      select c.group_key, cs.since
      from counted c
      join current_spells cs on cs.service_user_id = c.service_user_id
      where cs.open_ended = 1 or cs.spell_end >= ${asOf}
    )
    select group_key, count(*) as on_ost,
      sum(case when ${addYearsSql(sql`since`, 2)} <= ${asOf} then 1 else 0 end) as two_years,
      sum(case when ${addYearsSql(sql`since`, 6)} <= ${asOf} then 1 else 0 end) as six_years
    from on_ost
    group by group_key`);
  const overall: OstTally = { numerator: 0, sixYears: 0, denominator: 0 };
  const byGroup = new Map<string, OstTally>();
  for (const row of rows) {
    const group = { numerator: whole(row.two_years), sixYears: whole(row.six_years), denominator: whole(row.on_ost) };
    byGroup.set(String(row.group_key), group);
    overall.numerator += group.numerator;
    overall.sixYears += group.sixYears;
    overall.denominator += group.denominator;
  }
  return {
    id: "K-8",
    target: null,
    asOf,
    ...kpiRatio(overall.numerator, overall.denominator),
    atLeastSixYears: kpiRatio(overall.sixYears, overall.denominator),
    groups: groupsOf(byGroup, query.breakdown, (dimension, key, group) => ({
      key,
      label: groupLabel(dimension, key, names),
      ...kpiRatio(group.numerator, group.denominator),
      atLeastSixYears: group.sixYears,
    })),
  };
}
