import { isSuccessfulCompletion } from "../codes/dischargeReason.js";
import { addDays, type IsoDate } from "../dates/isoDate.js";
import type { Episode } from "../records/episode.js";
import { REPRESENTATION_WINDOW_DAYS, representationAfter } from "../schedules/index.js";
import type { EpisodeFacts, KpiContext } from "./context.js";
import { isInKpiPeriod } from "./period.js";
import { episodesInTreatmentDuring } from "./population.js";

/** A successful completion in the period and what is known on `asOf` about the person coming back. */
export interface SuccessfulCompletion {
  readonly facts: EpisodeFacts;
  /** The first referral of the same person within 182 days (R-REP-1) received on or before `asOf`, or null. */
  readonly representation: Episode | null;
  /** The last day a new referral would still be a re-presentation. */
  readonly windowClosesOn: IsoDate;
  /** True while that day is after `asOf`: the person may still come back and be counted. */
  readonly windowStillOpen: boolean;
}

/**
 * The successful completions of K-5 and K-6: counted episodes in treatment in the period, discharged in the
 * period with one of the three "treatment completed" reasons. Re-presentations are found with
 * `representationAfter` among all the person's episodes in force, whatever team or filter, because coming
 * back to another team is still coming back; only referrals received on or before `asOf` are known.
 */
export function successfulCompletionsDuring(context: KpiContext): SuccessfulCompletion[] {
  const completions: SuccessfulCompletion[] = [];
  for (const facts of episodesInTreatmentDuring(context)) {
    const { episode } = facts;
    if (episode.dischargeReason === null || episode.dischargeDate === null) continue;
    if (!isSuccessfulCompletion(episode.dischargeReason) || !isInKpiPeriod(episode.dischargeDate, context.period)) continue;
    const knownLaterEpisodes = context.allEpisodes
      .map((other) => other.episode)
      .filter((other) => other.serviceUserId === episode.serviceUserId && other.referral.receivedDate <= context.asOf);
    const windowClosesOn = addDays(episode.dischargeDate, REPRESENTATION_WINDOW_DAYS);
    completions.push({
      facts,
      representation: representationAfter(episode, knownLaterEpisodes),
      windowClosesOn,
      windowStillOpen: windowClosesOn > context.asOf,
    });
  }
  return completions;
}
