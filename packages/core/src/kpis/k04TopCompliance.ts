import { topsDue, type ScheduledTopStage, type TopDueStatus } from "../schedules/index.js";
import { inForce } from "../records/common.js";
import { kpiRatio, tallyRatio, type CountedUnit } from "./breakdown.js";
import { kpiContext, type KpiContext } from "./context.js";
import { isInKpiPeriod } from "./period.js";
import type { KpiGroup, KpiOptions, KpiPeriod, KpiRatioResult, ProviderData } from "./types.js";

const STAGES: readonly { readonly code: ScheduledTopStage; readonly label: string }[] = [
  { code: "START", label: "Start of treatment" },
  { code: "REVIEW", label: "Review" },
  { code: "EXIT", label: "Exit" },
];

/** The TOP statuses whose outcome is settled: recorded, or missing once the recording window has closed. */
const SETTLED_TOP_STATUSES: readonly TopDueStatus[] = ["RECORDED", "MISSING"];

/** K-4: the share of TOPs due in the period that were recorded, overall and per stage. */
export interface TopComplianceKpi extends KpiRatioResult<"K-4"> {
  /** START, REVIEW and EXIT, each as its own ratio. */
  readonly byStage: readonly KpiGroup[];
}

/**
 * K-4 TOP compliance (R-TOP-2), read from the TOP schedule (`topsDue`) as of `asOf`, so it agrees with the
 * exceptions report. The denominator is every START, REVIEW and EXIT TOP a counted episode owes whose due date
 * is in the period and whose outcome is settled: RECORDED, or MISSING (its recording window closed with no TOP).
 * A TOP still inside its window (DUE) or not yet due is left out until it is settled, so running the report
 * again later settles the last weeks of the period. The numerator is the RECORDED ones. TOPs, interventions,
 * plans and reviews entered in error are ignored, as the schedule ignores them.
 */
export function topComplianceKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): TopComplianceKpi {
  return topComplianceIn(kpiContext(data, period, options));
}

/** K-4 over a prepared context. */
export function topComplianceIn(context: KpiContext): TopComplianceKpi {
  const { data } = context;
  const outcomes = inForce(data.outcomes);
  const due: { readonly unit: CountedUnit; readonly stage: ScheduledTopStage }[] = [];
  for (const facts of context.episodes) {
    const owed = topsDue({
      episode: facts.episode,
      interventions: facts.interventions,
      outcomes: outcomes.filter((top) => top.episodeId === facts.episode.id),
      plans: data.plans,
      reviews: data.reviews,
      catalogue: data.catalogue,
      settings: data.settings,
      asOf: context.asOf,
    });
    for (const top of owed) {
      if (!isInKpiPeriod(top.dueDate, context.period) || !SETTLED_TOP_STATUSES.includes(top.status)) continue;
      due.push({ unit: { facts, inNumerator: top.status === "RECORDED" }, stage: top.stage });
    }
  }
  return {
    id: "K-4",
    target: null,
    ...tallyRatio(
      due.map((top) => top.unit),
      context,
    ),
    byStage: STAGES.map((stage) => {
      const ofStage = due.filter((top) => top.stage === stage.code);
      return { key: stage.code, label: stage.label, ...kpiRatio(ofStage.filter((top) => top.unit.inNumerator).length, ofStage.length) };
    }),
  };
}
