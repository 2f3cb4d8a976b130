import {
  HARM_REDUCTION_MEASURES,
  kpiRatio,
  NOT_RECORDED_GROUP,
  type HarmReductionKpi,
  type KpiBreakdown,
  type NumbersInTreatmentKpi,
  type RepresentationsKpi,
  type SuccessfulCompletionsKpi,
} from "@waymark/core";
import { addToTally, countsOf, ratioWithGroups, type GroupNames } from "./breakdownGroups.js";
import type { TreatmentCell, TreatmentPopulation } from "./treatmentPopulation.js";

/** Sums a figure of the cells per value of one of their columns. */
function sumBy(cells: readonly TreatmentCell[], keyOf: (cell: TreatmentCell) => string, figure: (cell: TreatmentCell) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const cell of cells) sums.set(keyOf(cell), (sums.get(keyOf(cell)) ?? 0) + figure(cell));
  return sums;
}

/** A ratio per group key: numerator and denominator summed from the cells. */
export function tallyBy(
  cells: readonly TreatmentCell[],
  keyOf: (cell: TreatmentCell) => string,
  numerator: (cell: TreatmentCell) => number,
  denominator: (cell: TreatmentCell) => number,
): Map<string, { numerator: number; denominator: number }> {
  const tally = new Map<string, { numerator: number; denominator: number }>();
  for (const cell of cells) addToTally(tally, keyOf(cell), numerator(cell), denominator(cell));
  return tally;
}

const cohortKey = (cell: TreatmentCell): string => cell.cohort ?? NOT_RECORDED_GROUP.key;
const inTreatment = (cell: TreatmentCell): number => cell.inTreatment;

/** K-1 from the treatment cells: the count, distinct people, the four fixed splits and the breakdown. */
export function numbersInTreatmentFrom(population: TreatmentPopulation, breakdown: KpiBreakdown | null, names: GroupNames): NumbersInTreatmentKpi {
  const { cells } = population;
  return {
    id: "K-1",
    count: cells.reduce((sum, cell) => sum + cell.inTreatment, 0),
    people: population.people,
    byCohort: countsOf(sumBy(cells, cohortKey, inTreatment), "COHORT", names),
    byAgeBand: countsOf(sumBy(cells, (cell) => cell.ageBand, inTreatment), "AGE_BAND", names),
    bySex: countsOf(sumBy(cells, (cell) => cell.sex, inTreatment), "SEX", names),
    byEthnicity: countsOf(sumBy(cells, (cell) => cell.ethnicity, inTreatment), "ETHNICITY", names),
    groups: breakdown === null ? [] : countsOf(sumBy(cells, (cell) => cell.groupKey, inTreatment), breakdown, names),
  };
}

/** K-5: sustained successful completions (not re-presented) over the episodes in treatment, and by cohort. */
export function successfulCompletionsFrom(population: TreatmentPopulation, breakdown: KpiBreakdown | null, names: GroupNames): SuccessfulCompletionsKpi {
  const sustained = (cell: TreatmentCell): number => cell.completed - cell.represented;
  const overall = ratioWithGroups(tallyBy(population.cells, (cell) => cell.groupKey, sustained, inTreatment), breakdown, names);
  return {
    id: "K-5",
    target: null,
    ...overall,
    byCohort: ratioWithGroups(tallyBy(population.cells, cohortKey, sustained, inTreatment), "COHORT", names).groups,
  };
}

/** K-6: re-presented completions over the successful completions, and how many windows are still open. */
export function representationsFrom(population: TreatmentPopulation, breakdown: KpiBreakdown | null, names: GroupNames): RepresentationsKpi {
  return {
    id: "K-6",
    target: null,
    ...ratioWithGroups(
      tallyBy(population.cells, (cell) => cell.groupKey, (cell) => cell.represented, (cell) => cell.completed),
      breakdown,
      names,
    ),
    windowStillOpen: population.cells.reduce((sum, cell) => sum + cell.windowStillOpen, 0),
  };
}

/** K-14: each measure over the episodes in treatment. */
export function harmReductionFrom(population: TreatmentPopulation, breakdown: KpiBreakdown | null, names: GroupNames): HarmReductionKpi {
  const denominator = population.cells.reduce((sum, cell) => sum + cell.inTreatment, 0);
  return {
    id: "K-14",
    denominator,
    measures: HARM_REDUCTION_MEASURES.map((measure) => {
      const tally = tallyBy(population.cells, (cell) => cell.groupKey, (cell) => cell.harmReduction[measure.key], inTreatment);
      const { groups } = ratioWithGroups(tally, breakdown, names);
      const numerator = population.cells.reduce((sum, cell) => sum + cell.harmReduction[measure.key], 0);
      return { key: measure.key, label: measure.label, ...kpiRatio(numerator, denominator), groups };
    }),
  };
}
