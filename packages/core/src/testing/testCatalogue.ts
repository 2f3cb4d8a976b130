/**
 * Catalogue items for tests: a complete item with every rule switch off, and a test overrides only what it is
 * about. Not exported from the package.
 */
import { NO_SWITCHES, type CatalogueItem, type CatalogueRuleSwitches } from "../catalogue/catalogueItem.js";
import type { Modality } from "../codes/clinical.js";

export type CatalogueItemOverrides = Partial<Omit<CatalogueItem, "code" | "modality" | "switches">> & {
  /** The switches to turn on or off; the rest stay off. */
  readonly switches?: Partial<CatalogueRuleSwitches>;
};

/** The switches of an opioid substitution item (R-OST-1, R-DIS-2). */
export const OPIOID_SUBSTITUTION: CatalogueItemOverrides = { switches: { opioidSubstitution: true } };

/** A current item used during treatment, labelled and defined by its code, with no sub-types and every switch off. */
export function aCatalogueItem(code: string, modality: Modality, overrides: CatalogueItemOverrides = {}): CatalogueItem {
  const { switches, ...rest } = overrides;
  return {
    code,
    label: code,
    definition: code,
    modality,
    phase: "IN_TREATMENT",
    subTypes: [],
    retired: false,
    ...rest,
    switches: { ...NO_SWITCHES, ...switches },
  };
}
