import type { IsoDate } from "../dates/isoDate.js";
import { ostDuration, type OstDuration } from "../schedules/index.js";
import { groupBy, kpiRatio } from "./breakdown.js";
import { kpiContext, type EpisodeFacts, type KpiContext } from "./context.js";
import { wasInTreatmentAtEndOf } from "./period.js";
import type { KpiGroup, KpiOptions, KpiPeriod, KpiRatio, KpiRatioResult, ProviderData } from "./types.js";

export interface LongTermOstGroup extends KpiGroup {
  readonly atLeastSixYears: number;
}

/**
 * K-8: people on opioid substitution for 2 years or more (the ratio: over everyone on OST) and 6 years or
 * more, on the `asOf` date.
 */
export interface LongTermOstKpi extends KpiRatioResult<"K-8", LongTermOstGroup> {
  readonly asOf: IsoDate;
  /** People on OST for at least 6 years, over the same denominator. */
  readonly atLeastSixYears: KpiRatio;
}

interface OnOst {
  readonly facts: EpisodeFacts;
  readonly duration: OstDuration;
}

/**
 * K-8 Long-term OST (R-OST-1), a snapshot at the end of `asOf` (default the period's last day). The
 * denominator is the counted episodes in structured treatment then (treatment begun on or before `asOf`, not
 * discharged on or before it; one per person, since a person has at most one open episode) whose person is
 * on opioid substitution that day by `ostDuration`. Time on OST is the schedule's continuous spell over all
 * the person's episodes in force, so a transfer between teams does not restart the clock. The numerator is
 * those flagged at 2 years or more (a 6-year flag is also 2 years or more); `atLeastSixYears` those flagged at
 * 6 years. The caseload flag and this figure therefore always agree.
 */
export function longTermOstKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): LongTermOstKpi {
  return longTermOstIn(kpiContext(data, period, options));
}

/** K-8 over a prepared context. */
export function longTermOstIn(context: KpiContext): LongTermOstKpi {
  const onOst: OnOst[] = [];
  for (const facts of context.episodes) {
    if (!wasInTreatmentAtEndOf(facts.firstInterventionDate, facts.episode, context.asOf)) continue;
    const personInterventions = context.allEpisodes
      .filter((other) => other.serviceUser.id === facts.serviceUser.id)
      .flatMap((other) => other.interventions);
    const duration = ostDuration(personInterventions, context.data.catalogue, context.asOf);
    if (duration.continuousSince !== null) onOst.push({ facts, duration });
  }
  const summarise = (list: readonly OnOst[]) => ({
    ...kpiRatio(list.filter((person) => person.duration.flag === "OST_2_YEARS" || person.duration.flag === "OST_6_YEARS").length, list.length),
    sixYears: kpiRatio(list.filter((person) => person.duration.flag === "OST_6_YEARS").length, list.length),
  });
  const overall = summarise(onOst);
  return {
    id: "K-8",
    target: null,
    asOf: context.asOf,
    numerator: overall.numerator,
    denominator: overall.denominator,
    value: overall.value,
    atLeastSixYears: overall.sixYears,
    groups: groupBy(onOst, (person) => person.facts, context).map((group) => {
      const { sixYears, ...twoYears } = summarise(group.units);
      return { key: group.key, label: group.label, ...twoYears, atLeastSixYears: sixYears.numerator };
    }),
  };
}
