import type { FirstContactAction, InterventionSetting } from "../codes/clinical.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { ClinicalRecord } from "./common.js";

/** One intervention of an episode, of a catalogue item (R-CAT-1). */
export interface Intervention extends ClinicalRecord {
  readonly episodeId: string;
  /** The catalogue item's stable code; never re-coded, so history keeps its meaning. */
  readonly catalogueItemCode: string;
  readonly subTypes: readonly string[];
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly plannedEndDate: IsoDate | null;
  readonly plannedSessions: number | null;
  readonly setting: InterventionSetting;
  readonly deliveredById: string | null;
  readonly notes: string | null;
  /** When the person said they want to go to a mutual-aid group (R-ROSC-3). */
  readonly interestExpressedDate: IsoDate | null;
  readonly firstContactActions: readonly FirstContactAction[];
  /** Aftercare check-up dates the service will initiate (R-ROSC-4). */
  readonly contactSchedule: readonly IsoDate[];
}
