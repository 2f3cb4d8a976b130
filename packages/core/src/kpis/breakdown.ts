import { COHORTS } from "../codes/substance.js";
import { AGE_BANDS, ETHNICITIES, SEXES, ageBandOf, type AgeBand } from "../codes/demographics.js";
import { ageOn } from "../dates/isoDate.js";
import type { EpisodeFacts, KpiContext } from "./context.js";
import { postcodeDistrictOf } from "./postcodeDistrict.js";
import { NOT_RECORDED_GROUP, type KpiBreakdown, type KpiCount, type KpiFilter, type KpiGroup, type KpiPeriod, type KpiRatio, type ProviderData } from "./types.js";

/**
 * The age band a person is reported in: their age on the first day of the period. One date for everyone
 * keeps the bands of a report comparable across teams and indicators, and a long episode moves up a band as
 * the person ages, which an age at referral would hide.
 */
export function ageBandAtPeriodStart(dateOfBirth: string, period: KpiPeriod): AgeBand {
  return ageBandOf(ageOn(dateOfBirth, period.from));
}

interface GroupIdentity {
  readonly key: string;
  readonly label: string;
}

/**
 * The group of a breakdown an episode falls in. Team and keyworker are the episode's current ones: allocation
 * history is not stored, so a reallocated episode is counted under its keyworker now. Every record counted
 * for an episode (a contact, a review, an intervention) falls in its episode's group.
 */
export function breakdownGroupOf(
  dimension: KpiBreakdown,
  facts: EpisodeFacts,
  data: Pick<ProviderData, "teams" | "staff">,
  period: KpiPeriod,
): GroupIdentity {
  const { episode, serviceUser } = facts;
  switch (dimension) {
    case "TEAM": {
      const team = data.teams.find((candidate) => candidate.id === episode.teamId);
      return { key: episode.teamId, label: team?.name ?? episode.teamId };
    }
    case "KEYWORKER": {
      if (episode.keyworkerId === null) return { key: NOT_ALLOCATED_KEY, label: "No keyworker" };
      const keyworker = data.staff.find((member) => member.id === episode.keyworkerId);
      return { key: episode.keyworkerId, label: keyworker?.name ?? episode.keyworkerId };
    }
    case "COHORT":
      return facts.cohort === null ? NOT_RECORDED_GROUP : { key: facts.cohort, label: COHORTS.labelOf(facts.cohort) };
    case "AGE_BAND": {
      const band = ageBandAtPeriodStart(serviceUser.dateOfBirth, period);
      return { key: band, label: AGE_BANDS.labelOf(band) };
    }
    case "SEX":
      return { key: serviceUser.sex, label: SEXES.labelOf(serviceUser.sex) };
    case "ETHNICITY":
      return { key: serviceUser.ethnicity, label: ETHNICITIES.labelOf(serviceUser.ethnicity) };
    case "POSTCODE_DISTRICT": {
      const district = postcodeDistrictOf(serviceUser.postcode);
      return district === null ? NOT_RECORDED_GROUP : { key: district, label: district };
    }
  }
}

/** The key of the KEYWORKER group of episodes with no keyworker allocated. */
export const NOT_ALLOCATED_KEY = "NOT_ALLOCATED";

/** True when the episode passes every list the filter sets (see KpiFilter). */
export function episodeMatchesFilter(facts: EpisodeFacts, filter: KpiFilter, period: KpiPeriod): boolean {
  const { episode, serviceUser } = facts;
  return (
    passes(filter.teamIds, episode.teamId) &&
    passes(filter.keyworkerIds, episode.keyworkerId) &&
    passes(filter.cohorts, facts.cohort) &&
    passes(filter.ageBands, ageBandAtPeriodStart(serviceUser.dateOfBirth, period)) &&
    passes(filter.sexes, serviceUser.sex) &&
    passes(filter.ethnicities, serviceUser.ethnicity) &&
    passes(filter.postcodeDistricts, postcodeDistrictOf(serviceUser.postcode))
  );
}

function passes<V>(allowed: readonly V[] | undefined, value: V): boolean {
  return allowed === undefined || allowed.includes(value);
}

/** A ratio whose value is null when nothing was counted in the denominator. */
export function kpiRatio(numerator: number, denominator: number): KpiRatio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** Codes in the order their code list gives them; groups of other dimensions sort by label. */
const CODE_ORDER: Partial<Record<KpiBreakdown, readonly string[]>> = {
  COHORT: COHORTS.codes,
  AGE_BAND: AGE_BANDS.codes,
  SEX: SEXES.codes,
  ETHNICITY: ETHNICITIES.codes,
};

/**
 * Splits counted things into the groups of a breakdown, in display order: code-list order for coded
 * dimensions, by label otherwise, and "not recorded" or "no keyworker" last. Empty when there is no breakdown.
 */
export function groupBy<T>(
  units: readonly T[],
  factsOf: (unit: T) => EpisodeFacts,
  context: Pick<KpiContext, "breakdown" | "data" | "period">,
): { readonly key: string; readonly label: string; readonly units: readonly T[] }[] {
  const dimension = context.breakdown;
  if (dimension === null) return [];
  const groups = new Map<string, { key: string; label: string; units: T[] }>();
  for (const unit of units) {
    const identity = breakdownGroupOf(dimension, factsOf(unit), context.data, context.period);
    const group = groups.get(identity.key);
    if (group) group.units.push(unit);
    else groups.set(identity.key, { ...identity, units: [unit] });
  }
  return [...groups.values()].sort((a, b) => compareGroups(dimension, a, b));
}

function compareGroups(dimension: KpiBreakdown, a: GroupIdentity, b: GroupIdentity): number {
  const rank = (group: GroupIdentity): number => {
    if (group.key === NOT_RECORDED_GROUP.key || group.key === NOT_ALLOCATED_KEY) return Number.MAX_SAFE_INTEGER;
    const order = CODE_ORDER[dimension];
    return order ? order.indexOf(group.key) : 0;
  };
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (a.label !== b.label) return a.label < b.label ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Something counted in a ratio's denominator, and whether it also counts in the numerator. */
export interface CountedUnit {
  readonly facts: EpisodeFacts;
  readonly inNumerator: boolean;
}

/** The overall ratio of counted units and, when a breakdown was asked for, one ratio per group. */
export function tallyRatio(
  units: readonly CountedUnit[],
  context: Pick<KpiContext, "breakdown" | "data" | "period">,
): KpiRatio & { readonly groups: readonly KpiGroup[] } {
  const numeratorOf = (list: readonly CountedUnit[]): number => list.filter((unit) => unit.inNumerator).length;
  const groups = groupBy(units, (unit) => unit.facts, context).map((group) => ({
    key: group.key,
    label: group.label,
    ...kpiRatio(numeratorOf(group.units), group.units.length),
  }));
  return { ...kpiRatio(numeratorOf(units), units.length), groups };
}

/** Counts of episodes per group of one dimension (used where an indicator is a count, not a ratio). */
export function tallyCounts(
  episodes: readonly EpisodeFacts[],
  dimension: KpiBreakdown,
  context: Pick<KpiContext, "data" | "period">,
): KpiCount[] {
  return groupBy(episodes, (facts) => facts, { ...context, breakdown: dimension }).map((group) => ({
    key: group.key,
    label: group.label,
    count: group.units.length,
  }));
}
