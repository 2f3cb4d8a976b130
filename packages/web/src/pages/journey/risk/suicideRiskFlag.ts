import { SUICIDE_RISK_FACTOR_QUESTIONS, type SuicideRiskFactors } from "@waymark/core";

/** The suicide-risk factors as the API names them in a flag (its SuicideRiskFactor enum). */
export type SuicideRiskFactor = "BEREAVEMENT" | "RELATIONSHIP_BREAKDOWN" | "DOMESTIC_OR_SEXUAL_ABUSE_HISTORY" | "IS_CARER";

const QUESTION_OF: Record<SuicideRiskFactor, keyof SuicideRiskFactors> = {
  BEREAVEMENT: "bereavement",
  RELATIONSHIP_BREAKDOWN: "relationshipBreakdown",
  DOMESTIC_OR_SEXUAL_ABUSE_HISTORY: "domesticOrSexualAbuseHistory",
  IS_CARER: "isCarer",
};

/** The suicide-risk flag as the API returns it on an episode. */
export interface SuicideRiskFlagResult {
  readonly flagged: boolean;
  readonly factors: readonly SuicideRiskFactor[];
}

/** Why a flag is raised, in the risk assessment's own words. */
export function suicideRiskReasons(flag: SuicideRiskFlagResult): string {
  return flag.factors.map((factor) => SUICIDE_RISK_FACTOR_QUESTIONS.find((question) => question.key === QUESTION_OF[factor])?.label ?? factor).join("; ");
}
