import { kpiRatio, type KpiBreakdown, type RoscCoverageKpi } from "@waymark/core";
import { sql } from "drizzle-orm";
import { ratioWithGroups, type GroupNames } from "./breakdownGroups.js";
import { inTreatmentDuringSql, populationCtes, whole, type KpiQuery } from "./population.js";
import { tallyBy } from "./treatmentIndicators.js";
import type { TreatmentPopulation } from "./treatmentPopulation.js";

/**
 * K-13 ROSC coverage. The overall figure and the breakdown come from the treatment cells; the split by item is
 * one statement counting, per recovery-support item (catalogue order, retired items and zeros included), the
 * episodes in treatment with that item under way in the period.
 */
export async function roscCoverage(query: KpiQuery, population: TreatmentPopulation, names: GroupNames): Promise<RoscCoverageKpi> {
  const { db, period } = query;
  const rows = await db.rows<{ code: string; label: string; episodes: unknown }>(sql`with ${populationCtes(query)}
    select ci.code, ci.label, count(distinct i.episode_id) as episodes
    from catalogue_items ci
    left join interventions i on i.catalogue_item_code = ci.code and i.entered_in_error_reason is null
      and ${db.text(sql`i.start_date`)} <= ${period.to} and (i.end_date is null or ${db.text(sql`i.end_date`)} >= ${period.from})
      and i.episode_id in (select c.episode_id from counted c where ${inTreatmentDuringSql(period)})
    where ci.modality = 'RECOVERY_SUPPORT'
    group by ci.code, ci.label, ci.position
    order by ci.position`);
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
