import type { EpisodeStatus } from "../codes/clinical.js";
import type { DischargeReason } from "../codes/dischargeReason.js";
import type { ReferralSource, ReferralUrgency } from "../codes/referralSource.js";
import type { InjectingStatus, Route, Substance } from "../codes/substance.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { ClinicalRecord } from "./common.js";

export interface Referral {
  readonly receivedDate: IsoDate;
  readonly source: ReferralSource;
  readonly referrer: string | null;
  readonly reason: string;
  readonly urgency: ReferralUrgency;
}

/** A problem substance ranked 1 (main) to 3. */
export interface ProblemSubstance {
  readonly rank: 1 | 2 | 3;
  readonly substance: Substance;
  readonly ageOfFirstUse: number | null;
  readonly route: Route | null;
}

/** A team lead's recorded decision to accept a referral outside the team's age band (R-ELIG-1). */
export interface AgeBandOverride {
  readonly reason: string;
  readonly approvedById: string;
}

/** One stretch of contact with the service, from referral to discharge. */
export interface Episode extends ClinicalRecord {
  readonly serviceUserId: string;
  readonly teamId: string;
  readonly keyworkerId: string | null;
  readonly status: EpisodeStatus;
  readonly referral: Referral;
  readonly ageBandOverride: AgeBandOverride | null;
  readonly triageDate: IsoDate | null;
  readonly problemSubstances: readonly ProblemSubstance[];
  readonly injectingStatus: InjectingStatus | null;
  readonly dischargeDate: IsoDate | null;
  readonly dischargeReason: DischargeReason | null;
}

export function isOpen(episode: Pick<Episode, "status">): boolean {
  return episode.status !== "COMPLETED" && episode.status !== "CLOSED";
}
