import { kpiRatio, topsDue, type Catalogue, type ServiceSettings, type TopComplianceKpi } from "@waymark/core";
import { sql } from "drizzle-orm";
import type { Database } from "../db/database.js";
import { forEachEpisodeRecords } from "../services/episodeRecordsBatch.js";
import { addToTally, ratioWithGroups, type GroupNames } from "./breakdownGroups.js";
import { populationCtes, type KpiQuery } from "./population.js";

const STAGES = [
  { code: "START", label: "Start of treatment" },
  { code: "REVIEW", label: "Review" },
  { code: "EXIT", label: "Exit" },
] as const;

/**
 * K-4 TOP compliance (R-TOP-2). Which TOPs an episode owes, and which TOP satisfies each due date, is core's TOP
 * schedule (`topsDue`), the same one the exceptions report runs, so the two always agree; the matching of TOPs
 * to due dates (nearest first, each TOP used once, months counted from the start) is a walk along each episode's
 * records that SQL does not express readably. SQL narrows the work: one statement picks the counted episodes that
 * can owe a TOP due in the period (treatment begun by its last day, not discharged before its first), and their
 * records are read in batches of a fixed number of statements, never one per episode.
 */
export async function topCompliance(
  database: Database,
  query: KpiQuery,
  reference: { readonly catalogue: Catalogue; readonly settings: ServiceSettings },
  names: GroupNames,
): Promise<TopComplianceKpi> {
  const { db, period, asOf } = query;
  const candidates = await db.rows<{ episode_id: string; group_key: string }>(sql`with ${populationCtes(query)}
    select c.episode_id, c.group_key
    from counted c
    where c.first_intervention_date is not null and c.first_intervention_date <= ${period.to}
      and (c.discharge_date is null or c.discharge_date >= ${period.from})`);
  const groupOf = new Map(candidates.map((row) => [row.episode_id, String(row.group_key)]));
  const tally = new Map<string, { numerator: number; denominator: number }>();
  const byStage = new Map<string, { recorded: number; due: number }>();
  await forEachEpisodeRecords(database.read, database.tables, [...groupOf.keys()], (records) => {
    const owed = topsDue({
      episode: records.episode,
      interventions: records.interventions.filter((intervention) => !intervention.enteredInError),
      outcomes: records.outcomes,
      plans: records.plans,
      reviews: records.reviews,
      catalogue: reference.catalogue,
      settings: reference.settings,
      asOf,
    });
    for (const top of owed) {
      if (top.dueDate < period.from || top.dueDate > period.to || (top.status !== "RECORDED" && top.status !== "MISSING")) continue;
      const recorded = top.status === "RECORDED" ? 1 : 0;
      addToTally(tally, groupOf.get(records.episode.id) ?? "", recorded, 1);
      const stage = byStage.get(top.stage) ?? { recorded: 0, due: 0 };
      byStage.set(top.stage, { recorded: stage.recorded + recorded, due: stage.due + 1 });
    }
  });
  return {
    id: "K-4",
    target: null,
    ...ratioWithGroups(tally, query.breakdown, names),
    byStage: STAGES.map((stage) => {
      const counts = byStage.get(stage.code) ?? { recorded: 0, due: 0 };
      return { key: stage.code, label: stage.label, ...kpiRatio(counts.recorded, counts.due) };
    }),
  };
}
