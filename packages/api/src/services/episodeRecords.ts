import type { Assessment, Episode, EpisodeRecords, HarmReductionRecord } from "@waymark/core";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db, Tables } from "../db/database.js";
import { prepareSelect, statementsForShape } from "../db/statementsByShape.js";
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
  type AssessmentRow,
  type BudgetLineRow,
  type ContactRow,
  type EpisodeRow,
  type GoalProgressRow,
  type GoalRow,
  type HarmReductionRow,
  type InterventionRow,
  type OutcomeRow,
  type PlanRow,
  type ProblemSubstanceRow,
  type ReviewRow,
  type ServiceUserRow,
} from "../db/mappers.js";

/** An episode with every record in it, as core's rules and schedules take them. */
export interface LoadedEpisode extends EpisodeRecords {
  readonly row: EpisodeRow;
  readonly assessments: readonly Assessment[];
  readonly harmReduction: readonly HarmReductionRecord[];
}

/**
 * The statements that load an episode's records, built once per database handle and prepared: an episode is
 * loaded in every write to its records (to check the change, and for most writes again to recompute its
 * summary), and building its twelve selects afresh each time was about a quarter of the server's work for a
 * contact recorded on a short episode.
 * Goals, budget lines and goal progress are found through the episode's plans and reviews in the same
 * statement, so every statement takes the episode's id alone.
 */
function episodeRecordStatements(db: Db, t: Tables) {
  return statementsForShape(db, "episodeRecords", null, () => {
    const episodeId = sql.placeholder("episodeId");
    const plansOfEpisode = db.select({ id: t.recoveryPlans.id }).from(t.recoveryPlans).where(eq(t.recoveryPlans.episodeId, episodeId));
    const reviewsOfEpisode = db.select({ id: t.reviews.id }).from(t.reviews).where(eq(t.reviews.episodeId, episodeId));
    return {
      episode: prepareSelect<EpisodeRow>(db.select().from(t.episodes).where(eq(t.episodes.id, episodeId))),
      person: prepareSelect<ServiceUserRow>(db.select().from(t.serviceUsers).where(eq(t.serviceUsers.id, sql.placeholder("serviceUserId")))),
      substances: prepareSelect<ProblemSubstanceRow>(db.select().from(t.problemSubstances).where(eq(t.problemSubstances.episodeId, episodeId))),
      assessments: prepareSelect<AssessmentRow>(db.select().from(t.assessments).where(eq(t.assessments.episodeId, episodeId))),
      plans: prepareSelect<PlanRow>(db.select().from(t.recoveryPlans).where(eq(t.recoveryPlans.episodeId, episodeId))),
      reviews: prepareSelect<ReviewRow>(db.select().from(t.reviews).where(eq(t.reviews.episodeId, episodeId))),
      interventions: prepareSelect<InterventionRow>(db.select().from(t.interventions).where(eq(t.interventions.episodeId, episodeId))),
      outcomes: prepareSelect<OutcomeRow>(db.select().from(t.outcomeRecords).where(eq(t.outcomeRecords.episodeId, episodeId))),
      contacts: prepareSelect<ContactRow>(db.select().from(t.contacts).where(eq(t.contacts.episodeId, episodeId))),
      harmReduction: prepareSelect<HarmReductionRow>(db.select().from(t.harmReductionRecords).where(eq(t.harmReductionRecords.episodeId, episodeId))),
      goals: prepareSelect<GoalRow>(db.select().from(t.planGoals).where(inArray(t.planGoals.planId, plansOfEpisode))),
      budgetLines: prepareSelect<BudgetLineRow>(db.select().from(t.budgetLines).where(inArray(t.budgetLines.planId, plansOfEpisode))),
      goalProgress: prepareSelect<GoalProgressRow>(db.select().from(t.goalProgress).where(inArray(t.goalProgress.reviewId, reviewsOfEpisode))),
    };
  });
}

/**
 * Loads one episode and all its records, for checking a change against the rules and for refreshing its
 * derived columns. Call it inside the write transaction so the rules see exactly what will be changed.
 */
export async function loadEpisodeRecords(db: Db, t: Tables, episodeId: string): Promise<LoadedEpisode | null> {
  const statements = episodeRecordStatements(db, t);
  const ofEpisode = { episodeId };
  const [row] = await statements.episode.execute(ofEpisode);
  if (!row) return null;
  const [personRow, substances, assessments, plans, reviews, interventions, outcomes, contacts, harmReduction, goals, lines, progress] = await Promise.all([
    statements.person.execute({ serviceUserId: row.serviceUserId }),
    statements.substances.execute(ofEpisode),
    statements.assessments.execute(ofEpisode),
    statements.plans.execute(ofEpisode),
    statements.reviews.execute(ofEpisode),
    statements.interventions.execute(ofEpisode),
    statements.outcomes.execute(ofEpisode),
    statements.contacts.execute(ofEpisode),
    statements.harmReduction.execute(ofEpisode),
    statements.goals.execute(ofEpisode),
    statements.budgetLines.execute(ofEpisode),
    statements.goalProgress.execute(ofEpisode),
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
