import {
  cohortOf,
  disengagement,
  dnaFollowUps,
  firstInterventionDate,
  nextReviewDue,
  ostDuration,
  safeguardingStatus,
  suicideRiskFlag,
  type Catalogue,
  type Intervention,
  type IsoDate,
  type ServiceSettings,
} from "@waymark/core";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db, Tables } from "../db/database.js";
import { toIntervention, type InterventionRow } from "../db/mappers.js";
import { prepareSelect, statementsForShape } from "../db/statementsByShape.js";
import { loadEpisodeRecords, type LoadedEpisode } from "./episodeRecords.js";

/**
 * Recomputes an episode's derived columns with core's rules and schedules. Called in the same transaction
 * as every write to the episode or its records, so the caseload, review schedule and exceptions — which
 * filter and sort on these columns in SQL — never disagree with the records.
 *
 * Columns hold dates, not today's verdicts (next review due, not "overdue"), so they stay true as days
 * pass; queries compare them with today.
 */
export async function refreshEpisodeSummary(db: Db, t: Tables, episodeId: string, today: IsoDate, catalogue: Catalogue, settings: ServiceSettings): Promise<void> {
  const loaded = await loadEpisodeRecords(db, t, episodeId);
  if (!loaded) return;
  await writeEpisodeSummary(db, t, loaded, today, catalogue, settings);
}

/**
 * `refreshEpisodeSummary` from the episode's records as a write left them, where the write already holds them
 * all (it loaded them to check its change, and knows the one record it added): reading them back would be
 * the same rows again, every contact of the episode included.
 */
export async function writeEpisodeSummary(db: Db, t: Tables, records: SummarySources, today: IsoDate, catalogue: Catalogue, settings: ServiceSettings): Promise<void> {
  const personInterventions = (await personInterventionsStatement(db, t).execute({ serviceUserId: records.serviceUser.id })).map(toIntervention);
  await db.update(t.episodes).set(episodeSummaryColumns(records, personInterventions, today, catalogue, settings)).where(eq(t.episodes.id, records.episode.id));
}

/** Every intervention of a person, across their episodes; built once per database handle, as it runs in every write. */
function personInterventionsStatement(db: Db, t: Tables) {
  return statementsForShape(db, "personInterventions", null, () => {
    const episodesOfPerson = db.select({ id: t.episodes.id }).from(t.episodes).where(eq(t.episodes.serviceUserId, sql.placeholder("serviceUserId")));
    return prepareSelect<InterventionRow>(db.select().from(t.interventions).where(inArray(t.interventions.episodeId, episodesOfPerson)));
  });
}

/** The records an episode's summary is computed from. */
export type SummarySources = Pick<LoadedEpisode, "episode" | "serviceUser" | "assessments" | "plans" | "reviews" | "interventions" | "contacts">;

/**
 * The derived columns of one episode, from its records and every intervention of the person (OST spells run
 * across episodes). Pure, so the synthetic generator computes exactly what a write would.
 */
export function episodeSummaryColumns(records: SummarySources, personInterventions: readonly Intervention[], today: IsoDate, catalogue: Catalogue, settings: ServiceSettings) {
  const { episode, serviceUser, assessments, plans, reviews, interventions, contacts } = records;
  const engagement = disengagement(episode, contacts, settings, today);
  const outstandingFollowUps = dnaFollowUps(contacts, settings, today).filter((followUp) => followUp.status !== "DONE");
  const safeguarding = safeguardingStatus(serviceUser, contacts);
  return {
    cohort: cohortOf(episode.problemSubstances),
    firstInterventionDate: firstInterventionDate(interventions, catalogue),
    nextReviewDue: nextReviewDue(plans, reviews, episode),
    lastAttendedContactDate: engagement.lastAttendedDate,
    consecutiveDnas: engagement.consecutiveDnas,
    dnaFollowUpDueBy: outstandingFollowUps.reduce<IsoDate | null>((earliest, followUp) => (earliest === null || followUp.dueBy < earliest ? followUp.dueBy : earliest), null),
    suicideRisk: suicideRiskFlag(assessments, reviews).flagged,
    safeguarding: safeguarding.flagged,
    homeVisitRecorded: safeguarding.homeVisitRecorded,
    ostSince: ostDuration(personInterventions, catalogue, today).continuousSince,
  };
}
