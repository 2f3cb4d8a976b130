import { kpiRatio, type KpiBreakdown, type RoscCoverageKpi } from "@waymark/core";
import { sql } from "drizzle-orm";
import { ratioWithGroups, type GroupNames } from "./breakdownGroups.js";
import { countedCte, inTreatmentDuringScope, whole, type KpiQuery } from "./population.js";
import { tallyBy } from "./treatmentIndicators.js";
import type { TreatmentPopulation } from "./treatmentPopulation.js";

/**
 * K-13 ROSC coverage. The overall figure and the breakdown come from the treatment cells; the split by item is
 * one statement counting, per recovery-support item (catalogue order, retired items and zeros included), the
 * episodes in treatment with that item under way in the period, read along each such episode's interventions.
 */
export async function roscCoverage(query: KpiQuery, treated: Promise<TreatmentPopulation>, names: GroupNames): Promise<RoscCoverageKpi> {
  const { db, period } = query;
  const rows = await db.rows<{ code: string; label: string; episodes: unknown }>(sql`with ${countedCte(query, inTreatmentDuringScope(period))},
    supported as (
      select i.catalogue_item_code as code, count(distinct i.episode_id) as episodes
      from counted c
      join interventions i on i.episode_id = c.episode_id and i.start_date <= ${period.to}
      join catalogue_items rs on rs.code = i.catalogue_item_code and rs.modality = 'RECOVERY_SUPPORT'
      where i.entered_in_error_reason is null and (i.end_date is null or i.end_date >= ${period.from})
      group by i.catalogue_item_code
    )
    select ci.code, ci.label, coalesce(s.episodes, 0) as episodes
    from catalogue_items ci
    left join supported s on s.code = ci.code
    where ci.modality = 'RECOVERY_SUPPORT'
    order by ci.position`);
  // The population is read by its own statement, asked for alongside this one.
  const population = await treated;
  const breakdown: KpiBreakdown | null = query.breakdown;
  const tally = tallyBy(population.cells, (cell) => cell.groupKey, (cell) => cell.withRecoverySupport, (cell) => cell.inTreatment);
  const overall = ratioWithGroups(tally, breakdown, names);
  return {
    id: "K-13",
    target: null,
    ...overall,
    byItem: rows.map((row) => ({ key: row.code, label: row.label, ...kpiRatio(whole(row.episodes), overall.denominator) })),
  };
}
