import { SHARED_CARE_TARGET, type SharedCareKpi } from "@waymark/core";
import { sql } from "drizzle-orm";
import type { GroupNames } from "./breakdownGroups.js";
import { episodeCountsRatio } from "./episodeCountsRatio.js";
import type { KpiQuery } from "./population.js";

/**
 * K-9 Shared care: the in-force pharmacological interventions of counted episodes under way in the period, and
 * those delivered in primary care. The interventions are found through their catalogue item and start date
 * (pharmacological items are few).
 */
export async function sharedCare(query: KpiQuery, names: GroupNames): Promise<SharedCareKpi> {
  const { period } = query;
  const ratio = await episodeCountsRatio(
    query,
    sql`select i.episode_id, sum(case when i.setting = 'PRIMARY_CARE' then 1 else 0 end) as numerator, count(*) as denominator
      from catalogue_items ci
      join interventions i on i.catalogue_item_code = ci.code and i.start_date <= ${period.to}
      where ci.modality = 'PHARMACOLOGICAL' and i.entered_in_error_reason is null and (i.end_date is null or i.end_date >= ${period.from})
      group by i.episode_id`,
    names,
  );
  return { id: "K-9", target: SHARED_CARE_TARGET, ...ratio };
}
