import { defineCodeList, type CodeListEntry, type CodeOf } from "./codeList.js";

/**
 * How an exit is counted. PLANNED exits are the successful completions; transfers are neither a success nor
 * a drop-out, so commissioners' reports keep them apart.
 */
export type ExitCategory = "PLANNED" | "TRANSFERRED" | "UNPLANNED";

interface DischargeReasonEntry extends CodeListEntry {
  readonly category: ExitCategory;
  /** Only reasons that end treatment that actually began (a completion) need structured treatment first. */
  readonly needsStructuredTreatment: boolean;
}

/** Why an episode ended (DOMAIN §6). */
export const DISCHARGE_REASONS = defineCodeList([
  { code: "COMPLETED_DRUG_FREE", label: "Treatment completed: drug-free", category: "PLANNED", needsStructuredTreatment: true },
  { code: "COMPLETED_ALCOHOL_FREE", label: "Treatment completed: alcohol-free", category: "PLANNED", needsStructuredTreatment: true },
  {
    code: "COMPLETED_OCCASIONAL_USER",
    label: "Treatment completed: occasional user (not heroin or crack)",
    category: "PLANNED",
    needsStructuredTreatment: true,
  },
  { code: "TRANSFERRED_NOT_IN_CUSTODY", label: "Transferred: not in custody", category: "TRANSFERRED", needsStructuredTreatment: false },
  { code: "TRANSFERRED_IN_CUSTODY", label: "Transferred: in custody", category: "TRANSFERRED", needsStructuredTreatment: false },
  { code: "DROPPED_OUT", label: "Dropped out or left", category: "UNPLANNED", needsStructuredTreatment: false },
  { code: "WITHDRAWN_BY_PROVIDER", label: "Treatment withdrawn by provider", category: "UNPLANNED", needsStructuredTreatment: false },
  { code: "RETAINED_IN_CUSTODY", label: "Retained in custody", category: "UNPLANNED", needsStructuredTreatment: false },
  { code: "COMMENCEMENT_DECLINED", label: "Treatment commencement declined by the person", category: "UNPLANNED", needsStructuredTreatment: false },
  { code: "CLIENT_DIED", label: "Died", category: "UNPLANNED", needsStructuredTreatment: false },
  { code: "ONWARD_REFERRAL_REFUSED", label: "Onward referral offered and refused", category: "UNPLANNED", needsStructuredTreatment: false },
  { code: "INAPPROPRIATE_REFERRAL", label: "Inappropriate referral", category: "UNPLANNED", needsStructuredTreatment: false },
] as const satisfies readonly DischargeReasonEntry[]);
export type DischargeReason = CodeOf<typeof DISCHARGE_REASONS>;

/** A successful completion is one of the three "treatment completed" reasons. */
export function isSuccessfulCompletion(reason: DischargeReason): boolean {
  return DISCHARGE_REASONS.entryOf(reason).category === "PLANNED";
}

export function exitCategoryOf(reason: DischargeReason): ExitCategory {
  return DISCHARGE_REASONS.entryOf(reason).category;
}
