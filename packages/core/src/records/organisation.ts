import type { AuditAction, Role } from "../codes/clinical.js";
import type { IsoDate } from "../dates/isoDate.js";

/** A service within the provider, with the settings its schedules run on. */
export interface Team {
  readonly id: string;
  readonly name: string;
  /** Youngest age served on the referral date, or null for no lower limit (R-ELIG-1). */
  readonly minAge: number | null;
  /** Oldest age served, or null for no upper limit. */
  readonly maxAge: number | null;
  readonly reviewIntervalWeeks: number;
  readonly waitingTimeTargetDays: number;
}

export const DEFAULT_REVIEW_INTERVAL_WEEKS = 12;
export const DEFAULT_WAITING_TIME_TARGET_DAYS = 21;

export interface StaffMember {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly teamIds: readonly string[];
  readonly active: boolean;
}

/**
 * Provider-wide settings for the schedules. Defaults follow DOMAIN §4; a provider may change them to match
 * its commissioner's contract.
 */
export interface ServiceSettings {
  /** R-DNA-1: working days allowed to attempt follow-up after a missed appointment. */
  readonly dnaFollowUpWorkingDays: number;
  /** R-DNA-2: consecutive did-not-attends that make an episode disengaging. */
  readonly disengagementConsecutiveDnas: number;
  /** R-DNA-2: days without an attended contact that make an episode disengaging. */
  readonly disengagementDaysWithoutContact: number;
  /** R-TOP-2: months between REVIEW TOPs. */
  readonly topReviewIntervalMonths: number;
  /** R-TOP-2: when true, a REVIEW TOP is due with each plan review instead of every six months. */
  readonly alignTopReviewsWithPlanReviews: boolean;
  /** R-ROSC-4: months after discharge that aftercare check-ups span (3..6). */
  readonly aftercareMonths: number;
  /** Bank holidays, which are not working days. */
  readonly bankHolidays: readonly IsoDate[];
}

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  dnaFollowUpWorkingDays: 2,
  disengagementConsecutiveDnas: 3,
  disengagementDaysWithoutContact: 28,
  topReviewIntervalMonths: 6,
  alignTopReviewsWithPlanReviews: false,
  aftercareMonths: 6,
  bankHolidays: [],
};

/** Who did what to which record, when, from where and why. Never edited once written. */
export interface AuditEvent {
  readonly id: string;
  readonly actorId: string | null;
  /** ISO 8601 UTC timestamp. */
  readonly at: string;
  readonly action: AuditAction;
  readonly recordType: string | null;
  readonly recordId: string | null;
  readonly serviceUserId: string | null;
  readonly fromAddress: string | null;
  /** Required for break-glass access. */
  readonly reason: string | null;
}
