import type { EpisodeRecords } from "@waymark/core";
import { eq, inArray } from "drizzle-orm";
import type { Db, Tables } from "../db/database.js";
import { groupBy } from "../db/groupBy.js";
import { toContact, toEpisode, toIntervention, toOutcomeRecord, toRecoveryPlan, toReview, toServiceUser, type EpisodeRow, type ServiceUserRow } from "../db/mappers.js";

/**
 * The records of many episodes at once, in core's form, for running the schedules over a whole list: a
 * fixed number of statements per chunk of episodes (one per table), never one per episode.
 *
 * Only what the schedules read is loaded: plans come without goals and budget lines and reviews without
 * goal progress, which no schedule looks at.
 */

/** An episode's records for the schedules, with the stored rows a list shows. */
export interface ScheduledEpisodeRecords extends EpisodeRecords {
  readonly row: EpisodeRow;
  readonly personRow: ServiceUserRow;
}

/** Episodes per chunk: well inside both databases' limits on bound parameters. */
export const EPISODE_CHUNK_SIZE = 500;

async function loadChunk(db: Db, t: Tables, episodeIds: readonly string[]): Promise<ScheduledEpisodeRecords[]> {
  const ids = [...episodeIds];
  const [episodes, substances, plans, reviews, interventions, outcomes, contacts] = await Promise.all([
    db.select({ episode: t.episodes, person: t.serviceUsers }).from(t.episodes).innerJoin(t.serviceUsers, eq(t.serviceUsers.id, t.episodes.serviceUserId)).where(inArray(t.episodes.id, ids)),
    db.select().from(t.problemSubstances).where(inArray(t.problemSubstances.episodeId, ids)),
    db.select().from(t.recoveryPlans).where(inArray(t.recoveryPlans.episodeId, ids)),
    db.select().from(t.reviews).where(inArray(t.reviews.episodeId, ids)),
    db.select().from(t.interventions).where(inArray(t.interventions.episodeId, ids)),
    db.select().from(t.outcomeRecords).where(inArray(t.outcomeRecords.episodeId, ids)),
    db.select().from(t.contacts).where(inArray(t.contacts.episodeId, ids)),
  ]);
  const byEpisode = {
    substances: groupBy(substances, (row) => row.episodeId),
    plans: groupBy(plans, (row) => row.episodeId),
    reviews: groupBy(reviews, (row) => row.episodeId),
    interventions: groupBy(interventions, (row) => row.episodeId),
    outcomes: groupBy(outcomes, (row) => row.episodeId),
    contacts: groupBy(contacts, (row) => row.episodeId),
  };
  return episodes.map(({ episode, person }) => ({
    row: episode,
    personRow: person,
    episode: toEpisode(episode, byEpisode.substances.get(episode.id) ?? []),
    serviceUser: toServiceUser(person),
    plans: (byEpisode.plans.get(episode.id) ?? []).map((plan) => toRecoveryPlan(plan, [], [])),
    reviews: (byEpisode.reviews.get(episode.id) ?? []).map((review) => toReview(review, [])),
    interventions: (byEpisode.interventions.get(episode.id) ?? []).map(toIntervention),
    outcomes: (byEpisode.outcomes.get(episode.id) ?? []).map(toOutcomeRecord),
    contacts: (byEpisode.contacts.get(episode.id) ?? []).map(toContact),
  }));
}

/** Loads the episodes' records chunk by chunk, handing each chunk to `visit` so memory stays bounded. */
export async function forEachEpisodeRecords(db: Db, t: Tables, episodeIds: readonly string[], visit: (records: ScheduledEpisodeRecords) => void): Promise<void> {
  for (let start = 0; start < episodeIds.length; start += EPISODE_CHUNK_SIZE) {
    const chunk = await loadChunk(db, t, episodeIds.slice(start, start + EPISODE_CHUNK_SIZE));
    chunk.forEach(visit);
  }
}
