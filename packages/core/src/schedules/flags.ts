import type { Catalogue } from "../catalogue/catalogueItem.js";
import { isSuccessfulCompletion } from "../codes/dischargeReason.js";
import { addDays, addYears, daysBetween, maxDate, type IsoDate } from "../dates/isoDate.js";
import { inForce } from "../records/common.js";
import type { Contact } from "../records/contact.js";
import type { Episode } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";
import type { ServiceUser } from "../records/serviceUser.js";

/**
 * The flags the caseload shows on a person: safeguarding (R-SAFE-1), long-term opioid substitution
 * (R-OST-1) and re-presentation after a successful completion (R-REP-1).
 *
 * Where DOMAIN is silent these flags decide:
 * - Only a home visit the person attended satisfies R-SAFE-1: a visit where nobody was in did not see the home.
 * - OST continuity survives a gap of up to {@link OST_MAX_GAP_DAYS} days without a prescription; the spell
 *   must reach `asOf` itself, so someone whose prescription ended yesterday is not on OST today.
 * - The 182-day re-presentation window counts from the discharge date, both ends included.
 */

/** Why a person carries the safeguarding flag. */
export type SafeguardingReason = "PREGNANT" | "CHILD_UNDER_5";

/** R-SAFE-1: the safeguarding flag on a person and whether the episode still owes a home visit. */
export interface SafeguardingStatus {
  readonly flagged: boolean;
  readonly reasons: readonly SafeguardingReason[];
  readonly homeVisitRecorded: boolean;
  readonly homeVisitDue: boolean;
}

/**
 * R-SAFE-1: a person who is pregnant or lives with a child under 5 is flagged; a home visit is due until
 * one the person attended is recorded in the episode. `episodeContacts` are the episode's own; a home
 * visit where nobody was in does not count, since the home was not seen.
 */
export function safeguardingStatus(
  serviceUser: Pick<ServiceUser, "pregnant" | "childUnder5InHousehold">,
  episodeContacts: readonly Contact[],
): SafeguardingStatus {
  return safeguardingStatusOf(serviceUser, homeVisitRecordedIn(episodeContacts));
}

/** R-SAFE-1's home visit: one the person attended, among the episode's contacts in force. */
export function homeVisitRecordedIn(episodeContacts: readonly Contact[]): boolean {
  return inForce(episodeContacts).some((contact) => contact.kind === "HOME_VISIT" && contact.outcome === "ATTENDED");
}

/**
 * R-SAFE-1 given whether the episode records that home visit: what a reader uses when the episode's stored
 * summary already holds the answer (worked out by homeVisitRecordedIn at every write to the episode), so
 * showing the flag does not read every contact again.
 */
export function safeguardingStatusOf(serviceUser: Pick<ServiceUser, "pregnant" | "childUnder5InHousehold">, homeVisitRecorded: boolean): SafeguardingStatus {
  const reasons: SafeguardingReason[] = [];
  if (serviceUser.pregnant) reasons.push("PREGNANT");
  if (serviceUser.childUnder5InHousehold) reasons.push("CHILD_UNDER_5");
  const flagged = reasons.length > 0;
  return { flagged, reasons, homeVisitRecorded, homeVisitDue: flagged && !homeVisitRecorded };
}

/** The long-term OST marks of R-OST-1; a person past 6 years carries only the 6-year one. */
export type OstFlag = "OST_2_YEARS" | "OST_6_YEARS";

/** R-OST-1: how long the person has been continuously on opioid substitution treatment. */
export interface OstDuration {
  /** Start of the continuous spell that reaches `asOf`; null when not on OST that day. */
  readonly continuousSince: IsoDate | null;
  /** Whole days from `continuousSince` to `asOf`; 0 when not on OST. */
  readonly days: number;
  readonly flag: OstFlag | null;
}

/**
 * Days without any opioid substitution prescription that still count as one continuous spell. A switch
 * from methadone to buprenorphine needs a short opioid-free interval before induction, and a transfer
 * between prescribers (from prison, or to GP shared care) often leaves a few days between the records; a
 * week covers both without joining separate courses of treatment.
 */
export const OST_MAX_GAP_DAYS = 7;

/** The years of continuous OST that R-OST-1 flags, longest first. */
const OST_FLAG_YEARS: readonly (readonly [OstFlag, number])[] = [
  ["OST_6_YEARS", 6],
  ["OST_2_YEARS", 2],
];

/**
 * R-OST-1: the person's continuous spell on opioid substitution (interventions whose catalogue item has
 * `switches.opioidSubstitution`, across all their episodes) that reaches `asOf`: an intervention still open
 * or ending on or after `asOf`, joined back through earlier ones separated by at most
 * {@link OST_MAX_GAP_DAYS} days without a prescription. Flagged at 2 and 6 calendar years: a spell begun on
 * 29 February 2024 reaches 2 years on 28 February 2026.
 */
export function ostDuration(interventions: readonly Intervention[], catalogue: Catalogue, asOf: IsoDate): OstDuration {
  const ost = inForce(interventions)
    .filter((intervention) => catalogue.find(intervention.catalogueItemCode)?.switches.opioidSubstitution === true)
    .filter((intervention) => intervention.startDate <= asOf)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));

  let spellStart: IsoDate | null = null;
  // The last day the spell is known to run to; null for an intervention with no end yet.
  let spellEnd: IsoDate | null = null;
  for (const intervention of ost) {
    const joinsSpell = spellStart !== null && (spellEnd === null || intervention.startDate <= addDays(spellEnd, OST_MAX_GAP_DAYS + 1));
    if (!joinsSpell) {
      spellStart = intervention.startDate;
      spellEnd = intervention.endDate;
    } else if (spellEnd !== null) {
      spellEnd = intervention.endDate === null ? null : maxDate(spellEnd, intervention.endDate);
    }
  }

  if (spellStart === null || (spellEnd !== null && spellEnd < asOf)) return { continuousSince: null, days: 0, flag: null };
  const since = spellStart;
  const flag = OST_FLAG_YEARS.find(([, years]) => addYears(since, years) <= asOf)?.[0] ?? null;
  return { continuousSince: since, days: daysBetween(since, asOf), flag };
}

/** R-REP-1: days after a successful completion within which a new referral is a re-presentation. */
export const REPRESENTATION_WINDOW_DAYS = 182;

function successfulCompletionDate(episode: Episode): IsoDate | null {
  if (episode.enteredInError || episode.dischargeDate === null || episode.dischargeReason === null) return null;
  return isSuccessfulCompletion(episode.dischargeReason) ? episode.dischargeDate : null;
}

function withinRepresentationWindow(completedOn: IsoDate, referralDate: IsoDate): boolean {
  const days = daysBetween(completedOn, referralDate);
  return days >= 0 && days <= REPRESENTATION_WINDOW_DAYS;
}

/**
 * R-REP-1: whether a referral received on `referralDate` is a re-presentation: it comes 0 to 182 days (both
 * included) after the discharge date of a successful completion among `earlierEpisodes`, which the caller
 * gives as the same person's other episodes.
 */
export function isRepresentation(earlierEpisodes: readonly Episode[], referralDate: IsoDate): boolean {
  return earlierEpisodes.some((episode) => {
    const completedOn = successfulCompletionDate(episode);
    return completedOn !== null && withinRepresentationWindow(completedOn, referralDate);
  });
}

/**
 * R-REP-1: the first episode of the same person referred within 182 days after `completedEpisode`'s
 * successful completion, or null when it was not a successful completion or the person did not come back
 * within the window.
 */
export function representationAfter(completedEpisode: Episode, laterEpisodes: readonly Episode[]): Episode | null {
  const completedOn = successfulCompletionDate(completedEpisode);
  if (completedOn === null) return null;
  const representations = inForce(laterEpisodes)
    .filter((episode) => episode.id !== completedEpisode.id && episode.serviceUserId === completedEpisode.serviceUserId)
    .filter((episode) => withinRepresentationWindow(completedOn, episode.referral.receivedDate))
    .sort((a, b) => (a.referral.receivedDate < b.referral.receivedDate ? -1 : a.referral.receivedDate > b.referral.receivedDate ? 1 : 0));
  return representations[0] ?? null;
}
