import type { GoalStatus, IsoDate, NeedDomain, PlanKind, RiskAssessment } from "@waymark/core";
import { gql } from "urql";
import type { UserError } from "../../../graphql/userErrors.js";
import { LATEST_REVIEW_RISK, RISK_ANSWERS } from "../risk/riskDraft.js";
import type { SuicideRiskFlagResult } from "../risk/suicideRiskFlag.js";
import { EPISODE_CONTEXT, type JourneyEpisode } from "../shared/episodeContext.js";

export const REVIEW_FORM_CONTEXT = gql`
  query ReviewFormContext($episodeId: ID!) {
    episode(id: $episodeId) {
      ...JourneyEpisodeContext
      recoveryPlans(first: 100) {
        edges {
          node {
            id
            kind
            startDate
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
          }
        }
      }
      assessments(first: 1) {
        edges {
          node {
            id
            date
            risk {
              ...RiskAnswers
            }
          }
        }
      }
      ...LatestReviewRisk
    }
  }
  ${EPISODE_CONTEXT}
  ${RISK_ANSWERS}
  ${LATEST_REVIEW_RISK}
`;

/** A goal of the plan under review, as it stands before this review. */
export interface PlanGoal {
  readonly id: string;
  readonly domain: NeedDomain;
  readonly description: string;
  readonly targetDate: IsoDate | null;
  readonly status: GoalStatus;
}

/** A recovery plan of the episode, with what its review schedule needs. */
export interface ReviewablePlan {
  readonly id: string;
  readonly kind: PlanKind;
  readonly startDate: IsoDate;
  readonly signedOffDate: IsoDate | null;
  readonly signedOffBy: { readonly name: string } | null;
  readonly nextReviewDue: IsoDate | null;
  readonly reviewIntervalWeeks: number;
  readonly goals: readonly PlanGoal[];
}

export interface ReviewedEpisode extends JourneyEpisode {
  readonly recoveryPlans: { readonly edges: readonly { readonly node: ReviewablePlan }[] };
  readonly assessments: { readonly edges: readonly { readonly node: { readonly id: string; readonly date: IsoDate; readonly risk: RiskAssessment | null } }[] };
  readonly reviews: { readonly edges: readonly { readonly node: { readonly id: string; readonly completedDate: IsoDate; readonly risk: RiskAssessment | null } }[] };
}

export interface ReviewFormContextResult {
  readonly episode: ReviewedEpisode | null;
}

export const COMPLETE_REVIEW = gql`
  mutation CompleteReview($input: CompleteReviewInput!) {
    completeReview(input: $input) {
      review {
        id
        completedDate
        dueDate
        onTime
        goalProgress {
          goalId
          status
          note
          goal {
            description
          }
        }
        risk {
          ...RiskAnswers
        }
        plan {
          id
          nextReviewDue
        }
        episode {
          id
          suicideRisk {
            flagged
            factors
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
  ${RISK_ANSWERS}
`;

/** The review as the server saved it. */
export interface CompletedReview {
  readonly id: string;
  readonly completedDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly onTime: boolean;
  readonly goalProgress: readonly { readonly goalId: string; readonly status: GoalStatus; readonly note: string | null; readonly goal: { readonly description: string } | null }[];
  readonly risk: RiskAssessment | null;
  readonly plan: { readonly id: string; readonly nextReviewDue: IsoDate | null } | null;
  readonly episode: { readonly id: string; readonly suicideRisk: SuicideRiskFlagResult } | null;
}

export interface CompleteReviewResult {
  readonly completeReview: { readonly review: CompletedReview | null; readonly userErrors: readonly UserError[] };
}

export interface CompleteReviewInput {
  readonly planId: string;
  readonly completedDate: IsoDate;
  readonly goalProgress: readonly { readonly goalId: string; readonly status: GoalStatus; readonly note: string | null }[];
  readonly risk: RiskAssessment;
}
