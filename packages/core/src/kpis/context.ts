import type { Cohort } from "../codes/substance.js";
import { isIsoDate, type IsoDate } from "../dates/isoDate.js";
import { cohortOf, firstInterventionDate } from "../journey/derived.js";
import { inForce } from "../records/common.js";
import type { Episode } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";
import type { ServiceUser } from "../records/serviceUser.js";
import { episodeMatchesFilter } from "./breakdown.js";
import { assertKpiPeriod } from "./period.js";
import type { KpiBreakdown, KpiFilter, KpiOptions, KpiPeriod, ProviderData } from "./types.js";

/** What the indicators need to know about one episode, worked out once. */
export interface EpisodeFacts {
  readonly episode: Episode;
  readonly serviceUser: ServiceUser;
  /** The episode's interventions, entered-in-error ones left out. */
  readonly interventions: readonly Intervention[];
  /** When structured treatment began (the earliest pharmacological or psychosocial start), or null. */
  readonly firstInterventionDate: IsoDate | null;
  readonly cohort: Cohort | null;
}

/** The inputs of one run of the indicators, with the population already narrowed by the filter. */
export interface KpiContext {
  readonly data: ProviderData;
  readonly period: KpiPeriod;
  readonly asOf: IsoDate;
  readonly breakdown: KpiBreakdown | null;
  readonly filter: KpiFilter;
  /**
   * Every episode in force whose person is in force, before the filter. Re-presentations and time on OST
   * are looked up here, because a person who comes back to another team has still come back.
   */
  readonly allEpisodes: readonly EpisodeFacts[];
  /** The episodes that pass the filter: the population every indicator counts. */
  readonly episodes: readonly EpisodeFacts[];
  /** The counted episode a record hangs off, or undefined when that episode is entered in error or filtered out. */
  countedEpisode(episodeId: string): EpisodeFacts | undefined;
}

/**
 * Prepares a run: checks the period and `asOf`, leaves out records entered in error (and every episode of a
 * person entered in error, and every episode whose person is missing), and applies the filter.
 */
export function kpiContext(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): KpiContext {
  assertKpiPeriod(period);
  const asOf = options.asOf ?? period.to;
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a date written YYYY-MM-DD, got ${asOf}`);
  const serviceUsers = new Map(inForce(data.serviceUsers).map((person) => [person.id, person]));
  const interventionsByEpisode = groupByEpisode(inForce(data.interventions));

  const allEpisodes: EpisodeFacts[] = [];
  for (const episode of inForce(data.episodes)) {
    const serviceUser = serviceUsers.get(episode.serviceUserId);
    if (!serviceUser) continue;
    const interventions = interventionsByEpisode.get(episode.id) ?? [];
    allEpisodes.push({
      episode,
      serviceUser,
      interventions,
      firstInterventionDate: firstInterventionDate(interventions, data.catalogue),
      cohort: cohortOf(episode.problemSubstances),
    });
  }

  const filter = options.filter ?? {};
  const episodes = allEpisodes.filter((facts) => episodeMatchesFilter(facts, filter, period));
  const counted = new Map(episodes.map((facts) => [facts.episode.id, facts]));
  return {
    data,
    period,
    asOf,
    breakdown: options.breakdown ?? null,
    filter,
    allEpisodes,
    episodes,
    countedEpisode: (episodeId) => counted.get(episodeId),
  };
}

function groupByEpisode<T extends { readonly episodeId: string }>(records: readonly T[]): Map<string, T[]> {
  const byEpisode = new Map<string, T[]>();
  for (const record of records) {
    const list = byEpisode.get(record.episodeId);
    if (list) list.push(record);
    else byEpisode.set(record.episodeId, [record]);
  }
  return byEpisode;
}
