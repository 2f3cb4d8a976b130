/**
 * What each of the ten BARC-10 items is about, in the questionnaire's order, so the keyworker can match the
 * score on the person's completed form to the right box. The person answers the questionnaire's own wording.
 */
export const BARC10_ITEM_TOPICS: readonly string[] = [
  "Things in life matter more than using",
  "Happy with life in general",
  "Energy for the things they set out to do",
  "Belonging to, and proud of, their community",
  "Support from friends",
  "A full and challenging life without drugs or alcohol",
  "Where they live helps their recovery",
  "Taking responsibility for their own actions",
  "At ease dealing with professionals",
  "Making progress in recovery",
];

/** The six points of the agreement scale each item is scored on. */
export const BARC10_SCALE: readonly { readonly score: number; readonly label: string }[] = [
  { score: 1, label: "Strongly disagree" },
  { score: 2, label: "Disagree" },
  { score: 3, label: "Somewhat disagree" },
  { score: 4, label: "Somewhat agree" },
  { score: 5, label: "Agree" },
  { score: 6, label: "Strongly agree" },
];
