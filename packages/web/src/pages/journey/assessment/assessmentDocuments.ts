import type { AssessmentKind, IsoDate, NeedDomain, NeedLevel, RiskAssessment } from "@waymark/core";
import { gql } from "urql";
import type { UserError } from "../../../graphql/userErrors.js";
import { LATEST_REVIEW_RISK, RISK_ANSWERS } from "../risk/riskDraft.js";
import type { SuicideRiskFlagResult } from "../risk/suicideRiskFlag.js";
import { EPISODE_CONTEXT, type JourneyEpisode } from "../shared/episodeContext.js";

export const ASSESSMENT_FORM_CONTEXT = gql`
  query AssessmentFormContext($episodeId: ID!) {
    episode(id: $episodeId) {
      ...JourneyEpisodeContext
      assessments(first: 100) {
        edges {
          node {
            id
            kind
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

/** An episode with its assessments and latest review, newest first, for the kind offered and the last risk answers. */
export interface AssessedEpisode extends JourneyEpisode {
  readonly assessments: { readonly edges: readonly { readonly node: { readonly id: string; readonly kind: AssessmentKind; readonly date: IsoDate; readonly risk: RiskAssessment | null } }[] };
  readonly reviews: { readonly edges: readonly { readonly node: { readonly id: string; readonly completedDate: IsoDate; readonly risk: RiskAssessment | null } }[] };
}

export interface AssessmentFormContextResult {
  readonly episode: AssessedEpisode | null;
}

export const RECORD_ASSESSMENT = gql`
  mutation RecordAssessment($input: RecordAssessmentInput!) {
    recordAssessment(input: $input) {
      assessment {
        id
        kind
        date
        needs {
          domain
          level
        }
        recoveryCapital {
          total
        }
        risk {
          ...RiskAnswers
        }
        episode {
          id
          status
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

/** The assessment as the server saved it. */
export interface RecordedAssessment {
  readonly id: string;
  readonly kind: AssessmentKind;
  readonly date: IsoDate;
  readonly needs: readonly { readonly domain: NeedDomain; readonly level: NeedLevel }[];
  readonly recoveryCapital: { readonly total: number } | null;
  readonly risk: RiskAssessment | null;
  readonly episode: { readonly id: string; readonly status: string; readonly suicideRisk: SuicideRiskFlagResult } | null;
}

export interface RecordAssessmentResult {
  readonly recordAssessment: { readonly assessment: RecordedAssessment | null; readonly userErrors: readonly UserError[] };
}

export interface RecordAssessmentInput {
  readonly episodeId: string;
  readonly kind: AssessmentKind;
  readonly date: IsoDate;
  readonly needs: readonly { readonly domain: NeedDomain; readonly level: NeedLevel }[];
  readonly risk: RiskAssessment | null;
  readonly recoveryCapital: { readonly items: readonly number[] } | null;
}
