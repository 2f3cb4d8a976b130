import { SHARED_CARE_TARGET, type SharedCareKpi } from "@waymark/core";
import { sql } from "drizzle-orm";
import { addToTally, ratioWithGroups, type GroupNames } from "./breakdownGroups.js";
import { populationCtes, whole, type KpiQuery } from "./population.js";

/**
 * K-9 Shared care. One statement counts, per group, the in-force pharmacological interventions of counted
 * episodes under way in the period and those delivered in primary care.
 */
export async function sharedCare(query: KpiQuery, names: GroupNames): Promise<SharedCareKpi> {
  const { db, period } = query;
  const rows = await db.rows<{ group_key: string; primary_care: unknown; pharmacological: unknown }>(sql`with ${populationCtes(query)}
    select c.group_key, sum(case when i.setting = 'PRIMARY_CARE' then 1 else 0 end) as primary_care, count(*) as pharmacological
    from counted c
    join interventions i on i.episode_id = c.episode_id and i.entered_in_error_reason is null
    join catalogue_items ci on ci.code = i.catalogue_item_code and ci.modality = 'PHARMACOLOGICAL'
    where ${db.text(sql`i.start_date`)} <= ${period.to} and (i.end_date is null or ${db.text(sql`i.end_date`)} >= ${period.from})
    group by c.group_key`);
  const tally = new Map<string, { numerator: number; denominator: number }>();
  for (const row of rows) addToTally(tally, String(row.group_key), whole(row.primary_care), whole(row.pharmacological));
  return { id: "K-9", target: SHARED_CARE_TARGET, ...ratioWithGroups(tally, query.breakdown, names) };
}
