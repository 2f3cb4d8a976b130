import type { Cohort, EpisodeStatus, InjectingStatus, IsoDate, NeedDomain, NeedLevel, ProblemSubstance, RiskAssessment } from "@waymark/core";
import { gql } from "urql";
import type { UserError } from "../../../graphql/userErrors.js";
import type { SuicideRiskFlagResult } from "../risk/suicideRiskFlag.js";
import { EPISODE_CONTEXT, type JourneyEpisode } from "../shared/episodeContext.js";

export const TRIAGE_FORM_CONTEXT = gql`
  query TriageFormContext($episodeId: ID!) {
    episode(id: $episodeId) {
      ...JourneyEpisodeContext
    }
  }
  ${EPISODE_CONTEXT}
`;

export interface TriageFormContextResult {
  readonly episode: JourneyEpisode | null;
}

export const RECORD_TRIAGE = gql`
  mutation RecordTriage($input: RecordTriageInput!) {
    recordTriage(input: $input) {
      assessment {
        id
        date
      }
      episode {
        id
        status
        triageDate
        cohort
        injectingStatus
        problemSubstances {
          rank
          substance
          ageOfFirstUse
          route
        }
        suicideRisk {
          flagged
          factors
        }
        recoveryPlans(first: 1) {
          edges {
            node {
              id
              kind
              startDate
              goals {
                id
              }
            }
          }
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

/** The episode as the server holds it after triage. */
export interface TriagedEpisode {
  readonly id: string;
  readonly status: EpisodeStatus;
  readonly triageDate: IsoDate | null;
  readonly cohort: Cohort | null;
  readonly injectingStatus: InjectingStatus | null;
  readonly problemSubstances: readonly ProblemSubstance[];
  readonly suicideRisk: SuicideRiskFlagResult;
  readonly recoveryPlans: { readonly edges: readonly { readonly node: { readonly id: string; readonly kind: string; readonly startDate: IsoDate; readonly goals: readonly { readonly id: string }[] } }[] };
}

export interface RecordTriageResult {
  readonly recordTriage: { readonly assessment: { readonly id: string; readonly date: IsoDate } | null; readonly episode: TriagedEpisode | null; readonly userErrors: readonly UserError[] };
}

export interface RecordTriageInput {
  readonly episodeId: string;
  readonly date: IsoDate;
  readonly problemSubstances: readonly ProblemSubstance[];
  readonly injectingStatus: InjectingStatus | null;
  readonly needs: readonly { readonly domain: NeedDomain; readonly level: NeedLevel }[];
  readonly risk: RiskAssessment;
  readonly interimPlan: {
    readonly startDate: IsoDate;
    readonly goals: readonly { readonly domain: NeedDomain; readonly description: string; readonly targetDate: IsoDate | null }[];
    readonly agreedWithServiceUser: boolean;
  } | null;
}
