import { SHARED_CARE_TARGET, type SharedCareKpi } from "@waymark/core";
import { sql } from "drizzle-orm";
import { addToTally, ratioWithGroups, type GroupNames } from "./breakdownGroups.js";
import { countedCte, whole, type KpiQuery } from "./population.js";

/**
 * K-9 Shared care. One statement counts, per group, the in-force pharmacological interventions of counted
 * episodes under way in the period and those delivered in primary care. The interventions are found first,
 * through their catalogue item and start date (pharmacological items are few), and counted per episode; only
 * the episodes they belong to are then looked up for the filter and the breakdown.
 */
export async function sharedCare(query: KpiQuery, names: GroupNames): Promise<SharedCareKpi> {
  const { db, period } = query;
  const rows = await db.rows<{ group_key: string; primary_care: unknown; pharmacological: unknown }>(sql`with under_way as materialized (
      select i.episode_id, sum(case when i.setting = 'PRIMARY_CARE' then 1 else 0 end) as primary_care, count(*) as pharmacological
      from catalogue_items ci
      join interventions i on i.catalogue_item_code = ci.code and i.start_date <= ${period.to}
      where ci.modality = 'PHARMACOLOGICAL' and i.entered_in_error_reason is null and (i.end_date is null or i.end_date >= ${period.from})
      group by i.episode_id
    ),
    ${countedCte(query, sql`e.id in (select episode_id from under_way)`)}
    select c.group_key, sum(u.primary_care) as primary_care, sum(u.pharmacological) as pharmacological
    from counted c
    join under_way u on u.episode_id = c.episode_id
    group by c.group_key`);
  const tally = new Map<string, { numerator: number; denominator: number }>();
  for (const row of rows) addToTally(tally, String(row.group_key), whole(row.primary_care), whole(row.pharmacological));
  return { id: "K-9", target: SHARED_CARE_TARGET, ...ratioWithGroups(tally, query.breakdown, names) };
}
