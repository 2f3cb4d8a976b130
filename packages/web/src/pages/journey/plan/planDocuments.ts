import type { AssessmentKind, EpisodeStatus, GoalStatus, IsoDate, NeedDomain, PlanKind } from "@waymark/core";
import { gql } from "urql";
import type { UserError } from "../../../graphql/userErrors.js";
import { EPISODE_CONTEXT, type JourneyEpisode } from "../shared/episodeContext.js";

export const PLAN_FORM_CONTEXT = gql`
  query PlanFormContext($episodeId: ID!) {
    episode(id: $episodeId) {
      ...JourneyEpisodeContext
      assessments(first: 100) {
        edges {
          node {
            id
            kind
            date
          }
        }
      }
    }
  }
  ${EPISODE_CONTEXT}
`;

/** An episode with the assessments a plan follows (R-PLAN-1). */
export interface PlannedEpisode extends JourneyEpisode {
  readonly assessments: { readonly edges: readonly { readonly node: { readonly id: string; readonly kind: AssessmentKind; readonly date: IsoDate } }[] };
}

export interface PlanFormContextResult {
  readonly episode: PlannedEpisode | null;
}

export const AGREE_RECOVERY_PLAN = gql`
  mutation AgreeRecoveryPlan($input: AgreeRecoveryPlanInput!) {
    agreeRecoveryPlan(input: $input) {
      recoveryPlan {
        id
        kind
        startDate
        agreedWithServiceUser
        signedOffDate
        signedOffBy {
          name
        }
        nextReviewDue
        reviewIntervalWeeks
        goals {
          id
          domain
          description
          targetDate
          status
        }
        personalBudget {
          allocatedPence
          spentPence
          lines {
            item
            costPence
          }
        }
      }
      episode {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

/** The plan as the server saved it. */
export interface AgreedPlan {
  readonly id: string;
  readonly kind: PlanKind;
  readonly startDate: IsoDate;
  readonly agreedWithServiceUser: boolean;
  readonly signedOffDate: IsoDate | null;
  readonly signedOffBy: { readonly name: string } | null;
  readonly nextReviewDue: IsoDate | null;
  readonly reviewIntervalWeeks: number;
  readonly goals: readonly { readonly id: string; readonly domain: NeedDomain; readonly description: string; readonly targetDate: IsoDate | null; readonly status: GoalStatus }[];
  readonly personalBudget: { readonly allocatedPence: number; readonly spentPence: number; readonly lines: readonly { readonly item: string; readonly costPence: number }[] } | null;
}

export interface AgreeRecoveryPlanResult {
  readonly agreeRecoveryPlan: { readonly recoveryPlan: AgreedPlan | null; readonly episode: { readonly id: string; readonly status: EpisodeStatus } | null; readonly userErrors: readonly UserError[] };
}

export interface AgreeRecoveryPlanInput {
  readonly episodeId: string;
  readonly kind: PlanKind;
  readonly startDate: IsoDate;
  readonly goals: readonly { readonly domain: NeedDomain; readonly description: string; readonly targetDate: IsoDate | null }[];
  readonly agreedWithServiceUser: boolean;
  readonly signedOffById: string | null;
  readonly signedOffDate: IsoDate | null;
  readonly personalBudget: { readonly allocatedPence: number; readonly lines: readonly { readonly item: string; readonly costPence: number }[] } | null;
}
