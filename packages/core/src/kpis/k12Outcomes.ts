import { topSubstanceFor } from "../codes/top.js";
import { mainSubstance } from "../journey/derived.js";
import { inForce } from "../records/common.js";
import type { OutcomeRecord, TopCount } from "../records/outcome.js";
import { groupBy, kpiRatio } from "./breakdown.js";
import { kpiContext, type EpisodeFacts, type KpiContext } from "./context.js";
import { meanOf } from "./median.js";
import { isInKpiPeriod } from "./period.js";
import type { KpiGroup, KpiOptions, KpiPeriod, KpiRatio, KpiRatioResult, ProviderData } from "./types.js";

/** The three TOP scores (0..20) whose change K-12 reports. */
export const K12_SCORES = [
  { key: "PSYCHOLOGICAL_HEALTH", label: "Psychological health", read: (top: OutcomeRecord) => top.health.psychologicalHealth },
  { key: "PHYSICAL_HEALTH", label: "Physical health", read: (top: OutcomeRecord) => top.health.physicalHealth },
  { key: "QUALITY_OF_LIFE", label: "Quality of life", read: (top: OutcomeRecord) => top.health.qualityOfLife },
] as const;

export type K12ScoreKey = (typeof K12_SCORES)[number]["key"];

/** The mean change of one score between the START TOP and the follow-up TOP; positive is better. */
export interface K12ScoreChange {
  readonly key: K12ScoreKey;
  readonly label: string;
  /** Pairs where the score was given (not "not disclosed") both times. */
  readonly count: number;
  readonly meanChange: number | null;
}

export interface OutcomesGroup extends KpiGroup {
  readonly pairs: number;
  readonly scoreChanges: readonly K12ScoreChange[];
}

/** K-12: the ratio is the share abstinent from the main substance among those using it at START. */
export interface OutcomesKpi extends KpiRatioResult<"K-12", OutcomesGroup> {
  /** Episodes with a START TOP and a follow-up TOP in the period. */
  readonly pairs: number;
  readonly scoreChanges: readonly K12ScoreChange[];
}

/** An episode's START TOP and the latest REVIEW or EXIT TOP in the period. */
interface TopPair {
  readonly facts: EpisodeFacts;
  readonly start: OutcomeRecord;
  readonly followUp: OutcomeRecord;
}

/**
 * K-12 Outcomes. An episode counts when its latest REVIEW or EXIT TOP is dated in the period and it has a
 * START TOP dated on or before that one. The follow-up is the latest such TOP (on the same date an EXIT
 * beats a REVIEW, then the greater id); the START is the earliest START TOP (then the smaller id). POST_EXIT
 * TOPs and TOPs entered in error are ignored.
 *
 * Abstinence: the denominator is the pairs where the person used their main substance (the one ranked 1,
 * read on its TOP line) on at least one day in the 28 before START and gave a number of days at follow-up;
 * the numerator those reporting 0 days at follow-up. People already abstinent at START are left out: the
 * indicator credits change, not a state the person arrived in. Episodes with no main substance recorded, or
 * an answer "not disclosed", are left out of abstinence only.
 *
 * Scores: for each of psychological health, physical health and quality of life, the mean of (follow-up
 * minus START) over the pairs that gave that score both times.
 */
export function outcomesKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): OutcomesKpi {
  return outcomesIn(kpiContext(data, period, options));
}

/** K-12 over a prepared context. */
export function outcomesIn(context: KpiContext): OutcomesKpi {
  const topsByEpisode = new Map<string, OutcomeRecord[]>();
  for (const top of inForce(context.data.outcomes)) {
    topsByEpisode.set(top.episodeId, [...(topsByEpisode.get(top.episodeId) ?? []), top]);
  }
  const pairs: TopPair[] = [];
  for (const facts of context.episodes) {
    const pair = topPairOf(facts, topsByEpisode.get(facts.episode.id) ?? [], context);
    if (pair) pairs.push(pair);
  }
  return {
    id: "K-12",
    target: null,
    ...summarise(pairs),
    groups: groupBy(pairs, (pair) => pair.facts, context).map((group) => ({
      key: group.key,
      label: group.label,
      ...summarise(group.units),
    })),
  };
}

function topPairOf(facts: EpisodeFacts, tops: readonly OutcomeRecord[], context: KpiContext): TopPair | null {
  const followUps = tops
    .filter((top) => (top.stage === "REVIEW" || top.stage === "EXIT") && top.date <= context.period.to)
    .sort(latestFirst);
  const followUp = followUps[0];
  if (!followUp || !isInKpiPeriod(followUp.date, context.period)) return null;
  const start = tops
    .filter((top) => top.stage === "START" && top.date <= followUp.date)
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : 1))[0];
  return start ? { facts, start, followUp } : null;
}

function latestFirst(a: OutcomeRecord, b: OutcomeRecord): number {
  if (a.date !== b.date) return a.date > b.date ? -1 : 1;
  if (a.stage !== b.stage) return a.stage === "EXIT" ? -1 : 1;
  return a.id > b.id ? -1 : 1;
}

function summarise(pairs: readonly TopPair[]): KpiRatio & { readonly pairs: number; readonly scoreChanges: K12ScoreChange[] } {
  let usingAtStart = 0;
  let abstinent = 0;
  for (const { facts, start, followUp } of pairs) {
    const substance = mainSubstance(facts.episode);
    if (substance === null) continue;
    const line = topSubstanceFor(substance);
    const daysAtStart = start.substanceUse[line].days;
    const daysAtFollowUp = followUp.substanceUse[line].days;
    if (!isNumber(daysAtStart) || daysAtStart === 0 || !isNumber(daysAtFollowUp)) continue;
    usingAtStart += 1;
    if (daysAtFollowUp === 0) abstinent += 1;
  }
  const scoreChanges = K12_SCORES.map((score) => {
    const changes: number[] = [];
    for (const { start, followUp } of pairs) {
      const before = score.read(start);
      const after = score.read(followUp);
      if (isNumber(before) && isNumber(after)) changes.push(after - before);
    }
    return { key: score.key, label: score.label, count: changes.length, meanChange: meanOf(changes) };
  });
  return { ...kpiRatio(abstinent, usingAtStart), pairs: pairs.length, scoreChanges };
}

function isNumber(value: TopCount): value is number {
  return typeof value === "number";
}
