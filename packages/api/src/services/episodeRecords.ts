import type { Assessment, Episode, EpisodeRecords, HarmReductionRecord } from "@waymark/core";
import { eq, inArray } from "drizzle-orm";
import type { Db, Tables } from "../db/database.js";
import {
  toAssessment,
  toContact,
  toEpisode,
  toHarmReductionRecord,
  toIntervention,
  toOutcomeRecord,
  toRecoveryPlan,
  toReview,
  toServiceUser,
  type EpisodeRow,
} from "../db/mappers.js";

/** An episode with every record in it, as core's rules and schedules take them. */
export interface LoadedEpisode extends EpisodeRecords {
  readonly row: EpisodeRow;
  readonly assessments: readonly Assessment[];
  readonly harmReduction: readonly HarmReductionRecord[];
}

/**
 * Loads one episode and all its records, for checking a change against the rules and for refreshing its
 * derived columns. Call it inside the write transaction so the rules see exactly what will be changed.
 */
export async function loadEpisodeRecords(db: Db, t: Tables, episodeId: string): Promise<LoadedEpisode | null> {
  const [row] = await db.select().from(t.episodes).where(eq(t.episodes.id, episodeId));
  if (!row) return null;
  const [personRow, substances, assessments, plans, reviews, interventions, outcomes, contacts, harmReduction] = await Promise.all([
    db.select().from(t.serviceUsers).where(eq(t.serviceUsers.id, row.serviceUserId)),
    db.select().from(t.problemSubstances).where(eq(t.problemSubstances.episodeId, episodeId)),
    db.select().from(t.assessments).where(eq(t.assessments.episodeId, episodeId)),
    db.select().from(t.recoveryPlans).where(eq(t.recoveryPlans.episodeId, episodeId)),
    db.select().from(t.reviews).where(eq(t.reviews.episodeId, episodeId)),
    db.select().from(t.interventions).where(eq(t.interventions.episodeId, episodeId)),
    db.select().from(t.outcomeRecords).where(eq(t.outcomeRecords.episodeId, episodeId)),
    db.select().from(t.contacts).where(eq(t.contacts.episodeId, episodeId)),
    db.select().from(t.harmReductionRecords).where(eq(t.harmReductionRecords.episodeId, episodeId)),
  ]);
  const planIds = plans.map((plan) => plan.id);
  const reviewIds = reviews.map((review) => review.id);
  const [goals, lines, progress] = await Promise.all([
    planIds.length ? db.select().from(t.planGoals).where(inArray(t.planGoals.planId, planIds)) : [],
    planIds.length ? db.select().from(t.budgetLines).where(inArray(t.budgetLines.planId, planIds)) : [],
    reviewIds.length ? db.select().from(t.goalProgress).where(inArray(t.goalProgress.reviewId, reviewIds)) : [],
  ]);
  const person = personRow[0];
  if (!person) throw new Error(`Episode ${episodeId} has no service user`);
  return {
    row,
    episode: toEpisode(row, substances),
    serviceUser: toServiceUser(person),
    assessments: assessments.map(toAssessment),
    plans: plans.map((plan) =>
      toRecoveryPlan(
        plan,
        goals.filter((goal) => goal.planId === plan.id),
        lines.filter((line) => line.planId === plan.id),
      ),
    ),
    reviews: reviews.map((review) => toReview(review, progress.filter((entry) => entry.reviewId === review.id))),
    interventions: interventions.map(toIntervention),
    outcomes: outcomes.map(toOutcomeRecord),
    contacts: contacts.map(toContact),
    harmReduction: harmReduction.map(toHarmReductionRecord),
  };
}

/** Every episode of a person, oldest referral first (for R-ELIG-2, R-REP-1 and OST spells across episodes). */
export async function loadEpisodesOfPerson(db: Db, t: Tables, serviceUserId: string): Promise<Episode[]> {
  const rows = await db.select().from(t.episodes).where(eq(t.episodes.serviceUserId, serviceUserId));
  const substances = rows.length ? await db.select().from(t.problemSubstances).where(inArray(t.problemSubstances.episodeId, rows.map((row) => row.id))) : [];
  return rows
    .map((row) => toEpisode(row, substances.filter((substance) => substance.episodeId === row.id)))
    .sort((a, b) => (a.referral.receivedDate < b.referral.receivedDate ? -1 : 1));
}
