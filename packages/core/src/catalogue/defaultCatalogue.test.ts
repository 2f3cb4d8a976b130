import { describe, expect, it } from "vitest";
import type { Modality } from "../codes/clinical.js";
import { NO_SWITCHES, type CatalogueRuleSwitches } from "./catalogueItem.js";
import { checkCatalogueItem } from "./catalogueRules.js";
import { DEFAULT_CATALOGUE, defaultCatalogue } from "./defaultCatalogue.js";

const EXPECTED_CODES: Record<Modality, readonly string[]> = {
  RECOVERY_SUPPORT: [
    "ROSC_PEER_SUPPORT",
    "ROSC_FACILITATED_MUTUAL_AID",
    "ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT",
    "ROSC_AFTERCARE",
    "ROSC_RELAPSE_PREVENTION",
    "ROSC_DIVERSIONARY_ACTIVITIES",
  ],
  PHARMACOLOGICAL: [
    "OST_METHADONE",
    "OST_BUPRENORPHINE",
    "OPIOID_WITHDRAWAL",
    "ALCOHOL_WITHDRAWAL",
    "RELAPSE_PREVENTION_MEDICATION",
    "STABILISATION",
    "OTHER_PRESCRIBING",
  ],
  PSYCHOSOCIAL: [
    "MOTIVATIONAL_INTERVENTIONS",
    "CONTINGENCY_MANAGEMENT",
    "FAMILY_SOCIAL_NETWORK_INTERVENTIONS",
    "CBT_SUBSTANCE_USE",
    "PSYCHODYNAMIC_THERAPY",
    "MENTAL_HEALTH_FOCUSED_THERAPY",
    "COUNSELLING",
    "STRUCTURED_DAY_PROGRAMME",
    "OTHER_STRUCTURED_PSYCHOSOCIAL",
  ],
  HARM_REDUCTION: ["NEEDLE_SYRINGE_PROGRAMME", "NALOXONE_SUPPLY_TRAINING", "BBV_VACCINATION_TESTING"],
};

const catalogue = defaultCatalogue();

function switchesOf(code: string): CatalogueRuleSwitches {
  const item = catalogue.find(code);
  if (item === undefined) throw new Error(`missing ${code}`);
  return item.switches;
}

describe("the default intervention catalogue (DOMAIN §5)", () => {
  it.each(Object.entries(EXPECTED_CODES))("R-CAT-1: ships every %s item of §5 and no other", (modality, codes) => {
    const shipped = DEFAULT_CATALOGUE.filter((item) => item.modality === modality).map((item) => item.code);
    expect([...shipped].sort()).toEqual([...codes].sort());
  });

  it("R-CAT-1: gives every item a distinct stable code", () => {
    const codes = DEFAULT_CATALOGUE.map((item) => item.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(DEFAULT_CATALOGUE).toHaveLength(25);
  });

  it("R-CAT-1: every default item passes the checks an admin's item must pass", () => {
    const refused = DEFAULT_CATALOGUE.filter((item) => !checkCatalogueItem(item).ok).map((item) => item.code);
    expect(refused).toEqual([]);
  });

  it("R-CAT-1: ships every item current, with a label and a definition of its own", () => {
    for (const item of DEFAULT_CATALOGUE) {
      expect(item.retired).toBe(false);
      expect(item.label.length).toBeGreaterThan(3);
      expect(item.definition.length).toBeGreaterThan(40);
      expect(item.definition).not.toBe(item.label);
    }
  });

  it.each([
    ["ROSC_PEER_SUPPORT", { needsConcurrentModality: true }],
    ["ROSC_FACILITATED_MUTUAL_AID", { needsConcurrentModality: true, needsInterest: true }],
    ["ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT", { needsConcurrentModality: true, needsSubType: true, needsAssessedNeed: true }],
    ["ROSC_AFTERCARE", { needsContactSchedule: true }],
    ["ROSC_RELAPSE_PREVENTION", { needsSubType: true }],
    ["ROSC_DIVERSIONARY_ACTIVITIES", { needsConcurrentModality: true, sustainedOnly: true }],
  ] as const)("R-ROSC-1..6: %s has exactly the rule switches its rule needs", (code, switchesOn) => {
    expect(switchesOf(code)).toEqual({ ...NO_SWITCHES, ...switchesOn });
  });

  it("R-ROSC-4: aftercare and R-ROSC-5: relapse-prevention support are post-treatment; the other ROSC items run during treatment", () => {
    const phases = Object.fromEntries(EXPECTED_CODES.RECOVERY_SUPPORT.map((code) => [code, catalogue.find(code)?.phase]));
    expect(phases).toEqual({
      ROSC_PEER_SUPPORT: "IN_TREATMENT",
      ROSC_FACILITATED_MUTUAL_AID: "IN_TREATMENT",
      ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT: "IN_TREATMENT",
      ROSC_AFTERCARE: "POST_TREATMENT",
      ROSC_RELAPSE_PREVENTION: "POST_TREATMENT",
      ROSC_DIVERSIONARY_ACTIVITIES: "IN_TREATMENT",
    });
  });

  it("R-ROSC-2: social, financial and relationship support offers the seven sub-types, each tied to its need domain", () => {
    const subTypes = catalogue.find("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT")?.subTypes.map((subType) => [subType.code, subType.needDomain]);
    expect(subTypes).toEqual([
      ["FAMILY", "FAMILY_RELATIONSHIPS"],
      ["PARENTING", "PARENTING"],
      ["FINANCIAL", "FINANCE"],
      ["HOUSING", "HOUSING"],
      ["EMPLOYMENT", "EMPLOYMENT_EDUCATION"],
      ["EDUCATION_TRAINING", "EMPLOYMENT_EDUCATION"],
      ["SUPPORTED_WORK", "EMPLOYMENT_EDUCATION"],
    ]);
  });

  it("R-ROSC-5: relapse-prevention support offers a substance-focused and a mental-health-focused sub-type, with no need check", () => {
    const subTypes = catalogue.find("ROSC_RELAPSE_PREVENTION")?.subTypes.map((subType) => [subType.code, subType.needDomain]);
    expect(subTypes).toEqual([
      ["SUBSTANCE_FOCUSED", null],
      ["MENTAL_HEALTH_FOCUSED", null],
    ]);
  });

  it("R-DIS-2: only the methadone and buprenorphine items are opioid substitution", () => {
    const substitution = DEFAULT_CATALOGUE.filter((item) => item.switches.opioidSubstitution).map((item) => item.code);
    expect(substitution).toEqual(["OST_METHADONE", "OST_BUPRENORPHINE"]);
  });

  it("R-CAT-1: pharmacological and psychosocial items are for treatment, harm reduction for any time", () => {
    for (const item of DEFAULT_CATALOGUE) {
      if (item.modality === "PHARMACOLOGICAL" || item.modality === "PSYCHOSOCIAL") expect(item.phase).toBe("IN_TREATMENT");
      if (item.modality === "HARM_REDUCTION") expect(item.phase).toBe("ANY");
    }
  });

  it("R-CAT-1: only recovery-support items carry ROSC switches", () => {
    const roscSwitchNames = (Object.keys(NO_SWITCHES) as (keyof CatalogueRuleSwitches)[]).filter((name) => name !== "opioidSubstitution");
    const others = DEFAULT_CATALOGUE.filter((item) => item.modality !== "RECOVERY_SUPPORT");
    expect(others.filter((item) => roscSwitchNames.some((name) => item.switches[name])).map((item) => item.code)).toEqual([]);
  });
});
