import { describe, expect, it } from "vitest";
import { violationsOf, type RuleResult } from "../rules/violation.js";
import { NO_SWITCHES, catalogueOf, type CatalogueItem } from "./catalogueItem.js";
import {
  CATALOGUE_LIMITS,
  checkCatalogueDelete,
  checkCatalogueEdit,
  checkCatalogueItem,
  checkCatalogueRetire,
  checkNewCatalogueItem,
  retiredCatalogueItem,
} from "./catalogueRules.js";
import { DEFAULT_CATALOGUE } from "./defaultCatalogue.js";

/** An item an admin might add: a recovery café that runs alongside treatment. */
function adminItem(overrides: Partial<CatalogueItem> = {}): CatalogueItem {
  return {
    code: "ROSC_RECOVERY_CAFE",
    label: "Recovery café",
    definition: "A weekly drop-in run by people in recovery, where the person can meet others and find out about local support.",
    modality: "RECOVERY_SUPPORT",
    phase: "IN_TREATMENT",
    subTypes: [],
    switches: { ...NO_SWITCHES, needsConcurrentModality: true },
    retired: false,
    ...overrides,
  };
}

const socialSupport = DEFAULT_CATALOGUE.find((item) => item.code === "ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT")!;

function found(result: RuleResult): [string, string][] {
  return violationsOf(result).map((violation) => [violation.code, violation.field]);
}

describe("checkCatalogueItem (R-CAT-1)", () => {
  it("R-CAT-1: accepts a well-formed item an admin adds", () => {
    expect(checkCatalogueItem(adminItem())).toEqual({ ok: true });
  });

  it.each([
    ["", "REQUIRED"],
    ["recovery cafe", "INVALID_VALUE"],
    ["1_CAFE", "INVALID_VALUE"],
    ["RECOVERY__CAFE", "INVALID_VALUE"],
    ["CAFE_", "INVALID_VALUE"],
    ["R".repeat(CATALOGUE_LIMITS.codeMaxLength + 1), "TOO_LONG"],
  ])("R-CAT-1: refuses the code %j (%s)", (code, expected) => {
    expect(found(checkCatalogueItem(adminItem({ code })))).toEqual([[expected, "code"]]);
  });

  it("R-CAT-1: refuses an item with no label or definition, and says which is missing", () => {
    const result = checkCatalogueItem(adminItem({ label: "  ", definition: "" }));
    expect(found(result)).toEqual([
      ["REQUIRED", "label"],
      ["REQUIRED", "definition"],
    ]);
    expect(violationsOf(result)[0]?.message).toMatch(/label/);
  });

  it("R-CAT-1: refuses a label or definition over its length limit, and accepts one at the limit", () => {
    const atLimit = adminItem({ label: "L".repeat(CATALOGUE_LIMITS.labelMaxLength), definition: "D".repeat(CATALOGUE_LIMITS.definitionMaxLength) });
    expect(checkCatalogueItem(atLimit).ok).toBe(true);
    const over = adminItem({ label: "L".repeat(CATALOGUE_LIMITS.labelMaxLength + 1), definition: "D".repeat(CATALOGUE_LIMITS.definitionMaxLength + 1) });
    expect(found(checkCatalogueItem(over))).toEqual([
      ["TOO_LONG", "label"],
      ["TOO_LONG", "definition"],
    ]);
  });

  it("R-CAT-1: refuses a modality or phase not on its list", () => {
    const item = adminItem({ modality: "SPIRITUAL" as CatalogueItem["modality"], phase: "SOMETIMES" as CatalogueItem["phase"] });
    expect(found(checkCatalogueItem(item))).toEqual([
      ["INVALID_VALUE", "modality"],
      ["INVALID_VALUE", "phase"],
    ]);
  });

  it("R-CAT-1: refuses two sub-types with one code, pointing at the second", () => {
    const item = adminItem({
      subTypes: [
        { code: "WALKING", label: "Walking group", needDomain: null },
        { code: "WALKING", label: "Running group", needDomain: null },
      ],
    });
    expect(found(checkCatalogueItem(item))).toEqual([["INVALID_VALUE", "subTypes.1.code"]]);
  });

  it("R-CAT-1: refuses a sub-type with a badly shaped code, no label or an unknown need domain", () => {
    const item = adminItem({ subTypes: [{ code: "walking", label: "", needDomain: "HOBBIES" as never }] });
    expect(found(checkCatalogueItem(item))).toEqual([
      ["INVALID_VALUE", "subTypes.0.code"],
      ["REQUIRED", "subTypes.0.label"],
      ["INVALID_VALUE", "subTypes.0.needDomain"],
    ]);
  });

  it("R-CAT-1: refuses 'needs a sub-type' on an item with no sub-types", () => {
    const item = adminItem({ switches: { ...NO_SWITCHES, needsSubType: true } });
    expect(found(checkCatalogueItem(item))).toEqual([["INVALID_VALUE", "switches.needsSubType"]]);
  });

  it("R-CAT-1: refuses 'needs an assessed need' unless every sub-type has a need domain and a sub-type is required", () => {
    const noDomain = { ...socialSupport, subTypes: [...socialSupport.subTypes, { code: "HOBBY", label: "Hobby support", needDomain: null }] };
    expect(found(checkCatalogueItem(noDomain))).toEqual([["INVALID_VALUE", "switches.needsAssessedNeed"]]);
    const subTypeOptional = { ...socialSupport, switches: { ...socialSupport.switches, needsSubType: false } };
    expect(found(checkCatalogueItem(subTypeOptional))).toEqual([["INVALID_VALUE", "switches.needsAssessedNeed"]]);
    expect(checkCatalogueItem(socialSupport).ok).toBe(true);
  });

  it("R-CAT-1: refuses a contact schedule on an item that is not post-treatment", () => {
    const item = adminItem({ switches: { ...NO_SWITCHES, needsContactSchedule: true } });
    expect(found(checkCatalogueItem(item))).toEqual([["INVALID_VALUE", "switches.needsContactSchedule"]]);
    expect(checkCatalogueItem(adminItem({ phase: "POST_TREATMENT", switches: { ...NO_SWITCHES, needsContactSchedule: true } })).ok).toBe(true);
  });

  it("R-CAT-1: refuses 'needs a concurrent intervention' on a post-treatment item", () => {
    const item = adminItem({ phase: "POST_TREATMENT" });
    expect(found(checkCatalogueItem(item))).toEqual([["INVALID_VALUE", "switches.needsConcurrentModality"]]);
  });

  it("R-CAT-1: refuses opioid substitution on an item that is not pharmacological", () => {
    const item = adminItem({ switches: { ...NO_SWITCHES, opioidSubstitution: true } });
    expect(found(checkCatalogueItem(item))).toEqual([["INVALID_VALUE", "switches.opioidSubstitution"]]);
    expect(checkCatalogueItem(adminItem({ modality: "PHARMACOLOGICAL", switches: { ...NO_SWITCHES, opioidSubstitution: true } })).ok).toBe(true);
  });

  it("R-CAT-1: refuses a switch that is neither on nor off", () => {
    const item = adminItem({ switches: { ...NO_SWITCHES, sustainedOnly: "yes" as unknown as boolean } });
    expect(found(checkCatalogueItem(item))).toEqual([["INVALID_VALUE", "switches.sustainedOnly"]]);
  });
});

describe("checkNewCatalogueItem (R-CAT-1)", () => {
  const catalogue = catalogueOf([...DEFAULT_CATALOGUE, retiredCatalogueItem(adminItem({ code: "ROSC_OLD_CAFE" }))]);

  it("R-CAT-1: accepts a new item with a code no item has used", () => {
    expect(checkNewCatalogueItem(adminItem(), catalogue)).toEqual({ ok: true });
  });

  it("R-CAT-1: refuses a code already used, even by a retired item, so history keeps its meaning", () => {
    expect(found(checkNewCatalogueItem(adminItem({ code: "COUNSELLING" }), catalogue))).toEqual([["INVALID_VALUE", "code"]]);
    expect(found(checkNewCatalogueItem(adminItem({ code: "ROSC_OLD_CAFE" }), catalogue))).toEqual([["INVALID_VALUE", "code"]]);
  });
});

describe("checkCatalogueEdit (R-CAT-1)", () => {
  it("R-CAT-1: lets an item in use change its label, definition, phase and switches, and gain a sub-type", () => {
    const after = {
      ...socialSupport,
      label: "Social, money and relationship support",
      definition: `${socialSupport.definition} Includes help with digital access.`,
      switches: { ...socialSupport.switches, needsConcurrentModality: false },
      subTypes: [...socialSupport.subTypes, { code: "DIGITAL_ACCESS", label: "Digital access support", needDomain: "FINANCE" as const }],
    };
    expect(checkCatalogueEdit(socialSupport, after, true)).toEqual({ ok: true });
  });

  it("R-CAT-1: refuses to re-code an item in use", () => {
    const result = checkCatalogueEdit(adminItem(), adminItem({ code: "ROSC_COMMUNITY_CAFE" }), true);
    expect(found(result)).toEqual([["CATALOGUE_ITEM_IN_USE", "code"]]);
    expect(violationsOf(result)[0]?.message).toMatch(/ROSC_RECOVERY_CAFE/);
  });

  it("R-CAT-1: lets an item nothing uses be re-coded, unless the new code is taken", () => {
    expect(checkCatalogueEdit(adminItem(), adminItem({ code: "ROSC_COMMUNITY_CAFE" }), false)).toEqual({ ok: true });
    const catalogue = catalogueOf(DEFAULT_CATALOGUE);
    expect(found(checkCatalogueEdit(adminItem(), adminItem({ code: "ROSC_PEER_SUPPORT" }), false, catalogue))).toEqual([["INVALID_VALUE", "code"]]);
  });

  it("R-CAT-1: refuses to remove or re-code a sub-type of an item in use", () => {
    const removed = { ...socialSupport, subTypes: socialSupport.subTypes.filter((subType) => subType.code !== "HOUSING") };
    expect(found(checkCatalogueEdit(socialSupport, removed, true))).toEqual([["CATALOGUE_ITEM_IN_USE", "subTypes"]]);
    const recoded = {
      ...socialSupport,
      subTypes: socialSupport.subTypes.map((subType) => (subType.code === "FAMILY" ? { ...subType, code: "FAMILY_SUPPORT" } : subType)),
    };
    expect(found(checkCatalogueEdit(socialSupport, recoded, true))).toEqual([["CATALOGUE_ITEM_IN_USE", "subTypes"]]);
    expect(checkCatalogueEdit(socialSupport, removed, false).ok).toBe(true);
  });

  it("R-CAT-1: refuses to change the modality of an item in use", () => {
    const result = checkCatalogueEdit(adminItem(), adminItem({ modality: "PSYCHOSOCIAL" }), true);
    expect(found(result)).toEqual([["CATALOGUE_ITEM_IN_USE", "modality"]]);
    expect(checkCatalogueEdit(adminItem(), adminItem({ modality: "PSYCHOSOCIAL" }), false).ok).toBe(true);
  });

  it("R-CAT-1: still checks the edited item itself", () => {
    expect(found(checkCatalogueEdit(adminItem(), adminItem({ label: "" }), false))).toEqual([["REQUIRED", "label"]]);
  });
});

describe("deleting and retiring (R-CAT-1)", () => {
  it("R-CAT-1: refuses to delete an item in use and says to retire it instead", () => {
    const result = checkCatalogueDelete(adminItem(), true);
    expect(found(result)).toEqual([["CATALOGUE_ITEM_IN_USE", ""]]);
    expect(violationsOf(result)[0]?.message).toMatch(/Retire it instead/);
  });

  it("R-CAT-1: deletes an item nothing uses", () => {
    expect(checkCatalogueDelete(adminItem(), false)).toEqual({ ok: true });
  });

  it("R-CAT-1: always allows retiring, and a retired item keeps its code and meaning", () => {
    expect(checkCatalogueRetire(adminItem())).toEqual({ ok: true });
    const retired = retiredCatalogueItem(adminItem());
    expect(retired).toEqual({ ...adminItem(), retired: true });
    expect(checkCatalogueItem(retired).ok).toBe(true);
  });
});
