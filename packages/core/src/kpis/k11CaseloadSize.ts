import type { IsoDate } from "../dates/isoDate.js";
import { groupBy, kpiRatio } from "./breakdown.js";
import { kpiContext, type EpisodeFacts, type KpiContext } from "./context.js";
import { wasOpenAtEndOf } from "./period.js";
import type { KpiGroup, KpiOptions, KpiPeriod, ProviderData } from "./types.js";

/** One keyworker's caseload on the snapshot date. */
export interface KeyworkerCaseload {
  readonly keyworkerId: string;
  readonly label: string;
  readonly openEpisodes: number;
}

/** K-11: open episodes per keyworker on the `asOf` date. */
export interface CaseloadSizeKpi {
  readonly id: "K-11";
  readonly asOf: IsoDate;
  /** Open episodes, allocated or not. */
  readonly openEpisodes: number;
  /** Open episodes with no keyworker. */
  readonly unallocated: number;
  /** Keyworkers holding at least one open episode. */
  readonly keyworkers: number;
  /** Allocated open episodes over keyworkers holding any; null when no one holds any. */
  readonly meanCaseload: number | null;
  /** Each keyworker's count, largest first (ties by name). */
  readonly caseloads: readonly KeyworkerCaseload[];
  /**
   * Per breakdown group: numerator = allocated open episodes in the group, denominator = distinct keyworkers
   * holding them, value = their mean caseload in the group. A keyworker may hold episodes in several groups,
   * so group denominators need not add up to `keyworkers`.
   */
  readonly groups: readonly KpiGroup[];
}

/**
 * K-11 Caseload size, a snapshot at the end of `asOf` (default the period's last day). An episode is open
 * then when its referral was received on or before `asOf` and it was not discharged on or before it; open
 * episodes before treatment (referred, triaged, assessed) are part of a caseload. The keyworker is the
 * episode's current one. Staff with no open episode are not counted, so the mean is over keyworkers who
 * actually hold cases; unallocated episodes are reported apart and left out of the mean.
 */
export function caseloadSizeKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): CaseloadSizeKpi {
  return caseloadSizeIn(kpiContext(data, period, options));
}

/** K-11 over a prepared context. */
export function caseloadSizeIn(context: KpiContext): CaseloadSizeKpi {
  const open = context.episodes.filter((facts) => wasOpenAtEndOf(facts.episode, context.asOf));
  const allocated = open.filter((facts) => facts.episode.keyworkerId !== null);
  const caseloads = groupBy(allocated, (facts) => facts, { ...context, breakdown: "KEYWORKER" })
    .map((group) => ({ keyworkerId: group.key, label: group.label, openEpisodes: group.units.length }))
    .sort((a, b) => b.openEpisodes - a.openEpisodes || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const meanOver = (episodes: readonly EpisodeFacts[]) => {
    const holders = new Set(episodes.map((facts) => facts.episode.keyworkerId)).size;
    return kpiRatio(episodes.length, holders);
  };
  const groups = groupBy(allocated, (facts) => facts, context).map((group) => ({
    key: group.key,
    label: group.label,
    ...meanOver(group.units),
  }));
  return {
    id: "K-11",
    asOf: context.asOf,
    openEpisodes: open.length,
    unallocated: open.length - allocated.length,
    keyworkers: caseloads.length,
    meanCaseload: meanOver(allocated).value,
    caseloads,
    groups,
  };
}

