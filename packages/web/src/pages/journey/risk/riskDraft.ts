import { RISK_QUESTIONS, SUICIDE_RISK_FACTOR_QUESTIONS, type IsoDate, type RiskAssessment, type SuicideRiskFactors } from "@waymark/core";
import { gql } from "urql";

/** The risk answers as every journey query reads them back, in core's shape. */
export const RISK_ANSWERS = gql`
  fragment RiskAnswers on RiskAssessment {
    selfHarmOrSuicide
    overdose
    toOthers
    fromOthers
    domesticAbuse
    toChildren
    notes
    suicideFactors {
      bereavement
      relationshipBreakdown
      domesticOrSexualAbuseHistory
      isCarer
    }
  }
`;

/** The episode's latest review with its risk answers: the newest earlier assessment of risk a form shows beside its own. */
export const LATEST_REVIEW_RISK = gql`
  fragment LatestReviewRisk on Episode {
    reviews(first: 1) {
      edges {
        node {
          id
          completedDate
          risk {
            ...RiskAnswers
          }
        }
      }
    }
  }
  ${RISK_ANSWERS}
`;

/** An earlier risk assessment, shown beside each question so a change of answer is a deliberate one. */
export interface PreviousRisk {
  readonly date: IsoDate;
  readonly risk: RiskAssessment;
}

/** A risk assessment with every question still to be asked: nothing is assumed, since "no risk" is an answer. */
export const UNANSWERED_RISK: RiskAssessment = {
  selfHarmOrSuicide: null,
  overdose: null,
  toOthers: null,
  fromOthers: null,
  domesticAbuse: null,
  toChildren: null,
  suicideFactors: { bereavement: null, relationshipBreakdown: null, domesticOrSexualAbuseHistory: null, isCarer: null },
  notes: null,
};

/** The suicide-risk factors answered yes, in the order the form asks them (R-RISK-2). */
export function suicideRiskFactorsPresent(risk: RiskAssessment): (keyof SuicideRiskFactors)[] {
  return SUICIDE_RISK_FACTOR_QUESTIONS.filter((question) => risk.suicideFactors[question.key] === true).map((question) => question.key);
}

/** True when not one question has been answered and no note written: a reassessment may then leave risk out. */
export function riskUntouched(risk: RiskAssessment): boolean {
  return (
    RISK_QUESTIONS.every((question) => risk[question.key] === null) &&
    SUICIDE_RISK_FACTOR_QUESTIONS.every((question) => risk.suicideFactors[question.key] === null) &&
    !risk.notes?.trim()
  );
}

/** The RiskAssessmentInput the API takes; unanswered questions go as null so the server names them too. */
export function riskInput(risk: RiskAssessment): RiskAssessment {
  return { ...risk, suicideFactors: { ...risk.suicideFactors }, notes: risk.notes?.trim() || null };
}
