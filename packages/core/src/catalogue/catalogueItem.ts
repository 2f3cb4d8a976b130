import type { Modality, NeedDomain, Phase } from "../codes/clinical.js";

/** A kind of support within an item, such as housing support within social support (R-ROSC-2, R-ROSC-5). */
export interface CatalogueSubType {
  /** Stable code, unique within its item. */
  readonly code: string;
  readonly label: string;
  /** The need domain an assessment must show for this sub-type to be used, when the item checks needs (R-ROSC-2). */
  readonly needDomain: NeedDomain | null;
}

/**
 * The rule switches of R-CAT-1. The intervention rules read these, never item codes, so an item an admin
 * creates behaves like a built-in one with the same switches.
 */
export interface CatalogueRuleSwitches {
  /** R-ROSC-1: needs a pharmacological or psychosocial intervention of the same episode overlapping it. */
  readonly needsConcurrentModality: boolean;
  /** R-ROSC-2, R-ROSC-5: at least one sub-type must be chosen. */
  readonly needsSubType: boolean;
  /** R-ROSC-2: each chosen sub-type's need domain must be assessed as a need. */
  readonly needsAssessedNeed: boolean;
  /** R-ROSC-3: the person's wish to attend, and what was done to make first contact, must be recorded. */
  readonly needsInterest: boolean;
  /** R-ROSC-6: must be sustained: a planned end date or at least two planned sessions. */
  readonly sustainedOnly: boolean;
  /** R-ROSC-4: carries a schedule of check-ups the service initiates. */
  readonly needsContactSchedule: boolean;
  /** Opioid substitution: counts for long-term OST (R-OST-1) and blocks a completion (R-DIS-2). */
  readonly opioidSubstitution: boolean;
}

/** One entry of the intervention catalogue (R-CAT-1): data an admin edits, read by the rules through its phase and switches. */
export interface CatalogueItem {
  /** Stable code; an item in use is never re-coded (R-CAT-1). */
  readonly code: string;
  readonly label: string;
  readonly definition: string;
  readonly modality: Modality;
  readonly phase: Phase;
  readonly subTypes: readonly CatalogueSubType[];
  readonly switches: CatalogueRuleSwitches;
  readonly retired: boolean;
}

/** Every rule switch off: the starting point for an item that only some rules apply to. */
export const NO_SWITCHES: CatalogueRuleSwitches = {
  needsConcurrentModality: false,
  needsSubType: false,
  needsAssessedNeed: false,
  needsInterest: false,
  sustainedOnly: false,
  needsContactSchedule: false,
  opioidSubstitution: false,
};

/** Looks items up by code. Retired items stay in the catalogue so old records keep their meaning. */
export interface Catalogue {
  readonly items: readonly CatalogueItem[];
  find(code: string): CatalogueItem | undefined;
}

/** Builds a catalogue over these items, retired ones included, for look-ups by code. */
export function catalogueOf(items: readonly CatalogueItem[]): Catalogue {
  const byCode = new Map(items.map((item) => [item.code, item]));
  return { items, find: (code) => byCode.get(code) };
}
