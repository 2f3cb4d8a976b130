import type { IsoDate } from "../dates/isoDate.js";
import type { Assessment, RiskAssessment, SuicideRiskFactors } from "../records/assessment.js";
import { inForce } from "../records/common.js";
import type { Review } from "../records/recoveryPlan.js";
import { RULE_CODES } from "./ruleCodes.js";
import { resultOf, violation, type RuleResult, type Violation } from "./violation.js";

const RISK_REQUIRED = RULE_CODES["R-RISK-1"];

/** The risk questions of R-RISK-1, with the words a form uses for them. */
export const RISK_QUESTIONS: readonly { readonly key: Exclude<keyof RiskAssessment, "suicideFactors" | "notes">; readonly label: string }[] = [
  { key: "selfHarmOrSuicide", label: "risk to self: self-harm or suicide" },
  { key: "overdose", label: "risk to self: overdose" },
  { key: "toOthers", label: "risk to others" },
  { key: "fromOthers", label: "risk from others" },
  { key: "domesticAbuse", label: "domestic abuse" },
  { key: "toChildren", label: "risk to children" },
];

/** The circumstances of R-RISK-2, asked in every risk assessment. */
export const SUICIDE_RISK_FACTOR_QUESTIONS: readonly { readonly key: keyof SuicideRiskFactors; readonly label: string }[] = [
  { key: "bereavement", label: "bereavement (the death or suicide of someone close)" },
  { key: "relationshipBreakdown", label: "a relationship breakdown" },
  { key: "domesticOrSexualAbuseHistory", label: "a history of domestic or sexual abuse" },
  { key: "isCarer", label: "being a carer" },
];

/**
 * R-RISK-1 (triage, comprehensive assessment), R-RISK-2 (suicide-risk factors asked) and R-RISK-3 (each
 * review): every risk question has an answer. `field` is where the risk assessment sits in the input.
 */
export function riskAssessmentViolations(risk: RiskAssessment | null | undefined, field = "risk"): Violation[] {
  if (!risk) {
    return [violation(RISK_REQUIRED, field, "Complete the risk assessment: risk to self, to others, from others and to children, and the suicide-risk questions.")];
  }
  const unanswered: Violation[] = [];
  for (const question of RISK_QUESTIONS) {
    if (risk[question.key] == null) {
      unanswered.push(violation(RISK_REQUIRED, `${field}.${question.key}`, `Answer the risk question on ${question.label}.`));
    }
  }
  for (const question of SUICIDE_RISK_FACTOR_QUESTIONS) {
    if (risk.suicideFactors?.[question.key] == null) {
      unanswered.push(
        violation(RISK_REQUIRED, `${field}.suicideFactors.${question.key}`, `Ask about ${question.label} and record the answer.`),
      );
    }
  }
  return unanswered;
}

/** R-RISK-1 / R-RISK-3 as a rule result. */
export function checkRiskAssessment(risk: RiskAssessment | null | undefined, field = "risk"): RuleResult {
  return resultOf(riskAssessmentViolations(risk, field));
}

export interface SuicideRiskFlag {
  readonly flagged: boolean;
  /** The factors present at the latest risk assessment. */
  readonly factors: readonly (keyof SuicideRiskFactors)[];
  /** Date of the risk assessment the flag rests on, or null when none has been done. */
  readonly assessedOn: IsoDate | null;
}

/**
 * R-RISK-2: the suicide-risk flag follows the latest risk assessment, from an assessment or a review. Any
 * factor present raises it; it stays until a later risk assessment records none.
 */
export function suicideRiskFlag(assessments: readonly Assessment[], reviews: readonly Review[]): SuicideRiskFlag {
  const assessed = [
    ...inForce(assessments).map((assessment) => ({ date: assessment.date, risk: assessment.risk })),
    ...inForce(reviews).map((review) => ({ date: review.completedDate, risk: review.risk })),
  ].filter((entry): entry is { date: IsoDate; risk: RiskAssessment } => entry.risk !== null);
  if (assessed.length === 0) return { flagged: false, factors: [], assessedOn: null };
  // On a day with both an assessment and a review, keep a raised flag: clearing needs a clear later answer.
  const latestDate = assessed.reduce<IsoDate>((latest, entry) => (entry.date > latest ? entry.date : latest), "");
  const factors = new Set<keyof SuicideRiskFactors>();
  for (const entry of assessed.filter((candidate) => candidate.date === latestDate)) {
    for (const question of SUICIDE_RISK_FACTOR_QUESTIONS) {
      if (entry.risk.suicideFactors[question.key] === true) factors.add(question.key);
    }
  }
  return { flagged: factors.size > 0, factors: [...factors], assessedOn: latestDate };
}
