import { kpiRatio, topsDueFrom, type Episode, type RecoveryPlan, type Review, type ServiceSettings, type TopComplianceKpi, type TopOutcome } from "@waymark/core";
import { inArray, sql } from "drizzle-orm";
import type { Database, Db, Tables } from "../db/database.js";
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

/** A candidate episode with its in-force TOPs, gathered from its rows. */
interface Candidate {
  readonly row: CandidateTopRow;
  readonly outcomes: TopOutcome[];
}

/**
 * K-4 TOP compliance (R-TOP-2). Which TOPs an episode owes, and which TOP satisfies each due date, is core's TOP
 * schedule (`topsDueFrom`, the schedule the exceptions report runs through `topsDue`), so the two always agree;
 * the matching of TOPs to due dates (nearest first, each TOP used once, months counted from the start) is a walk
 * along each episode's records that SQL does not express readably. SQL narrows and feeds it: one statement picks
 * the counted episodes that can owe a TOP due in the period (treatment begun by its last day, not discharged
 * before its first) with their stored treatment start and their TOPs (date and stage only), episode by
 * episode, and only when TOP reviews follow plan reviews are their plans and reviews read, a chunk of
 * episodes at a time. The rows stream: each episode is scored as soon as its last row has arrived and then
 * let go, so a year of a large provider (a hundred thousand episodes) never sits in memory at once.
 */
export async function topCompliance(
  database: Database,
  query: KpiQuery,
  reference: { readonly settings: ServiceSettings },
  names: GroupNames,
): Promise<TopComplianceKpi> {
  const { db, period, asOf } = query;
  const t = database.tables;
  const tally = new Map<string, { numerator: number; denominator: number }>();
  const byStage = new Map<string, { recorded: number; due: number }>();
  const score = ({ row, outcomes }: Candidate, plans: readonly RecoveryPlan[], reviews: readonly Review[]) => {
    const owed = topsDueFrom({
      episode: { id: row.episode_id, status: row.status as Episode["status"], dischargeDate: row.discharge_date },
      treatmentStart: row.first_intervention_date,
      outcomes,
      plans,
      reviews,
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
  };
  const aligned = reference.settings.alignTopReviewsWithPlanReviews;
  // Candidates waiting for their plans and reviews (only when TOP reviews follow plan reviews).
  const waiting: Candidate[] = [];
  const scoreWithPlans = async (chunk: readonly Candidate[]) => {
    const [plans, reviews] = await plansAndReviewsOf(database.read, t, chunk.map((candidate) => candidate.row.episode_id));
    for (const candidate of chunk) score(candidate, plans.get(candidate.row.episode_id) ?? [], reviews.get(candidate.row.episode_id) ?? []);
  };
  let current: Candidate | null = null;
  const finish = (candidate: Candidate) => (aligned ? waiting.push(candidate) : score(candidate, [], []));
  // One row per in-force TOP of each candidate (one row with no TOP for none), an episode's rows together.
  await database.eachRow<CandidateTopRow>(
    sql`with ${countedCte(query, inTreatmentDuringScope(period))}
    select c.episode_id, c.group_key, c.status, c.discharge_date, c.first_intervention_date,
      o.id as top_id, o.stage as top_stage, ${db.text(sql`o.date`)} as top_date
    from counted c
    left join outcome_records o on o.episode_id = c.episode_id and o.entered_in_error_reason is null
    order by c.episode_id`,
    (row) => {
      if (current?.row.episode_id !== row.episode_id) {
        if (current) finish(current);
        current = { row, outcomes: [] };
      }
      if (row.top_id !== null) {
        current.outcomes.push({ id: row.top_id, episodeId: row.episode_id, stage: row.top_stage as TopOutcome["stage"], date: row.top_date as string, enteredInError: null });
      }
    },
  );
  if (current) finish(current);
  for (let start = 0; start < waiting.length; start += EPISODE_CHUNK_SIZE) await scoreWithPlans(waiting.slice(start, start + EPISODE_CHUNK_SIZE));
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
