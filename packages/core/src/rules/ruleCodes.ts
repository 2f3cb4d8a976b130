/**
 * The error codes rules return, each tied to its DOMAIN §4 rule ID. The API puts them in `userErrors[].code`
 * unchanged, so a reader can go from an error to the rule and back.
 */
export const RULE_CODES = {
  "R-ELIG-1": "OUTSIDE_TEAM_AGE_BAND",
  "R-ELIG-2": "EPISODE_ALREADY_OPEN",
  "R-DATE-1": "INVALID_DATE",
  "R-RISK-1": "RISK_ASSESSMENT_REQUIRED",
  "R-RISK-3": "RISK_ASSESSMENT_REQUIRED",
  "R-PLAN-1": "PLAN_NOT_SIGNED_OFF",
  "R-PLAN-2": "BUDGET_EXCEEDED",
  "R-REV-3": "REVIEW_NOT_ALLOWED",
  "R-TOP-1": "TOP_VALUE_OUT_OF_RANGE",
  "R-INT-1": "INTERVENTION_NOT_ALLOWED",
  "R-ROSC-1": "ROSC_REQUIRES_CONCURRENT_MODALITY",
  "R-ROSC-2-SUBTYPE": "ROSC_SUBTYPE_REQUIRED",
  "R-ROSC-2-NEED": "ROSC_NEED_NOT_ASSESSED",
  "R-ROSC-3": "ROSC_INTEREST_NOT_RECORDED",
  "R-ROSC-4": "ROSC_POST_TREATMENT_ONLY",
  "R-ROSC-5": "ROSC_POST_TREATMENT_ONLY",
  "R-ROSC-6": "ROSC_NOT_SUSTAINED",
  "R-CAT-1": "CATALOGUE_ITEM_IN_USE",
  "R-DIS-1": "DISCHARGE_REASON_REQUIRED",
  "R-DIS-2": "COMPLETION_WHILE_PRESCRIBED",
} as const;

/**
 * Codes that are not one DOMAIN rule but guard the journey and input shape: an action the episode's state
 * does not allow, a required field left empty, a value outside its list or too long.
 */
export const INPUT_CODES = {
  transitionNotAllowed: "TRANSITION_NOT_ALLOWED",
  required: "REQUIRED",
  invalidValue: "INVALID_VALUE",
  tooLong: "TOO_LONG",
  invalidNhsNumber: "INVALID_NHS_NUMBER",
  staleVersion: "STALE_VERSION",
} as const;

export type RuleCode =
  | (typeof RULE_CODES)[keyof typeof RULE_CODES]
  | (typeof INPUT_CODES)[keyof typeof INPUT_CODES];
