import type { IsoDate } from "../dates/isoDate.js";
import type { Episode } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";
import { inForce } from "../records/common.js";

/**
 * The fields of an intervention the rules read before it is saved. The API and the web form pass their input as
 * it stands; it has no id yet and cannot have been entered in error.
 */
export type InterventionDraft = Pick<
  Intervention,
  | "catalogueItemCode"
  | "subTypes"
  | "startDate"
  | "endDate"
  | "plannedEndDate"
  | "plannedSessions"
  | "interestExpressedDate"
  | "firstContactActions"
  | "contactSchedule"
>;

/**
 * The interventions of this episode that the rules may count: callers sometimes pass a person's whole history,
 * and records entered in error never count.
 */
export function interventionsInForceOf<T extends Pick<Intervention, "episodeId" | "enteredInError" | "id">>(
  episode: Pick<Episode, "id">,
  interventions: readonly T[],
): T[] {
  return inForce(interventions).filter((intervention) => intervention.episodeId === episode.id);
}

/** True when the intervention is still running on `date`: it has no end date, or ends after that day. */
export function interventionOpenOn(intervention: Pick<Intervention, "endDate">, date: IsoDate): boolean {
  return intervention.endDate === null || intervention.endDate > date;
}
