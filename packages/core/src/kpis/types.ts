import type { Catalogue } from "../catalogue/catalogueItem.js";
import type { AgeBand, Ethnicity, Sex } from "../codes/demographics.js";
import type { Cohort } from "../codes/substance.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { Assessment } from "../records/assessment.js";
import type { Contact, HarmReductionRecord } from "../records/contact.js";
import type { Episode } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";
import type { ServiceSettings, StaffMember, Team } from "../records/organisation.js";
import type { OutcomeRecord } from "../records/outcome.js";
import type { RecoveryPlan, Review } from "../records/recoveryPlan.js";
import type { ServiceUser } from "../records/serviceUser.js";

/**
 * Everything one provider holds that the indicators read. Records marked entered in error may be included:
 * every indicator leaves them out itself (and leaves out whatever hangs off an episode or person entered in error).
 */
export interface ProviderData {
  readonly teams: readonly Team[];
  readonly staff: readonly StaffMember[];
  readonly serviceUsers: readonly ServiceUser[];
  readonly episodes: readonly Episode[];
  readonly assessments: readonly Assessment[];
  readonly plans: readonly RecoveryPlan[];
  readonly reviews: readonly Review[];
  readonly interventions: readonly Intervention[];
  readonly outcomes: readonly OutcomeRecord[];
  readonly contacts: readonly Contact[];
  readonly harmReduction: readonly HarmReductionRecord[];
  readonly catalogue: Catalogue;
  readonly settings: ServiceSettings;
}

/** A reporting period: both ends are included, so a quarter is 2025-04-01..2025-06-30. */
export interface KpiPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** The dimensions an indicator can be broken down by (DOMAIN §7). */
export type KpiBreakdown = "TEAM" | "KEYWORKER" | "COHORT" | "AGE_BAND" | "SEX" | "ETHNICITY" | "POSTCODE_DISTRICT";

/** Every breakdown dimension, in the order the product offers them. */
export const KPI_BREAKDOWNS: readonly KpiBreakdown[] = [
  "TEAM",
  "KEYWORKER",
  "COHORT",
  "AGE_BAND",
  "SEX",
  "ETHNICITY",
  "POSTCODE_DISTRICT",
];

/**
 * Narrows the population before anything is counted. Each list that is present must contain the value of the
 * episode the counted record belongs to; absent lists do not filter. `null` in a list matches an episode with
 * no value (no keyworker, no cohort yet, no usable postcode).
 */
export interface KpiFilter {
  readonly teamIds?: readonly string[];
  readonly keyworkerIds?: readonly (string | null)[];
  readonly cohorts?: readonly (Cohort | null)[];
  readonly ageBands?: readonly AgeBand[];
  readonly sexes?: readonly Sex[];
  readonly ethnicities?: readonly Ethnicity[];
  readonly postcodeDistricts?: readonly (string | null)[];
}

export interface KpiOptions {
  /**
   * The date the data is read as of, for the indicators that depend on a schedule or a snapshot (K-3, K-4,
   * K-5, K-6, K-8, K-11). Defaults to the last day of the period. Records dated after it are not yet known.
   */
  readonly asOf?: IsoDate;
  /** Adds `groups` broken down by this dimension; without it `groups` is empty. */
  readonly breakdown?: KpiBreakdown | null;
  readonly filter?: KpiFilter;
}

/**
 * A proportion. `value` is numerator / denominator as a fraction between 0 and 1 (the product shows it as a
 * percentage), or null when the denominator is 0, because "no one was due" is not the same as 0%.
 */
export interface KpiRatio {
  readonly numerator: number;
  readonly denominator: number;
  readonly value: number | null;
}

/** One group of a breakdown: `key` is the stored code or id, `label` what a person reads. */
export interface KpiGroup extends KpiRatio {
  readonly key: string;
  readonly label: string;
}

/** A plain count of one group, for the indicators that count rather than divide. */
export interface KpiCount {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

/** The common shape of the indicators that are a proportion. `target` is a fraction when DOMAIN sets one. */
export interface KpiRatioResult<Id extends string, G extends KpiGroup = KpiGroup> extends KpiRatio {
  readonly id: Id;
  readonly target: number | null;
  readonly groups: readonly G[];
}

/** The key and label of the group "no value recorded" in any breakdown. */
export const NOT_RECORDED_GROUP = { key: "NOT_RECORDED", label: "Not recorded" } as const;
