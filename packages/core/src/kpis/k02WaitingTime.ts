import { daysBetween } from "../dates/isoDate.js";
import { DEFAULT_WAITING_TIME_TARGET_DAYS } from "../records/organisation.js";
import { groupBy, kpiRatio } from "./breakdown.js";
import { kpiContext, type EpisodeFacts, type KpiContext } from "./context.js";
import { medianOf } from "./median.js";
import { isInKpiPeriod } from "./period.js";
import type { KpiGroup, KpiOptions, KpiPeriod, KpiRatioResult, ProviderData } from "./types.js";

/** A breakdown group of K-2, with its own median wait. */
export interface WaitingTimeGroup extends KpiGroup {
  readonly medianWaitDays: number | null;
}

/** K-2: the share of first interventions that started within the team's target, and the median wait. */
export interface WaitingTimeKpi extends KpiRatioResult<"K-2", WaitingTimeGroup> {
  readonly medianWaitDays: number | null;
}

/** One first intervention in the period and how long the person waited for it. */
interface Wait {
  readonly facts: EpisodeFacts;
  readonly days: number;
  readonly withinTarget: boolean;
}

/**
 * K-2 Waiting time. The denominator is the episodes whose first intervention (the earliest start of a
 * pharmacological or psychosocial intervention, entered-in-error ones left out) falls in the period; the
 * numerator those that started within their team's waiting-time target. The wait is counted in whole days
 * from the date the referral was received to that start, and a wait equal to the target is within it (21 days
 * against a 21-day target meets it). Each episode is held to its own team's target; a team missing from the
 * data is held to the default 21 days. There is no target percentage: `target` is null and the target in days
 * is the team's setting. The median is over every wait in the denominator.
 */
export function waitingTimeKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): WaitingTimeKpi {
  return waitingTimeIn(kpiContext(data, period, options));
}

/** K-2 over a prepared context. */
export function waitingTimeIn(context: KpiContext): WaitingTimeKpi {
  const waits: Wait[] = [];
  for (const facts of context.episodes) {
    if (facts.firstInterventionDate === null || !isInKpiPeriod(facts.firstInterventionDate, context.period)) continue;
    const days = daysBetween(facts.episode.referral.receivedDate, facts.firstInterventionDate);
    const team = context.data.teams.find((candidate) => candidate.id === facts.episode.teamId);
    const targetDays = team?.waitingTimeTargetDays ?? DEFAULT_WAITING_TIME_TARGET_DAYS;
    waits.push({ facts, days, withinTarget: days <= targetDays });
  }
  const summarise = (list: readonly Wait[]) => ({
    ...kpiRatio(list.filter((wait) => wait.withinTarget).length, list.length),
    medianWaitDays: medianOf(list.map((wait) => wait.days)),
  });
  return {
    id: "K-2",
    target: null,
    ...summarise(waits),
    groups: groupBy(waits, (wait) => wait.facts, context).map((group) => ({
      key: group.key,
      label: group.label,
      ...summarise(group.units),
    })),
  };
}
