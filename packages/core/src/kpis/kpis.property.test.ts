import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AgeBand, Ethnicity, Sex } from "../codes/demographics.js";
import type { Cohort } from "../codes/substance.js";
import { inForce } from "../records/common.js";
import { NOT_ALLOCATED_KEY } from "./breakdown.js";
import { computeKpis, type KpiReport } from "./computeKpis.js";
import { numbersInTreatmentKpi } from "./k01NumbersInTreatment.js";
import { waitingTimeKpi } from "./k02WaitingTime.js";
import { reviewsOnTimeKpi } from "./k03ReviewsOnTime.js";
import { topComplianceKpi } from "./k04TopCompliance.js";
import { successfulCompletionsKpi } from "./k05SuccessfulCompletions.js";
import { representationsKpi } from "./k06Representations.js";
import { exitsKpi } from "./k07Exits.js";
import { longTermOstKpi } from "./k08LongTermOst.js";
import { sharedCareKpi } from "./k09SharedCare.js";
import { didNotAttendKpi } from "./k10DidNotAttend.js";
import { caseloadSizeKpi } from "./k11CaseloadSize.js";
import { outcomesKpi } from "./k12Outcomes.js";
import { roscCoverageKpi } from "./k13RoscCoverage.js";
import { harmReductionKpi } from "./k14HarmReduction.js";
import { kpiRunArb } from "./testArbitraries.js";
import { NOT_RECORDED_GROUP, type KpiBreakdown, type KpiFilter, type KpiGroup, type KpiRatio, type ProviderData } from "./types.js";

const RUNS = { numRuns: 150 };

interface RatioFigure {
  readonly name: string;
  readonly overall: KpiRatio;
  readonly groups: readonly KpiGroup[];
}

/** Every proportion the report holds, with its breakdown groups. */
function proportions(report: KpiReport): RatioFigure[] {
  const { indicators } = report;
  const single = [
    indicators["K-2"],
    indicators["K-3"],
    indicators["K-4"],
    indicators["K-5"],
    indicators["K-6"],
    indicators["K-7"],
    indicators["K-8"],
    indicators["K-9"],
    indicators["K-10"],
    indicators["K-12"],
    indicators["K-13"],
  ].map((result) => ({ name: result.id, overall: result, groups: result.groups }));
  const harm = indicators["K-14"].measures.map((measure) => ({ name: `K-14 ${measure.key}`, overall: measure, groups: measure.groups }));
  return [...single, ...harm];
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

function expectProportion(ratio: KpiRatio): void {
  expect(ratio.numerator).toBeGreaterThanOrEqual(0);
  expect(ratio.numerator).toBeLessThanOrEqual(ratio.denominator);
  if (ratio.denominator === 0) expect(ratio.value).toBeNull();
  else expect(ratio.value).toBe(ratio.numerator / ratio.denominator);
}

/** The filter that keeps exactly one group of a breakdown. */
function filterFor(dimension: KpiBreakdown, key: string): KpiFilter {
  const notRecorded = key === NOT_RECORDED_GROUP.key;
  switch (dimension) {
    case "TEAM":
      return { teamIds: [key] };
    case "KEYWORKER":
      return { keyworkerIds: [key === NOT_ALLOCATED_KEY ? null : key] };
    case "COHORT":
      return { cohorts: [notRecorded ? null : (key as Cohort)] };
    case "AGE_BAND":
      return { ageBands: [key as AgeBand] };
    case "SEX":
      return { sexes: [key as Sex] };
    case "ETHNICITY":
      return { ethnicities: [key as Ethnicity] };
    case "POSTCODE_DISTRICT":
      return { postcodeDistricts: [notRecorded ? null : key] };
  }
}

function withoutEnteredInError(data: ProviderData): ProviderData {
  return {
    ...data,
    serviceUsers: inForce(data.serviceUsers),
    episodes: inForce(data.episodes),
    assessments: inForce(data.assessments),
    plans: inForce(data.plans),
    reviews: inForce(data.reviews),
    interventions: inForce(data.interventions),
    outcomes: inForce(data.outcomes),
    contacts: inForce(data.contacts),
    harmReduction: inForce(data.harmReduction),
  };
}

describe("indicator properties over generated caseloads", () => {
  it("K-2..K-14: breakdown groups add up to the overall numerator and denominator, whatever the dimension", () => {
    fc.assert(
      fc.property(kpiRunArb, ({ data, period, options }) => {
        const report = computeKpis(data, period, options);
        for (const figure of proportions(report)) {
          expect(sum(figure.groups.map((group) => group.numerator)), figure.name).toBe(figure.overall.numerator);
          expect(sum(figure.groups.map((group) => group.denominator)), figure.name).toBe(figure.overall.denominator);
        }
        const ost = report.indicators["K-8"];
        expect(sum(ost.groups.map((group) => group.atLeastSixYears))).toBe(ost.atLeastSixYears.numerator);
        const caseload = report.indicators["K-11"];
        const allocated = caseload.openEpisodes - caseload.unallocated;
        expect(sum(caseload.groups.map((group) => group.numerator))).toBe(allocated);
        expect(sum(caseload.caseloads.map((keyworker) => keyworker.openEpisodes))).toBe(allocated);
        expect(sum(report.indicators["K-12"].groups.map((group) => group.pairs))).toBe(report.indicators["K-12"].pairs);
      }),
      RUNS,
    );
  });

  it("K-2..K-14: every proportion lies between 0 and 1 and is null exactly when nothing was counted", () => {
    fc.assert(
      fc.property(kpiRunArb, ({ data, period, options }) => {
        const report = computeKpis(data, period, options);
        for (const figure of proportions(report)) {
          expectProportion(figure.overall);
          figure.groups.forEach(expectProportion);
        }
        report.indicators["K-4"].byStage.forEach(expectProportion);
        report.indicators["K-5"].byCohort.forEach(expectProportion);
        report.indicators["K-13"].byItem.forEach(expectProportion);
        expectProportion(report.indicators["K-8"].atLeastSixYears);
        expect(report.indicators["K-8"].atLeastSixYears.numerator).toBeLessThanOrEqual(report.indicators["K-8"].numerator);
      }),
      RUNS,
    );
  });

  it("K-1, K-3, K-4, K-7: every split adds up to its total", () => {
    fc.assert(
      fc.property(kpiRunArb, ({ data, period, options }) => {
        const { indicators } = computeKpis(data, period, options);
        const k1 = indicators["K-1"];
        for (const split of [k1.byCohort, k1.byAgeBand, k1.bySex, k1.byEthnicity, k1.groups]) {
          expect(sum(split.map((group) => group.count))).toBe(k1.count);
        }
        expect(k1.people).toBeLessThanOrEqual(k1.count);
        expect(sum(indicators["K-3"].byStatus.map((status) => status.count))).toBe(indicators["K-3"].denominator);
        expect(sum(indicators["K-4"].byStage.map((stage) => stage.denominator))).toBe(indicators["K-4"].denominator);
        expect(sum(indicators["K-7"].byReason.map((reason) => reason.count))).toBe(indicators["K-7"].denominator);
        expect(sum(indicators["K-7"].byCategory.map((category) => category.count))).toBe(indicators["K-7"].denominator);
      }),
      RUNS,
    );
  });

  it("K-1, K-5, K-6, K-13, K-14: share one population, and each completion is either sustained or re-presented", () => {
    fc.assert(
      fc.property(kpiRunArb, ({ data, period, options }) => {
        const { indicators } = computeKpis(data, period, options);
        const inTreatment = indicators["K-1"].count;
        expect(indicators["K-5"].denominator).toBe(inTreatment);
        expect(indicators["K-13"].denominator).toBe(inTreatment);
        expect(indicators["K-14"].denominator).toBe(inTreatment);
        expect(indicators["K-5"].numerator + indicators["K-6"].numerator).toBe(indicators["K-6"].denominator);
        expect(indicators["K-6"].windowStillOpen).toBeLessThanOrEqual(indicators["K-5"].numerator);
      }),
      RUNS,
    );
  });

  it("K-1..K-14: filtering to one group of a breakdown gives that group's figures", () => {
    fc.assert(
      fc.property(kpiRunArb, ({ data, period, options }) => {
        const dimension = options.breakdown as KpiBreakdown;
        const report = computeKpis(data, period, options);
        const figures = proportions(report);
        for (const group of report.indicators["K-1"].groups) {
          const filtered = computeKpis(data, period, { asOf: report.asOf, filter: filterFor(dimension, group.key) });
          expect(filtered.indicators["K-1"].count).toBe(group.count);
          proportions(filtered).forEach((figure, index) => {
            const sameGroup = figures[index]?.groups.find((candidate) => candidate.key === group.key);
            expect([figure.overall.numerator, figure.overall.denominator], figure.name).toEqual([sameGroup?.numerator ?? 0, sameGroup?.denominator ?? 0]);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it("K-1..K-14: a record entered in error counts exactly as if it were not there", () => {
    fc.assert(
      fc.property(kpiRunArb, ({ data, period, options }) => {
        expect(computeKpis(data, period, options)).toEqual(computeKpis(withoutEnteredInError(data), period, options));
      }),
      RUNS,
    );
  });

  it("K-1..K-14: computeKpis gives what each indicator gives on its own", () => {
    fc.assert(
      fc.property(kpiRunArb, ({ data, period, options }) => {
        const { indicators } = computeKpis(data, period, options);
        expect(indicators["K-1"]).toEqual(numbersInTreatmentKpi(data, period, options));
        expect(indicators["K-2"]).toEqual(waitingTimeKpi(data, period, options));
        expect(indicators["K-3"]).toEqual(reviewsOnTimeKpi(data, period, options));
        expect(indicators["K-4"]).toEqual(topComplianceKpi(data, period, options));
        expect(indicators["K-5"]).toEqual(successfulCompletionsKpi(data, period, options));
        expect(indicators["K-6"]).toEqual(representationsKpi(data, period, options));
        expect(indicators["K-7"]).toEqual(exitsKpi(data, period, options));
        expect(indicators["K-8"]).toEqual(longTermOstKpi(data, period, options));
        expect(indicators["K-9"]).toEqual(sharedCareKpi(data, period, options));
        expect(indicators["K-10"]).toEqual(didNotAttendKpi(data, period, options));
        expect(indicators["K-11"]).toEqual(caseloadSizeKpi(data, period, options));
        expect(indicators["K-12"]).toEqual(outcomesKpi(data, period, options));
        expect(indicators["K-13"]).toEqual(roscCoverageKpi(data, period, options));
        expect(indicators["K-14"]).toEqual(harmReductionKpi(data, period, options));
      }),
      { numRuns: 40 },
    );
  });
});
