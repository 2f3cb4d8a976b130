import { kpiRatio, topsDueFrom, type Episode, type RecoveryPlan, type Review, type ServiceSettings, type TopComplianceKpi, type TopOutcome } from "@waymark/core";
import { inArray, sql } from "drizzle-orm";
import type { Database, Db, Tables } from "../db/database.js";
import { groupBy } from "../db/groupBy.js";
import { toRecoveryPlan, toReview } from "../db/mappers.js";
import { EPISODE_CHUNK_SIZE } from "../services/episodeRecordsBatch.js";
import { addToTally, ratioWithGroups, type GroupNames } from "./breakdownGroups.js";
import { countedCte, inTreatmentDuringScope, type KpiQuery } from "./population.js";

const STAGES = [
  { code: "START", label: "Start of treatment" },
  { code: "REVIEW", label: "Review" },
  { code: "EXIT", label: "Exit" },
] as const;

/** A candidate episode with one of its TOPs (the TOP's columns null when it has none). */
interface CandidateTopRow {
  readonly episode_id: string;
  readonly group_key: string;
  readonly status: string;
  readonly discharge_date: string | null;
  readonly first_intervention_date: string;
  readonly top_id: string | null;
  readonly top_stage: string | null;
  readonly top_date: string | null;
}

/**
 * K-4 TOP compliance (R-TOP-2). Which TOPs an episode owes, and which TOP satisfies each due date, is core's TOP
 * schedule (`topsDueFrom`, the schedule the exceptions report runs through `topsDue`), so the two always agree;
 * the matching of TOPs to due dates (nearest first, each TOP used once, months counted from the start) is a walk
 * along each episode's records that SQL does not express readably. SQL narrows and feeds it: one statement picks
 * the counted episodes that can owe a TOP due in the period (treatment begun by its last day, not discharged
 * before its first) with their stored treatment start and their TOPs (date and stage only), and only when TOP
 * reviews follow plan reviews two more read their plans and reviews. Three statements at most,
 * however large the provider.
 */
export async function topCompliance(
  database: Database,
  query: KpiQuery,
  reference: { readonly settings: ServiceSettings },
  names: GroupNames,
): Promise<TopComplianceKpi> {
  const { db, period, asOf } = query;
  const t = database.tables;
  // One pass over the candidates, each with its in-force TOPs (a row per TOP; one row with no TOP for none).
  const rows = await db.rows<CandidateTopRow>(sql`with ${countedCte(query, inTreatmentDuringScope(period))}
    select c.episode_id, c.group_key, c.status, c.discharge_date, c.first_intervention_date,
      o.id as top_id, o.stage as top_stage, ${db.text(sql`o.date`)} as top_date
    from counted c
    left join outcome_records o on o.episode_id = c.episode_id and o.entered_in_error_reason is null`);
  const candidates = [...new Map(rows.map((row) => [row.episode_id, row])).values()];
  const outcomesOf = groupBy(
    rows
      .filter((row) => row.top_id !== null)
      .map((row): TopOutcome => ({ id: row.top_id as string, episodeId: row.episode_id, stage: row.top_stage as TopOutcome["stage"], date: row.top_date as string, enteredInError: null })),
    (outcome) => outcome.episodeId,
  );
  const aligned = reference.settings.alignTopReviewsWithPlanReviews;
  const episodeIds = candidates.map((row) => row.episode_id);
  const [plans, reviews] = aligned ? await plansAndReviewsOf(database.read, t, episodeIds) : [new Map<string, RecoveryPlan[]>(), new Map<string, Review[]>()];
  const tally = new Map<string, { numerator: number; denominator: number }>();
  const byStage = new Map<string, { recorded: number; due: number }>();
  for (const row of candidates) {
    const owed = topsDueFrom({
      episode: { id: row.episode_id, status: row.status as Episode["status"], dischargeDate: row.discharge_date },
      treatmentStart: row.first_intervention_date,
      outcomes: outcomesOf.get(row.episode_id) ?? [],
      plans: plans.get(row.episode_id) ?? [],
      reviews: reviews.get(row.episode_id) ?? [],
      settings: reference.settings,
      asOf,
    });
    for (const top of owed) {
      if (top.dueDate < period.from || top.dueDate > period.to || (top.status !== "RECORDED" && top.status !== "MISSING")) continue;
      const recorded = top.status === "RECORDED" ? 1 : 0;
      addToTally(tally, String(row.group_key), recorded, 1);
      const stage = byStage.get(top.stage) ?? { recorded: 0, due: 0 };
      byStage.set(top.stage, { recorded: stage.recorded + recorded, due: stage.due + 1 });
    }
  }
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

/** The plans and reviews of the episodes, in chunks within the databases' limits on bound parameters. */
async function plansAndReviewsOf(db: Db, t: Tables, episodeIds: readonly string[]): Promise<[Map<string, RecoveryPlan[]>, Map<string, Review[]>]> {
  const plans = new Map<string, RecoveryPlan[]>();
  const reviews = new Map<string, Review[]>();
  for (let start = 0; start < episodeIds.length; start += EPISODE_CHUNK_SIZE) {
    const ids = episodeIds.slice(start, start + EPISODE_CHUNK_SIZE);
    const [planRows, reviewRows] = await Promise.all([
      db.select().from(t.recoveryPlans).where(inArray(t.recoveryPlans.episodeId, ids)),
      db.select().from(t.reviews).where(inArray(t.reviews.episodeId, ids)),
    ]);
    for (const row of planRows) plans.set(row.episodeId, [...(plans.get(row.episodeId) ?? []), toRecoveryPlan(row, [], [])]);
    for (const row of reviewRows) reviews.set(row.episodeId, [...(reviews.get(row.episodeId) ?? []), toReview(row, [])]);
  }
  return [plans, reviews];
}
