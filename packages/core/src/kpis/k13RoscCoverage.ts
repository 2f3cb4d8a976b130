import { periodsOverlap } from "../dates/isoDate.js";
import type { Intervention } from "../records/intervention.js";
import { kpiRatio, tallyRatio } from "./breakdown.js";
import { kpiContext, type KpiContext } from "./context.js";
import { episodesInTreatmentDuring } from "./population.js";
import type { KpiGroup, KpiOptions, KpiPeriod, KpiRatioResult, ProviderData } from "./types.js";

/** K-13: the share of episodes in treatment that had recovery support in the period, overall and per item. */
export interface RoscCoverageKpi extends KpiRatioResult<"K-13"> {
  /**
   * One entry per recovery-support item of the catalogue (retired ones included, since history keeps their
   * meaning), in catalogue order: episodes with that item in the period over the same denominator.
   */
  readonly byItem: readonly KpiGroup[];
}

/**
 * K-13 ROSC coverage. The denominator is the episodes in treatment in the period (as K-1); the numerator those
 * with at least one recovery-support intervention (an item of modality RECOVERY_SUPPORT) under way at any
 * time in the period: started on or before its last day and not ended before its first. Post-treatment
 * support (aftercare, relapse prevention) after a completion in the period counts, since it is recovery
 * support given to someone counted in the period. An episode counts once however many items it had; by item,
 * it counts once under each item it had, so item counts can add up to more than the numerator.
 */
export function roscCoverageKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): RoscCoverageKpi {
  return roscCoverageIn(kpiContext(data, period, options));
}

/** K-13 over a prepared context. */
export function roscCoverageIn(context: KpiContext): RoscCoverageKpi {
  const { catalogue } = context.data;
  const inPeriod = (intervention: Intervention) =>
    periodsOverlap(intervention.startDate, intervention.endDate, context.period.from, context.period.to);
  const roscItemsOf = (interventions: readonly Intervention[]) =>
    new Set(
      interventions
        .filter((intervention) => catalogue.find(intervention.catalogueItemCode)?.modality === "RECOVERY_SUPPORT" && inPeriod(intervention))
        .map((intervention) => intervention.catalogueItemCode),
    );
  const population = episodesInTreatmentDuring(context).map((facts) => ({ facts, items: roscItemsOf(facts.interventions) }));
  return {
    id: "K-13",
    target: null,
    ...tallyRatio(
      population.map(({ facts, items }) => ({ facts, inNumerator: items.size > 0 })),
      context,
    ),
    byItem: catalogue.items
      .filter((item) => item.modality === "RECOVERY_SUPPORT")
      .map((item) => ({
        key: item.code,
        label: item.label,
        ...kpiRatio(population.filter(({ items }) => items.has(item.code)).length, population.length),
      })),
  };
}
