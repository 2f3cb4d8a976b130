import {
  kpiDefinitionOf,
  NOT_ALLOCATED_KEY,
  NOT_RECORDED_GROUP,
  type KpiCount as CoreKpiCount,
  type KpiGroup as CoreKpiGroup,
  type KpiId,
  type KpiReport as CoreKpiReport,
} from "@waymark/core";
import { toGlobalId } from "../graphql/globalId.js";
import {
  CaseloadGroup,
  CaseloadSizeKpi,
  DidNotAttendKpi,
  ExitsKpi,
  HarmReductionKpi,
  HarmReductionMeasure,
  KeyworkerCaseload,
  KpiCount,
  KpiGroup,
  KpiReport,
  KpiShare,
  KpiTarget,
  LongTermOstGroup,
  LongTermOstKpi,
  NumbersInTreatmentKpi,
  OutcomesGroup,
  OutcomesKpi,
  RepresentationsKpi,
  ReviewsOnTimeKpi,
  RoscCoverageKpi,
  SharedCareKpi,
  SuccessfulCompletionsKpi,
  TopComplianceKpi,
  WaitingTimeGroup,
  WaitingTimeKpi,
  type KpiScoreChange,
} from "../graphql/types/kpis.js";
import { shownCount, shownMean, shownRatio } from "./shownFigures.js";

/** Who the figures are shown to: analysts get small counts hidden; `teamIds` are the teams a team lead is limited to. */
export interface KpiAudience {
  readonly suppress: boolean;
  readonly teamIds: readonly string[] | null;
}

/**
 * Turns core's report (stored IDs, exact figures) into the schema's: Team and StaffMember keys become global
 * IDs so they can be fed back into the filter, and every figure goes through the audience's suppression.
 */
export function kpiReportView(report: CoreKpiReport, audience: KpiAudience): KpiReport {
  const { suppress } = audience;
  const i = report.indicators;
  const keyOf = (key: string): string => {
    if (key === NOT_ALLOCATED_KEY || key === NOT_RECORDED_GROUP.key) return key;
    if (report.breakdown === "TEAM") return toGlobalId("Team", key);
    if (report.breakdown === "KEYWORKER") return toGlobalId("StaffMember", key);
    return key;
  };
  const count = (entry: CoreKpiCount, groupKey: (key: string) => string = (key) => key): KpiCount => {
    const shown = shownCount(entry.count, suppress);
    return Object.assign(new KpiCount(), { key: groupKey(entry.key), label: entry.label, count: shown.count, countShown: shown.shown });
  };
  const group = <G extends KpiGroup>(target: G, entry: CoreKpiGroup, groupKey: (key: string) => string = keyOf): G =>
    Object.assign(target, { key: groupKey(entry.key), label: entry.label, ...shownRatio(entry, suppress) });
  const plainKey = (key: string): string => key;
  const groups = (entries: readonly CoreKpiGroup[]): KpiGroup[] => entries.map((entry) => group(new KpiGroup(), entry));

  const k8 = i["K-8"];
  const k11 = i["K-11"];
  const k12 = i["K-12"];
  const hiddenWhenCountHidden = (figure: number | null, countShown: number | null): number | null => (countShown === null ? null : figure);

  return Object.assign(new KpiReport(), {
    period: { from: report.period.from, to: report.period.to },
    asOf: report.asOf,
    breakdown: report.breakdown,
    suppressed: suppress,
    teamIds: audience.teamIds === null ? null : audience.teamIds.map((id) => toGlobalId("Team", id)),
    numbersInTreatment: Object.assign(new NumbersInTreatmentKpi(), {
      ...definitionFields("K-1"),
      count: shownCount(i["K-1"].count, suppress).count,
      countShown: shownCount(i["K-1"].count, suppress).shown,
      people: shownCount(i["K-1"].people, suppress).count,
      peopleShown: shownCount(i["K-1"].people, suppress).shown,
      byCohort: i["K-1"].byCohort.map((entry) => count(entry)),
      byAgeBand: i["K-1"].byAgeBand.map((entry) => count(entry)),
      bySex: i["K-1"].bySex.map((entry) => count(entry)),
      byEthnicity: i["K-1"].byEthnicity.map((entry) => count(entry)),
      groups: i["K-1"].groups.map((entry) => count(entry, keyOf)),
    }),
    waitingTime: Object.assign(new WaitingTimeKpi(), {
      ...definitionFields("K-2"),
      ...shownRatio(i["K-2"], suppress),
      medianWaitDays: hiddenWhenCountHidden(i["K-2"].medianWaitDays, shownRatio(i["K-2"], suppress).denominator),
      groups: i["K-2"].groups.map((entry) =>
        Object.assign(group(new WaitingTimeGroup(), entry), {
          medianWaitDays: hiddenWhenCountHidden(entry.medianWaitDays, shownRatio(entry, suppress).denominator),
        }),
      ),
    }),
    reviewsOnTime: Object.assign(new ReviewsOnTimeKpi(), {
      ...definitionFields("K-3"),
      ...shownRatio(i["K-3"], suppress),
      byStatus: i["K-3"].byStatus.map((entry) => count(entry)),
      groups: groups(i["K-3"].groups),
    }),
    topCompliance: Object.assign(new TopComplianceKpi(), {
      ...definitionFields("K-4"),
      ...shownRatio(i["K-4"], suppress),
      byStage: i["K-4"].byStage.map((entry) => group(new KpiGroup(), entry, plainKey)),
      groups: groups(i["K-4"].groups),
    }),
    successfulCompletions: Object.assign(new SuccessfulCompletionsKpi(), {
      ...definitionFields("K-5"),
      ...shownRatio(i["K-5"], suppress),
      byCohort: i["K-5"].byCohort.map((entry) => group(new KpiGroup(), entry, plainKey)),
      groups: groups(i["K-5"].groups),
    }),
    representations: Object.assign(new RepresentationsKpi(), {
      ...definitionFields("K-6"),
      ...shownRatio(i["K-6"], suppress),
      windowStillOpen: shownCount(i["K-6"].windowStillOpen, suppress).count,
      windowStillOpenShown: shownCount(i["K-6"].windowStillOpen, suppress).shown,
      groups: groups(i["K-6"].groups),
    }),
    exits: Object.assign(new ExitsKpi(), {
      ...definitionFields("K-7"),
      ...shownRatio(i["K-7"], suppress),
      byReason: i["K-7"].byReason.map((entry) => count(entry)),
      byCategory: i["K-7"].byCategory.map((entry) => count(entry)),
      groups: groups(i["K-7"].groups),
    }),
    longTermOst: Object.assign(new LongTermOstKpi(), {
      ...definitionFields("K-8"),
      ...shownRatio(k8, suppress),
      asOf: k8.asOf,
      atLeastSixYears: Object.assign(new KpiShare(), { label: "On opioid substitution for 6 years or more", ...shownRatio(k8.atLeastSixYears, suppress) }),
      groups: k8.groups.map((entry) => {
        const sixYears = shownRatio({ ...entry, numerator: entry.atLeastSixYears, value: null }, suppress);
        return Object.assign(group(new LongTermOstGroup(), entry), {
          atLeastSixYears: sixYears.numerator,
          atLeastSixYearsShown: sixYears.numeratorShown,
        });
      }),
    }),
    sharedCare: Object.assign(new SharedCareKpi(), { ...definitionFields("K-9"), ...shownRatio(i["K-9"], suppress), groups: groups(i["K-9"].groups) }),
    didNotAttend: Object.assign(new DidNotAttendKpi(), { ...definitionFields("K-10"), ...shownRatio(i["K-10"], suppress), groups: groups(i["K-10"].groups) }),
    caseloadSize: Object.assign(new CaseloadSizeKpi(), {
      ...definitionFields("K-11"),
      asOf: k11.asOf,
      openEpisodes: shownCount(k11.openEpisodes, suppress).count,
      openEpisodesShown: shownCount(k11.openEpisodes, suppress).shown,
      unallocated: shownCount(k11.unallocated, suppress).count,
      unallocatedShown: shownCount(k11.unallocated, suppress).shown,
      keyworkers: k11.keyworkers,
      meanCaseload: shownMean({ numerator: k11.openEpisodes - k11.unallocated, denominator: k11.keyworkers, value: k11.meanCaseload }, suppress).value,
      caseloads: k11.caseloads.map((caseload) => {
        const shown = shownCount(caseload.openEpisodes, suppress);
        return Object.assign(new KeyworkerCaseload(), {
          keyworkerId: toGlobalId("StaffMember", caseload.keyworkerId),
          label: caseload.label,
          openEpisodes: shown.count,
          openEpisodesShown: shown.shown,
        });
      }),
      groups: k11.groups.map((entry) => Object.assign(new CaseloadGroup(), { key: keyOf(entry.key), label: entry.label, ...shownMean(entry, suppress) })),
    }),
    outcomes: Object.assign(new OutcomesKpi(), {
      ...definitionFields("K-12"),
      ...shownRatio(k12, suppress),
      pairs: shownCount(k12.pairs, suppress).count,
      pairsShown: shownCount(k12.pairs, suppress).shown,
      scoreChanges: k12.scoreChanges.map((change) => scoreChangeView(change, suppress)),
      groups: k12.groups.map((entry) =>
        Object.assign(group(new OutcomesGroup(), entry), {
          pairs: shownCount(entry.pairs, suppress).count,
          pairsShown: shownCount(entry.pairs, suppress).shown,
          scoreChanges: entry.scoreChanges.map((change) => scoreChangeView(change, suppress)),
        }),
      ),
    }),
    roscCoverage: Object.assign(new RoscCoverageKpi(), {
      ...definitionFields("K-13"),
      ...shownRatio(i["K-13"], suppress),
      byItem: i["K-13"].byItem.map((entry) => group(new KpiGroup(), entry, plainKey)),
      groups: groups(i["K-13"].groups),
    }),
    harmReduction: Object.assign(new HarmReductionKpi(), {
      ...definitionFields("K-14"),
      denominator: shownCount(i["K-14"].denominator, suppress).count,
      denominatorShown: shownCount(i["K-14"].denominator, suppress).shown,
      measures: i["K-14"].measures.map((measure) =>
        Object.assign(new HarmReductionMeasure(), {
          key: measure.key,
          label: measure.label,
          ...shownRatio(measure, suppress),
          groups: groups(measure.groups),
        }),
      ),
    }),
  });
}

function definitionFields(id: KpiId) {
  const definition = kpiDefinitionOf(id);
  return {
    id,
    title: definition.title,
    definition: definition.definition,
    numeratorDefinition: definition.numerator,
    denominatorDefinition: definition.denominator,
    target: definition.target === null ? null : Object.assign(new KpiTarget(), definition.target),
  };
}

function scoreChangeView(
  change: { readonly key: string; readonly label: string; readonly count: number; readonly meanChange: number | null },
  suppress: boolean,
): KpiScoreChange {
  const shown = shownCount(change.count, suppress);
  return { key: change.key, label: change.label, count: shown.count, countShown: shown.shown, meanChange: shown.count === null ? null : change.meanChange };
}
