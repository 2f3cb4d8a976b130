import { gql } from "urql";
import type { Breakdown } from "./indicatorView.js";

/** A target DOMAIN §7 sets for an indicator: a fraction from 0 to 1, or a number of days. */
export interface KpiTarget {
  readonly value: number;
  readonly unit: "FRACTION" | "DAYS";
  readonly text: string;
}

/** A count as the viewer may see it: `count` is null when hidden, `countShown` is the number, "<5" or "SUPPRESSED". */
export interface KpiCount {
  readonly key: string;
  readonly label: string;
  readonly count: number | null;
  readonly countShown: string;
}

/** A numerator over a denominator as the viewer may see it; the `…Shown` texts are what to print. */
export interface KpiRatio {
  readonly numerator: number | null;
  readonly numeratorShown: string;
  readonly denominator: number | null;
  readonly denominatorShown: string;
  readonly value: number | null;
  readonly valueShown: string;
}

export interface KpiGroup extends KpiRatio {
  readonly key: string;
  readonly label: string;
}

/** What every indicator says about itself. */
export interface KpiAbout {
  readonly id: string;
  readonly title: string;
  readonly definition: string;
  readonly numeratorDefinition: string;
  readonly denominatorDefinition: string | null;
  readonly target: KpiTarget | null;
}

export interface KpiScoreChange {
  readonly key: string;
  readonly label: string;
  readonly count: number | null;
  readonly countShown: string;
  readonly meanChange: number | null;
}

export interface KpiReport {
  readonly period: { readonly from: string; readonly to: string };
  readonly asOf: string;
  readonly breakdown: Breakdown | null;
  readonly suppressed: boolean;
  readonly teamIds: readonly string[] | null;
  readonly numbersInTreatment: KpiAbout & { readonly count: number | null; readonly countShown: string; readonly people: number | null; readonly peopleShown: string; readonly byCohort: readonly KpiCount[]; readonly groups: readonly KpiCount[] };
  readonly waitingTime: KpiAbout & KpiRatio & { readonly medianWaitDays: number | null; readonly groups: readonly (KpiGroup & { readonly medianWaitDays: number | null })[] };
  readonly reviewsOnTime: KpiAbout & KpiRatio & { readonly byStatus: readonly KpiCount[]; readonly groups: readonly KpiGroup[] };
  readonly topCompliance: KpiAbout & KpiRatio & { readonly byStage: readonly KpiGroup[]; readonly groups: readonly KpiGroup[] };
  readonly successfulCompletions: KpiAbout & KpiRatio & { readonly byCohort: readonly KpiGroup[]; readonly groups: readonly KpiGroup[] };
  readonly representations: KpiAbout & KpiRatio & { readonly windowStillOpen: number | null; readonly windowStillOpenShown: string; readonly groups: readonly KpiGroup[] };
  readonly exits: KpiAbout & KpiRatio & { readonly byReason: readonly KpiCount[]; readonly byCategory: readonly KpiCount[]; readonly groups: readonly KpiGroup[] };
  readonly longTermOst: KpiAbout &
    KpiRatio & { readonly asOf: string; readonly atLeastSixYears: KpiRatio & { readonly label: string }; readonly groups: readonly (KpiGroup & { readonly atLeastSixYears: number | null; readonly atLeastSixYearsShown: string })[] };
  readonly sharedCare: KpiAbout & KpiRatio & { readonly groups: readonly KpiGroup[] };
  readonly didNotAttend: KpiAbout & KpiRatio & { readonly groups: readonly KpiGroup[] };
  readonly caseloadSize: KpiAbout & {
    readonly asOf: string;
    readonly openEpisodes: number | null;
    readonly openEpisodesShown: string;
    readonly unallocated: number | null;
    readonly unallocatedShown: string;
    readonly keyworkers: number;
    readonly meanCaseload: number | null;
    readonly caseloads: readonly { readonly keyworkerId: string; readonly label: string; readonly openEpisodes: number | null; readonly openEpisodesShown: string }[];
    readonly groups: readonly KpiGroup[];
  };
  readonly outcomes: KpiAbout & KpiRatio & { readonly pairs: number | null; readonly pairsShown: string; readonly scoreChanges: readonly KpiScoreChange[]; readonly groups: readonly KpiGroup[] };
  readonly roscCoverage: KpiAbout & KpiRatio & { readonly byItem: readonly KpiGroup[]; readonly groups: readonly KpiGroup[] };
  readonly harmReduction: KpiAbout & {
    readonly denominator: number | null;
    readonly denominatorShown: string;
    readonly measures: readonly (KpiGroup & { readonly groups: readonly KpiGroup[] })[];
  };
}

export interface KpisVariables {
  readonly period: { readonly from: string; readonly to: string };
  readonly breakdown: Breakdown | null;
  readonly filter: { readonly teamIds: readonly string[] } | null;
}

// Fragments on KpiGroup cannot be spread on the other group types (GraphQL has no subtyping), so those list
// their fields in full.
const RATIO = "numerator numeratorShown denominator denominatorShown value valueShown";
const ABOUT = "id title definition numeratorDefinition denominatorDefinition target { value unit text }";

/** Every indicator of DOMAIN §7 for the chosen period, team and breakdown, in one request. */
export const KPIS = gql<{ kpis: KpiReport }, KpisVariables>`
  fragment IndicatorGroup on KpiGroup { key label ${RATIO} }
  fragment IndicatorCount on KpiCount { key label count countShown }
  query Indicators($period: KpiPeriodInput!, $breakdown: KpiBreakdown, $filter: KpiFilterInput) {
    kpis(period: $period, breakdown: $breakdown, filter: $filter) {
      period { from to }
      asOf
      breakdown
      suppressed
      teamIds
      numbersInTreatment { ${ABOUT} count countShown people peopleShown byCohort { ...IndicatorCount } groups { ...IndicatorCount } }
      waitingTime { ${ABOUT} ${RATIO} medianWaitDays groups { key label ${RATIO} medianWaitDays } }
      reviewsOnTime { ${ABOUT} ${RATIO} byStatus { ...IndicatorCount } groups { ...IndicatorGroup } }
      topCompliance { ${ABOUT} ${RATIO} byStage { ...IndicatorGroup } groups { ...IndicatorGroup } }
      successfulCompletions { ${ABOUT} ${RATIO} byCohort { ...IndicatorGroup } groups { ...IndicatorGroup } }
      representations { ${ABOUT} ${RATIO} windowStillOpen windowStillOpenShown groups { ...IndicatorGroup } }
      exits { ${ABOUT} ${RATIO} byReason { ...IndicatorCount } byCategory { ...IndicatorCount } groups { ...IndicatorGroup } }
      longTermOst { ${ABOUT} ${RATIO} asOf atLeastSixYears { label ${RATIO} } groups { key label ${RATIO} atLeastSixYears atLeastSixYearsShown } }
      sharedCare { ${ABOUT} ${RATIO} groups { ...IndicatorGroup } }
      didNotAttend { ${ABOUT} ${RATIO} groups { ...IndicatorGroup } }
      caseloadSize {
        ${ABOUT}
        asOf openEpisodes openEpisodesShown unallocated unallocatedShown keyworkers meanCaseload
        caseloads { keyworkerId label openEpisodes openEpisodesShown }
        groups { key label ${RATIO} }
      }
      outcomes { ${ABOUT} ${RATIO} pairs pairsShown scoreChanges { key label count countShown meanChange } groups { key label ${RATIO} } }
      roscCoverage { ${ABOUT} ${RATIO} byItem { ...IndicatorGroup } groups { ...IndicatorGroup } }
      harmReduction { ${ABOUT} denominator denominatorShown measures { key label ${RATIO} groups { ...IndicatorGroup } } }
    }
  }
`;

/** The provider's teams, for the team filter; any signed-in user may list them. */
export const TEAMS = gql<{ teams: readonly { readonly id: string; readonly name: string }[] }, Record<string, never>>`
  query IndicatorTeams {
    teams { id name }
  }
`;
