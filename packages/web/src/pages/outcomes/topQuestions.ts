import { TOP_DAYS_MAX, TOP_SCORE_MAX, TOP_SUBSTANCES, type TopSubstance } from "@waymark/core";

/**
 * The questions of the Treatment Outcomes Profile, in its four sections. Each answer is named by its path in
 * the API's RecordOutcomeInput (e.g. `health.qualityOfLife`): the same path the input nests it under, the
 * `notDisclosed` list names and the API's userErrors point at, so one name ties the field, the rule and the
 * server's message together.
 */

/** A number of days in the past 28, or a score the person gives. */
export interface CountQuestion {
  readonly kind: "count";
  readonly path: string;
  readonly label: string;
  readonly max: number;
  readonly unit: string;
  /** For substance use: the substance, which also asks for a typical amount on a day of use. */
  readonly substance?: TopSubstance;
}

export interface YesNoQuestion {
  readonly kind: "yesNo";
  readonly path: string;
  readonly label: string;
}

export type TopQuestion = CountQuestion | YesNoQuestion;

export interface TopSection {
  readonly id: string;
  readonly title: string;
  readonly hint: string;
  readonly questions: readonly TopQuestion[];
}

const DAYS = `Days (0 to ${TOP_DAYS_MAX})`;
const SCORE = `Score (0 to ${TOP_SCORE_MAX})`;

const days = (path: string, label: string): CountQuestion => ({ kind: "count", path, label, max: TOP_DAYS_MAX, unit: DAYS });
const score = (path: string, label: string): CountQuestion => ({ kind: "count", path, label, max: TOP_SCORE_MAX, unit: SCORE });
const yesNo = (path: string, label: string): YesNoQuestion => ({ kind: "yesNo", path, label });

export const TOP_SECTIONS: readonly TopSection[] = [
  {
    id: "substance-use",
    title: "Substance use",
    hint: "On how many of the past 28 days the person used each substance, and how much on a typical day of use.",
    questions: TOP_SUBSTANCES.entries.map((substance) => ({ ...days(`substanceUse.${substance.code}.days`, substance.label), substance: substance.code })),
  },
  {
    id: "injecting",
    title: "Injecting",
    hint: "In the past 28 days.",
    questions: [
      days("injecting.days", "Days injected"),
      yesNo("injecting.sharedNeedles", "Shared needles or syringes"),
      yesNo("injecting.sharedOtherEquipment", "Shared other injecting equipment"),
    ],
  },
  {
    id: "crime",
    title: "Crime",
    hint: "On how many of the past 28 days the person did each.",
    questions: [
      days("crime.shoplifting", "Shoplifting"),
      days("crime.drugSelling", "Selling drugs"),
      days("crime.otherTheft", "Other theft"),
      days("crime.assaultViolence", "Assault or violence"),
    ],
  },
  {
    id: "health",
    title: "Health and social functioning",
    hint: "Scores are the person's own rating, from 0 (poor) to 20 (good). Days are in the past 28.",
    questions: [
      score("health.psychologicalHealth", "Psychological health"),
      score("health.physicalHealth", "Physical health"),
      score("health.qualityOfLife", "Overall quality of life"),
      days("health.paidWorkDays", "Days of paid work"),
      days("health.educationDays", "Days at college or school"),
      yesNo("health.acuteHousingProblem", "Acute housing problem"),
      yesNo("health.atRiskOfEviction", "At risk of eviction"),
    ],
  },
];

export const TOP_QUESTIONS: readonly TopQuestion[] = TOP_SECTIONS.flatMap((section) => section.questions);
