import {
  AGE_BANDS,
  COHORTS,
  ETHNICITIES,
  kpiRatio,
  NOT_ALLOCATED_KEY,
  NOT_RECORDED_GROUP,
  SEXES,
  type KpiBreakdown,
  type KpiCount,
  type KpiGroup,
} from "@waymark/core";
import { NO_GROUP } from "./population.js";

/** Names of the teams and staff a report's groups may point at, by stored ID. */
export interface GroupNames {
  readonly teams: ReadonlyMap<string, string>;
  readonly staff: ReadonlyMap<string, string>;
}

const CODE_LISTS: Partial<Record<KpiBreakdown, { readonly codes: readonly string[]; labelOf(code: never): string }>> = {
  COHORT: COHORTS,
  AGE_BAND: AGE_BANDS,
  SEX: SEXES,
  ETHNICITY: ETHNICITIES,
};

/** The label of a group key in a dimension, as core's `breakdownGroupOf` gives it. */
export function groupLabel(dimension: KpiBreakdown, key: string, names: GroupNames): string {
  if (key === NOT_RECORDED_GROUP.key) return NOT_RECORDED_GROUP.label;
  switch (dimension) {
    case "TEAM":
      return names.teams.get(key) ?? key;
    case "KEYWORKER":
      return key === NOT_ALLOCATED_KEY ? "No keyworker" : (names.staff.get(key) ?? key);
    case "POSTCODE_DISTRICT":
      return key;
    default:
      return (CODE_LISTS[dimension] as { labelOf(code: string): string }).labelOf(key);
  }
}

/**
 * Display order of a breakdown's groups, as core's: code-list order for coded dimensions, by label otherwise
 * (then by key), and "not recorded" or "no keyworker" last.
 */
export function compareGroups(dimension: KpiBreakdown, a: { key: string; label: string }, b: { key: string; label: string }): number {
  const rank = (group: { key: string }): number => {
    if (group.key === NOT_RECORDED_GROUP.key || group.key === NOT_ALLOCATED_KEY) return Number.MAX_SAFE_INTEGER;
    const order = CODE_LISTS[dimension]?.codes;
    return order ? order.indexOf(group.key) : 0;
  };
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (a.label !== b.label) return a.label < b.label ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** A numerator and denominator per group key, as the statements return them. */
export type Tally = ReadonlyMap<string, { readonly numerator: number; readonly denominator: number }>;

/** Adds a row's numerator and denominator to its group's. */
export function addToTally(tally: Map<string, { numerator: number; denominator: number }>, key: string, numerator: number, denominator: number): void {
  const current = tally.get(key) ?? { numerator: 0, denominator: 0 };
  tally.set(key, { numerator: current.numerator + numerator, denominator: current.denominator + denominator });
}

/**
 * The overall ratio and the ordered groups of a tally. Groups with nothing in their denominator are left out,
 * as core only forms groups from the units it counts.
 */
export function ratioWithGroups(tally: Tally, dimension: KpiBreakdown | null, names: GroupNames): ReturnType<typeof kpiRatio> & { groups: KpiGroup[] } {
  let numerator = 0;
  let denominator = 0;
  for (const entry of tally.values()) {
    numerator += entry.numerator;
    denominator += entry.denominator;
  }
  const groups = groupsOf(tally, dimension, (groupDimension, key, entry) => ({
    key,
    label: groupLabel(groupDimension, key, names),
    ...kpiRatio(entry.numerator, entry.denominator),
  }));
  return { ...kpiRatio(numerator, denominator), groups };
}

/** The groups of a tally in display order, built by `make`; empty without a breakdown. */
export function groupsOf<E extends { readonly denominator: number }, G extends { key: string; label: string }>(
  tally: ReadonlyMap<string, E>,
  dimension: KpiBreakdown | null,
  make: (dimension: KpiBreakdown, key: string, entry: E) => G,
): G[] {
  if (dimension === null) return [];
  return [...tally.entries()]
    .filter(([key, entry]) => key !== NO_GROUP && entry.denominator > 0)
    .map(([key, entry]) => make(dimension, key, entry))
    .sort((a, b) => compareGroups(dimension, a, b));
}

/** Counts per group key, in display order with labels; groups with no count are left out. */
export function countsOf(counts: ReadonlyMap<string, number>, dimension: KpiBreakdown, names: GroupNames): KpiCount[] {
  return [...counts.entries()]
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ key, label: groupLabel(dimension, key, names), count }))
    .sort((a, b) => compareGroups(dimension, a, b));
}
