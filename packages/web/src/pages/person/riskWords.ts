import { RISK_LEVELS, RISK_QUESTIONS, SUICIDE_RISK_FACTOR_QUESTIONS, type RiskLevel } from "@waymark/core";
import type { TagTone } from "../../components/Tag.js";
import type { RiskAnswers } from "./episodeRecordQuery.js";

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The suicide-risk factors (R-RISK-2) in core's words, by the API's enum value and by the answer's key. */
const FACTOR_KEY_OF_ENUM: Record<string, keyof RiskAnswers["suicideFactors"]> = {
  BEREAVEMENT: "bereavement",
  RELATIONSHIP_BREAKDOWN: "relationshipBreakdown",
  DOMESTIC_OR_SEXUAL_ABUSE_HISTORY: "domesticOrSexualAbuseHistory",
  IS_CARER: "isCarer",
};

export function suicideFactorLabel(factor: string): string {
  const key = FACTOR_KEY_OF_ENUM[factor] ?? factor;
  const question = SUICIDE_RISK_FACTOR_QUESTIONS.find((candidate) => candidate.key === key);
  return question ? capitalised(question.label) : capitalised(factor.replace(/_/g, " ").toLowerCase());
}

/** The factors answered yes in one risk assessment, in the order the questions are asked. */
export function factorsPresent(risk: RiskAnswers): string[] {
  return SUICIDE_RISK_FACTOR_QUESTIONS.filter((question) => risk.suicideFactors[question.key]).map((question) => capitalised(question.label));
}

/** Each risk question with its answer in words, in the order the assessment asks them. */
export function riskAnswers(risk: RiskAnswers): { question: string; answer: string; tone: TagTone }[] {
  return RISK_QUESTIONS.map((question) => {
    const value = risk[question.key];
    if (typeof value === "boolean") return { question: capitalised(question.label), answer: value ? "Yes" : "No", tone: value ? "red" : "grey" };
    return { question: capitalised(question.label), answer: RISK_LEVELS.labelOf(value), tone: RISK_TONE[value] };
  });
}

const RISK_TONE: Record<RiskLevel, TagTone> = { HIGH: "red", MEDIUM: "orange", LOW: "grey" };

/** A one-line account of a risk assessment for the timeline: only what is not low, so concerns stand out. */
export function riskInBrief(risk: RiskAnswers): string {
  const raised = riskAnswers(risk).filter((entry) => entry.answer !== "Low" && entry.answer !== "No");
  return raised.length === 0 ? "All risks low; no domestic abuse" : raised.map((entry) => `${entry.question}: ${entry.answer.toLowerCase()}`).join("; ");
}

export const SAFEGUARDING_REASON_LABELS: Record<string, string> = {
  PREGNANT: "The person is pregnant",
  CHILD_UNDER_5: "A child under 5 lives in the household",
};
