import type { KpiAbout, KpiCount, KpiGroup, KpiRatio, KpiReport, KpiTarget } from "./kpisQuery.js";

/** How a chart's numbers read: whole counts, shares drawn as percentages, or plain numbers such as a mean. */
export type ChartKind = "COUNT" | "SHARE" | "NUMBER";

/** One bar of a chart and one row of the table beside it. */
export interface ChartRow {
  readonly key: string;
  readonly label: string;
  /** The bar's length (a percentage for shares); null when the figure is hidden or there is nothing to draw. */
  readonly value: number | null;
  /** The figure exactly as the API gives it ("82.5%", "<5", "N/A"). */
  readonly shown: string;
  /** Further columns of the table, in the order of the chart's `moreHeadings`. */
  readonly more: readonly string[];
}

/** A chart and its table: the same numbers, one drawn, one written. */
export interface IndicatorChart {
  readonly key: string;
  readonly title: string;
  readonly kind: ChartKind;
  readonly groupHeading: string;
  readonly figureHeading: string;
  readonly moreHeadings: readonly string[];
  readonly rows: readonly ChartRow[];
}

/** Whether the indicator meets its target, in words. */
export type TargetVerdict = "MET" | "NOT_MET" | "NOT_KNOWN";

/** Everything the dashboard shows about one indicator. */
export interface IndicatorPanel {
  readonly about: KpiAbout;
  /** The main figure, as the API prints it. */
  readonly headline: string;
  /** What the main figure is, in words ("12 of 40 reviews due were done on time" style). */
  readonly headlineWords: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly target: { readonly text: string; readonly verdict: TargetVerdict } | null;
  readonly charts: readonly IndicatorChart[];
}

const countRow = (count: KpiCount): ChartRow => ({ key: count.key, label: count.label, value: count.count, shown: count.countShown, more: [] });

const shareRow = (group: KpiGroup, more: readonly string[] = []): ChartRow => ({
  key: group.key,
  label: group.label,
  value: group.value === null ? null : Math.round(group.value * 1000) / 10,
  shown: group.valueShown,
  more: [group.numeratorShown, group.denominatorShown, ...more],
});

function countChart(key: string, title: string, groupHeading: string, figureHeading: string, counts: readonly KpiCount[]): IndicatorChart {
  return { key, title, kind: "COUNT", groupHeading, figureHeading, moreHeadings: [], rows: counts.map(countRow) };
}

function shareChart(key: string, title: string, groupHeading: string, groups: readonly KpiGroup[]): IndicatorChart {
  return { key, title, kind: "SHARE", groupHeading, figureHeading: "Share", moreHeadings: ["Counted", "Out of"], rows: groups.map((group) => shareRow(group)) };
}

/**
 * Met or not met. Every FRACTION target in DOMAIN §7 is a floor (at least 80% of reviews on time, at least
 * half of prescribing in primary care); a DAYS target is a ceiling on the median wait. A hidden or empty
 * figure cannot be judged either way, and says so rather than passing or failing.
 */
export function targetVerdict(target: KpiTarget, value: number | null, medianWaitDays: number | null = null): TargetVerdict {
  if (target.unit === "DAYS") return medianWaitDays === null ? "NOT_KNOWN" : medianWaitDays <= target.value ? "MET" : "NOT_MET";
  return value === null ? "NOT_KNOWN" : value >= target.value ? "MET" : "NOT_MET";
}

/** "12 of 40", or a plain sentence when no one was counted, so an empty period reads as nothing due rather than 0%. */
export function ratioWords(ratio: KpiRatio): string {
  if (ratio.denominator === 0) return "No one was counted in this period, so there is no percentage";
  return `${ratio.numeratorShown} of ${ratio.denominatorShown}`;
}

/** A median wait in words: no one waited when nothing was counted, and a median of hidden waits is itself hidden. */
export function medianWaitWords(medianWaitDays: number | null, denominator: number | null): string {
  if (medianWaitDays !== null) return `${medianWaitDays.toLocaleString("en-GB", { maximumFractionDigits: 1 })} days`;
  return denominator === 0 ? "No one waited in this period" : "SUPPRESSED";
}

/**
 * K-11's mean. With no keyworkers there is no mean; with keyworkers but no mean, the API hid it because the
 * open and unallocated counts together would reveal a count under five.
 */
export function caseloadHeadline(k11: Pick<KpiReport["caseloadSize"], "meanCaseload" | "keyworkers">): string {
  if (k11.meanCaseload !== null) return k11.meanCaseload.toLocaleString("en-GB", { maximumFractionDigits: 1 });
  return k11.keyworkers === 0 ? "N/A" : "SUPPRESSED";
}

/**
 * Turns the API's report into the dashboard's panels, in K-1..K-14 order. `breakdownLabel` names the chosen
 * breakdown ("Team", "Age band"); with none, the breakdown charts are left out.
 */
export function indicatorPanels(report: KpiReport, breakdownLabel: string | null): IndicatorPanel[] {
  const by = (groups: readonly KpiGroup[], key: string) => (breakdownLabel && report.breakdown ? [shareChart(`${key}-breakdown`, `By ${breakdownLabel.toLowerCase()}`, breakdownLabel, groups)] : []);
  const ratioPanel = (about: KpiAbout & KpiRatio, charts: IndicatorChart[], facts: IndicatorPanel["facts"] = [], wordsAfter = ""): IndicatorPanel => ({
    about,
    headline: about.valueShown,
    headlineWords: about.denominator === 0 ? ratioWords(about) : `${ratioWords(about)}${wordsAfter}`,
    facts,
    target: about.target ? { text: about.target.text, verdict: targetVerdict(about.target, about.value) } : null,
    charts,
  });
  const {
    numbersInTreatment: k1,
    waitingTime: k2,
    reviewsOnTime: k3,
    topCompliance: k4,
    successfulCompletions: k5,
    representations: k6,
    exits: k7,
    longTermOst: k8,
    sharedCare: k9,
    didNotAttend: k10,
    caseloadSize: k11,
    outcomes: k12,
    roscCoverage: k13,
    harmReduction: k14,
  } = report;
  const breakdownOn = Boolean(breakdownLabel && report.breakdown);
  return [
    {
      about: k1,
      headline: k1.countShown,
      headlineWords: `episodes in treatment, for ${k1.peopleShown} ${k1.people === 1 ? "person" : "people"}`,
      facts: [{ label: "People in treatment", value: k1.peopleShown }],
      target: null,
      charts: [
        countChart("k1-cohort", "By cohort", "Cohort", "Episodes", k1.byCohort),
        ...(breakdownOn ? [countChart("k1-breakdown", `By ${breakdownLabel?.toLowerCase() ?? ""}`, breakdownLabel ?? "", "Episodes", k1.groups)] : []),
      ],
    },
    {
      ...ratioPanel(
        k2,
        breakdownOn
          ? [
              {
                ...shareChart("k2-breakdown", `By ${breakdownLabel?.toLowerCase() ?? ""}`, breakdownLabel ?? "", k2.groups),
                moreHeadings: ["Counted", "Out of", "Median wait"],
                rows: k2.groups.map((group) => shareRow(group, [medianWaitWords(group.medianWaitDays, group.denominator)])),
              },
            ]
          : [],
        [{ label: "Median wait", value: medianWaitWords(k2.medianWaitDays, k2.denominator) }],
      ),
      target: k2.target ? { text: k2.target.text, verdict: targetVerdict(k2.target, k2.value, k2.medianWaitDays) } : null,
    },
    ratioPanel(k3, [countChart("k3-status", "Reviews due, by what happened", "What happened", "Reviews", k3.byStatus), ...by(k3.groups, "k3")]),
    ratioPanel(k4, [shareChart("k4-stage", "By stage", "Stage", k4.byStage), ...by(k4.groups, "k4")]),
    ratioPanel(k5, [shareChart("k5-cohort", "By cohort", "Cohort", k5.byCohort), ...by(k5.groups, "k5")]),
    ratioPanel(k6, by(k6.groups, "k6"), [{ label: "Discharges whose six months are not yet over", value: k6.windowStillOpenShown }]),
    ratioPanel(
      k7,
      [countChart("k7-category", "Exits by kind", "Kind of exit", "Exits", k7.byCategory), countChart("k7-reason", "Exits by reason", "Reason", "Exits", k7.byReason), ...by(k7.groups, "k7")],
      [],
      // The headline share is of planned exits, which the bare "21 of 38" would not say.
      " exits were planned",
    ),
    ratioPanel(k8, by(k8.groups, "k8"), [{ label: k8.atLeastSixYears.label, value: `${k8.atLeastSixYears.valueShown} (${ratioWords(k8.atLeastSixYears)})` }]),
    ratioPanel(k9, by(k9.groups, "k9")),
    ratioPanel(k10, by(k10.groups, "k10")),
    {
      about: k11,
      headline: caseloadHeadline(k11),
      headlineWords: `open episodes per keyworker on average: ${k11.openEpisodesShown} open episodes, ${k11.keyworkers} ${k11.keyworkers === 1 ? "keyworker" : "keyworkers"}`,
      facts: [{ label: "Open episodes with no keyworker", value: k11.unallocatedShown }],
      target: null,
      charts: [
        {
          key: "k11-keyworker",
          title: "Open episodes by keyworker",
          kind: "COUNT",
          groupHeading: "Keyworker",
          figureHeading: "Open episodes",
          moreHeadings: [],
          rows: k11.caseloads.map((caseload) => ({ key: caseload.keyworkerId, label: caseload.label, value: caseload.openEpisodes, shown: caseload.openEpisodesShown, more: [] })),
        },
        ...(breakdownOn
          ? [
              {
                key: "k11-breakdown",
                title: `Mean caseload by ${breakdownLabel?.toLowerCase() ?? ""}`,
                kind: "NUMBER" as const,
                groupHeading: breakdownLabel ?? "",
                figureHeading: "Mean caseload",
                moreHeadings: ["Open episodes", "Keyworkers"],
                rows: k11.groups.map((group) => ({ key: group.key, label: group.label, value: group.value, shown: group.valueShown, more: [group.numeratorShown, group.denominatorShown] })),
              },
            ]
          : []),
      ],
    },
    ratioPanel(
      k12,
      [
        {
          key: "k12-scores",
          title: "Mean change in scores, first to latest",
          kind: "NUMBER",
          groupHeading: "Score",
          figureHeading: "Mean change",
          moreHeadings: ["People"],
          rows: k12.scoreChanges.map((change) => ({
            key: change.key,
            label: change.label,
            value: change.meanChange,
            shown: change.meanChange === null ? "N/A" : change.meanChange.toLocaleString("en-GB", { maximumFractionDigits: 1, signDisplay: "exceptZero" }),
            more: [change.countShown],
          })),
        },
        ...by(k12.groups, "k12"),
      ],
      [{ label: "People with a first and a latest outcome record", value: k12.pairsShown }],
    ),
    ratioPanel(k13, [shareChart("k13-item", "By item", "Item", k13.byItem), ...by(k13.groups, "k13")]),
    {
      about: k14,
      headline: k14.denominatorShown,
      headlineWords: "people in treatment, the base of every measure below",
      facts: k14.measures.map((measure) => ({ label: measure.label, value: `${measure.valueShown} (${ratioWords(measure)})` })),
      target: null,
      charts: [
        shareChart("k14-measures", "By measure", "Measure", k14.measures),
        ...(breakdownOn ? k14.measures.map((measure) => shareChart(`k14-${measure.key}-breakdown`, `${measure.label}, by ${breakdownLabel?.toLowerCase() ?? ""}`, breakdownLabel ?? "", measure.groups)) : []),
      ],
    },
  ];
}
