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
  type IsoDate,
  type ServiceSettings,
} from "@waymark/core";
import { eq, inArray } from "drizzle-orm";
import type { Db, Tables } from "../db/database.js";
import { toIntervention } from "../db/mappers.js";
import { loadEpisodeRecords } from "./episodeRecords.js";

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
  const { episode, serviceUser, assessments, plans, reviews, interventions, contacts } = loaded;
  const personEpisodeIds = (await db.select({ id: t.episodes.id }).from(t.episodes).where(eq(t.episodes.serviceUserId, serviceUser.id))).map((row) => row.id);
  const personInterventions = (await db.select().from(t.interventions).where(inArray(t.interventions.episodeId, personEpisodeIds))).map(toIntervention);
  const engagement = disengagement(episode, contacts, settings, today);
  const outstandingFollowUps = dnaFollowUps(contacts, settings, today).filter((followUp) => followUp.status !== "DONE");
  const safeguarding = safeguardingStatus(serviceUser, contacts);
  await db
    .update(t.episodes)
    .set({
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
    })
    .where(eq(t.episodes.id, episodeId));
}
