import { tallyCounts } from "./breakdown.js";
import { kpiContext, type KpiContext } from "./context.js";
import { episodesInTreatmentDuring } from "./population.js";
import type { KpiCount, KpiOptions, KpiPeriod, ProviderData } from "./types.js";

/** K-1: how many episodes were in treatment in the period, in total and by cohort and demographics. */
export interface NumbersInTreatmentKpi {
  readonly id: "K-1";
  /** Episodes in structured treatment at any time in the period. */
  readonly count: number;
  /** Distinct people behind those episodes (a person discharged and re-referred in the period has two episodes). */
  readonly people: number;
  readonly byCohort: readonly KpiCount[];
  readonly byAgeBand: readonly KpiCount[];
  readonly bySex: readonly KpiCount[];
  readonly byEthnicity: readonly KpiCount[];
  /** By the breakdown asked for in the options; empty without one. */
  readonly groups: readonly KpiCount[];
}

/**
 * K-1 Numbers in treatment. Counts episodes, as DOMAIN §7 does: an episode counts when structured treatment
 * began (its first pharmacological or psychosocial intervention started) on or before the last day of the
 * period and it was not discharged before the first day. Status history is not stored, so these dates stand
 * in for "was IN_TREATMENT". Episodes and interventions entered in error are left out, so an episode whose
 * only structured intervention was entered in error has not started treatment. Cohort and demographic splits
 * always come back; age is the person's age on the first day of the period.
 */
export function numbersInTreatmentKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): NumbersInTreatmentKpi {
  return numbersInTreatmentIn(kpiContext(data, period, options));
}

/** K-1 over a prepared context (shared by `computeKpis`). */
export function numbersInTreatmentIn(context: KpiContext): NumbersInTreatmentKpi {
  const inTreatment = episodesInTreatmentDuring(context);
  return {
    id: "K-1",
    count: inTreatment.length,
    people: new Set(inTreatment.map((facts) => facts.serviceUser.id)).size,
    byCohort: tallyCounts(inTreatment, "COHORT", context),
    byAgeBand: tallyCounts(inTreatment, "AGE_BAND", context),
    bySex: tallyCounts(inTreatment, "SEX", context),
    byEthnicity: tallyCounts(inTreatment, "ETHNICITY", context),
    groups: context.breakdown === null ? [] : tallyCounts(inTreatment, context.breakdown, context),
  };
}
