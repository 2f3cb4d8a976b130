import { periodsOverlap } from "../dates/isoDate.js";
import { tallyRatio, type CountedUnit } from "./breakdown.js";
import { kpiContext, type KpiContext } from "./context.js";
import type { KpiOptions, KpiPeriod, KpiRatioResult, ProviderData } from "./types.js";

/** DOMAIN §7: half of pharmacological interventions should be delivered in primary care. */
export const SHARED_CARE_TARGET = 0.5;

/** K-9: the share of pharmacological interventions delivered in primary care (GP shared care). */
export type SharedCareKpi = KpiRatioResult<"K-9">;

/**
 * K-9 Shared care. Counts interventions, not people: the denominator is every pharmacological intervention
 * (by its catalogue item's modality) that was under way at any time in the period (started on or before the
 * last day, and not ended before the first; an open end runs on), the numerator those whose setting is
 * PRIMARY_CARE. An intervention whose item is missing from the catalogue cannot be judged and is left out.
 */
export function sharedCareKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): SharedCareKpi {
  return sharedCareIn(kpiContext(data, period, options));
}

/** K-9 over a prepared context. */
export function sharedCareIn(context: KpiContext): SharedCareKpi {
  const units: CountedUnit[] = [];
  for (const facts of context.episodes) {
    for (const intervention of facts.interventions) {
      if (context.data.catalogue.find(intervention.catalogueItemCode)?.modality !== "PHARMACOLOGICAL") continue;
      if (!periodsOverlap(intervention.startDate, intervention.endDate, context.period.from, context.period.to)) continue;
      units.push({ facts, inNumerator: intervention.setting === "PRIMARY_CARE" });
    }
  }
  return { id: "K-9", target: SHARED_CARE_TARGET, ...tallyRatio(units, context) };
}
