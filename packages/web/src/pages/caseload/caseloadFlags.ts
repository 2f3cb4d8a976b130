import type { TagTone } from "../../components/Tag.js";

/** The flags the API puts on an open episode (CaseloadFlag in the schema), DOMAIN §4. */
export type CaseloadFlag =
  | "SUICIDE_RISK"
  | "SAFEGUARDING"
  | "SAFEGUARDING_HOME_VISIT_DUE"
  | "DISENGAGING"
  | "DNA_FOLLOW_UP_OVERDUE"
  | "DNA_FOLLOW_UP_DUE"
  | "REVIEW_OVERDUE"
  | "NO_KEYWORKER"
  | "OST_6_YEARS"
  | "OST_2_YEARS";

export interface CaseloadFlagInfo {
  readonly flag: CaseloadFlag;
  /** The tag's words; the same as the API's flagDetails label. */
  readonly label: string;
  readonly tone: TagTone;
  /** What the flag means and what to do, for the key under the table and the filter. */
  readonly meaning: string;
}

/**
 * Every flag, most pressing first. Red is for risk to life or to a child and for a missed follow-up; orange for
 * what needs acting on soon. The colour only repeats what the words say.
 */
export const CASELOAD_FLAGS: readonly CaseloadFlagInfo[] = [
  { flag: "SUICIDE_RISK", label: "Suicide risk", tone: "red", meaning: "The latest risk assessment recorded a factor linked to suicide. It stays until a later assessment records none." },
  { flag: "SAFEGUARDING", label: "Safeguarding", tone: "red", meaning: "The person is pregnant or lives with a child under 5." },
  { flag: "SAFEGUARDING_HOME_VISIT_DUE", label: "Home visit due", tone: "orange", meaning: "Safeguarding applies and no attended home visit is recorded in this episode yet." },
  { flag: "DISENGAGING", label: "Disengaging", tone: "orange", meaning: "Several missed appointments in a row, or too long without an attended contact: review risk and re-engage." },
  { flag: "DNA_FOLLOW_UP_OVERDUE", label: "DNA follow-up overdue", tone: "red", meaning: "A missed appointment was not followed up by its deadline." },
  { flag: "DNA_FOLLOW_UP_DUE", label: "DNA follow-up due", tone: "yellow", meaning: "A missed appointment needs a follow-up attempt (phone, letter, text or home visit) within 2 working days." },
  { flag: "REVIEW_OVERDUE", label: "Review overdue", tone: "orange", meaning: "The recovery plan's review due date has passed without a review." },
  { flag: "NO_KEYWORKER", label: "No keyworker", tone: "grey", meaning: "Nobody is allocated as keyworker for this episode." },
  { flag: "OST_6_YEARS", label: "OST 6+ years", tone: "purple", meaning: "On opioid substitution treatment continuously for 6 years or more." },
  { flag: "OST_2_YEARS", label: "OST 2+ years", tone: "purple", meaning: "On opioid substitution treatment continuously for 2 to 6 years." },
];

const BY_FLAG = new Map(CASELOAD_FLAGS.map((info) => [info.flag, info]));

/** The display details of a flag; a flag this screen does not know yet still shows, in grey, by its code. */
export function caseloadFlagInfo(flag: string): CaseloadFlagInfo {
  return BY_FLAG.get(flag as CaseloadFlag) ?? { flag: flag as CaseloadFlag, label: flag.replace(/_/g, " ").toLowerCase(), tone: "grey", meaning: "" };
}
