import { isIsoDate, isWithin, type IsoDate } from "../dates/isoDate.js";
import type { Episode } from "../records/episode.js";
import type { KpiPeriod } from "./types.js";

/** Refuses a period that is not two real dates in order, so a typo cannot silently produce empty figures. */
export function assertKpiPeriod(period: KpiPeriod): void {
  if (!isIsoDate(period.from) || !isIsoDate(period.to)) {
    throw new RangeError(`A reporting period needs two dates written YYYY-MM-DD, got ${period.from}..${period.to}`);
  }
  if (period.from > period.to) {
    throw new RangeError(`A reporting period cannot end (${period.to}) before it starts (${period.from})`);
  }
}

/** True when `date` is in the period, both ends included. */
export function isInKpiPeriod(date: IsoDate | null, period: KpiPeriod): boolean {
  return date !== null && isWithin(date, period.from, period.to);
}

/**
 * Whether an episode was in structured treatment at any time in the period. Status history is not stored,
 * so this is read from dates: structured treatment began (the first-intervention date) on or before the last
 * day of the period, and the episode was not discharged before its first day. An episode discharged on the
 * first day, or whose treatment began on the last day, was in treatment for that day and counts.
 */
export function wasInTreatmentDuring(
  firstInterventionDate: IsoDate | null,
  episode: Pick<Episode, "dischargeDate">,
  period: KpiPeriod,
): boolean {
  if (firstInterventionDate === null || firstInterventionDate > period.to) return false;
  return episode.dischargeDate === null || episode.dischargeDate >= period.from;
}

/**
 * Whether an episode is open at the end of `date`: referred on or before it and not discharged on or before
 * it. A discharge on `date` closes the episode that day, so a snapshot taken that evening no longer holds it.
 */
export function wasOpenAtEndOf(episode: Pick<Episode, "referral" | "dischargeDate">, date: IsoDate): boolean {
  if (episode.referral.receivedDate > date) return false;
  return episode.dischargeDate === null || episode.dischargeDate > date;
}

/** Whether an episode is in structured treatment at the end of `date`: open then, and treatment had begun. */
export function wasInTreatmentAtEndOf(
  firstInterventionDate: IsoDate | null,
  episode: Pick<Episode, "referral" | "dischargeDate">,
  date: IsoDate,
): boolean {
  return firstInterventionDate !== null && firstInterventionDate <= date && wasOpenAtEndOf(episode, date);
}
