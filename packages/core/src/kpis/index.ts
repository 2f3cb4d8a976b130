/**
 * Reference implementations of the performance indicators K-1..K-14 (DOMAIN §7) over in-memory records:
 * the oracle the API's queries are checked against, and the written definitions the product shows.
 *
 * Conventions every indicator follows (each indicator's own doc adds what is particular to it):
 * - Periods include both ends. A record belongs to the period by the date named in its indicator's doc.
 * - Records entered in error are left out (`inForce`), and so is everything that hangs off an episode or a
 *   person entered in error, or an episode whose person is missing.
 * - The unit counted is the episode, or a record of an episode (review, TOP, intervention, contact); a record
 *   falls in its episode's breakdown group and passes the filter when its episode does.
 * - Team and keyworker are the episode's current ones; allocation history is not stored. Age band is the
 *   person's age on the first day of the period. Postcode district is the outward code of the postcode.
 * - "In treatment at any time in the period": structured treatment began on or before the last day, and the
 *   episode was not discharged before the first (status history is not stored, so dates decide).
 * - `asOf` (default: the period's last day) fixes what is known for the schedule-based and snapshot
 *   indicators (K-3, K-4, K-5, K-6, K-8, K-11); the others read only dated records in or before the period.
 * - A proportion's value is a fraction in 0..1, null when its denominator is 0.
 */
export * from "./types.js";
export { assertKpiPeriod, isInKpiPeriod, wasInTreatmentDuring, wasOpenAtEndOf, wasInTreatmentAtEndOf } from "./period.js";
export { postcodeDistrictOf } from "./postcodeDistrict.js";
export { ageBandAtPeriodStart, breakdownGroupOf, episodeMatchesFilter, kpiRatio, NOT_ALLOCATED_KEY } from "./breakdown.js";
export { kpiContext, type EpisodeFacts, type KpiContext } from "./context.js";
export * from "./suppression.js";
export * from "./definitions.js";
export { numbersInTreatmentKpi, type NumbersInTreatmentKpi } from "./k01NumbersInTreatment.js";
export { waitingTimeKpi, type WaitingTimeKpi, type WaitingTimeGroup } from "./k02WaitingTime.js";
export { reviewsOnTimeKpi, REVIEWS_ON_TIME_TARGET, SETTLED_REVIEW_STATUSES, type ReviewsOnTimeKpi } from "./k03ReviewsOnTime.js";
export { topComplianceKpi, type TopComplianceKpi } from "./k04TopCompliance.js";
export { successfulCompletionsKpi, type SuccessfulCompletionsKpi } from "./k05SuccessfulCompletions.js";
export { representationsKpi, type RepresentationsKpi } from "./k06Representations.js";
export { exitsKpi, KPI_EXIT_CATEGORIES, type ExitsKpi } from "./k07Exits.js";
export { longTermOstKpi, type LongTermOstKpi, type LongTermOstGroup } from "./k08LongTermOst.js";
export { sharedCareKpi, SHARED_CARE_TARGET, type SharedCareKpi } from "./k09SharedCare.js";
export { didNotAttendKpi, APPOINTMENT_CONTACT_KINDS, type DidNotAttendKpi } from "./k10DidNotAttend.js";
export { caseloadSizeKpi, type CaseloadSizeKpi, type KeyworkerCaseload } from "./k11CaseloadSize.js";
export { outcomesKpi, K12_SCORES, type K12ScoreKey, type OutcomesKpi, type OutcomesGroup, type K12ScoreChange } from "./k12Outcomes.js";
export { roscCoverageKpi, type RoscCoverageKpi } from "./k13RoscCoverage.js";
export {
  harmReductionKpi,
  HARM_REDUCTION_MEASURES,
  type HarmReductionKpi,
  type HarmReductionMeasure,
  type HarmReductionMeasureKey,
} from "./k14HarmReduction.js";
export { computeKpis, type KpiReport } from "./computeKpis.js";
