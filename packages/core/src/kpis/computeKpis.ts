import type { IsoDate } from "../dates/isoDate.js";
import { kpiContext } from "./context.js";
import { numbersInTreatmentIn, type NumbersInTreatmentKpi } from "./k01NumbersInTreatment.js";
import { waitingTimeIn, type WaitingTimeKpi } from "./k02WaitingTime.js";
import { reviewsOnTimeIn, type ReviewsOnTimeKpi } from "./k03ReviewsOnTime.js";
import { topComplianceIn, type TopComplianceKpi } from "./k04TopCompliance.js";
import { successfulCompletionsIn, type SuccessfulCompletionsKpi } from "./k05SuccessfulCompletions.js";
import { representationsIn, type RepresentationsKpi } from "./k06Representations.js";
import { exitsIn, type ExitsKpi } from "./k07Exits.js";
import { longTermOstIn, type LongTermOstKpi } from "./k08LongTermOst.js";
import { sharedCareIn, type SharedCareKpi } from "./k09SharedCare.js";
import { didNotAttendIn, type DidNotAttendKpi } from "./k10DidNotAttend.js";
import { caseloadSizeIn, type CaseloadSizeKpi } from "./k11CaseloadSize.js";
import { outcomesIn, type OutcomesKpi } from "./k12Outcomes.js";
import { roscCoverageIn, type RoscCoverageKpi } from "./k13RoscCoverage.js";
import { harmReductionIn, type HarmReductionKpi } from "./k14HarmReduction.js";
import type { KpiBreakdown, KpiFilter, KpiOptions, KpiPeriod, ProviderData } from "./types.js";

/** All fourteen indicators for one period, population and breakdown. */
export interface KpiReport {
  readonly period: KpiPeriod;
  readonly asOf: IsoDate;
  readonly breakdown: KpiBreakdown | null;
  readonly filter: KpiFilter;
  readonly indicators: {
    readonly "K-1": NumbersInTreatmentKpi;
    readonly "K-2": WaitingTimeKpi;
    readonly "K-3": ReviewsOnTimeKpi;
    readonly "K-4": TopComplianceKpi;
    readonly "K-5": SuccessfulCompletionsKpi;
    readonly "K-6": RepresentationsKpi;
    readonly "K-7": ExitsKpi;
    readonly "K-8": LongTermOstKpi;
    readonly "K-9": SharedCareKpi;
    readonly "K-10": DidNotAttendKpi;
    readonly "K-11": CaseloadSizeKpi;
    readonly "K-12": OutcomesKpi;
    readonly "K-13": RoscCoverageKpi;
    readonly "K-14": HarmReductionKpi;
  };
}

/**
 * Computes K-1..K-14 over in-memory records: the reference the API's queries are checked against. Every
 * indicator sees the same population (records entered in error left out, the filter applied), the same
 * `asOf` (default the period's last day) and the same breakdown, exactly as calling each one alone would.
 */
export function computeKpis(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): KpiReport {
  const context = kpiContext(data, period, options);
  return {
    period,
    asOf: context.asOf,
    breakdown: context.breakdown,
    filter: context.filter,
    indicators: {
      "K-1": numbersInTreatmentIn(context),
      "K-2": waitingTimeIn(context),
      "K-3": reviewsOnTimeIn(context),
      "K-4": topComplianceIn(context),
      "K-5": successfulCompletionsIn(context),
      "K-6": representationsIn(context),
      "K-7": exitsIn(context),
      "K-8": longTermOstIn(context),
      "K-9": sharedCareIn(context),
      "K-10": didNotAttendIn(context),
      "K-11": caseloadSizeIn(context),
      "K-12": outcomesIn(context),
      "K-13": roscCoverageIn(context),
      "K-14": harmReductionIn(context),
    },
  };
}
