import type { BbvStatus, ContactKind, ContactOutcome, NaloxoneRecipient } from "../codes/clinical.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { ClinicalRecord } from "./common.js";

/** An appointment or other contact with the person, and whether it happened. */
export interface Contact extends ClinicalRecord {
  readonly episodeId: string;
  readonly date: IsoDate;
  /** Local time of day, HH:MM, when known; orders contacts on the same day. */
  readonly time: string | null;
  readonly kind: ContactKind;
  readonly outcome: ContactOutcome;
  readonly staffId: string;
  readonly notes: string | null;
}

/** Harm-reduction work recorded on one date; each part is optional so one visit can record several. */
export interface HarmReductionRecord extends ClinicalRecord {
  readonly episodeId: string;
  readonly date: IsoDate;
  readonly naloxoneIssuedTo: NaloxoneRecipient | null;
  readonly naloxoneTrainingGiven: boolean;
  readonly hepatitisBVaccination: BbvStatus | null;
  readonly hepatitisCTest: BbvStatus | null;
  readonly hivTest: BbvStatus | null;
}
