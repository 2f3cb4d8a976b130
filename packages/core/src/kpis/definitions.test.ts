import { describe, expect, it } from "vitest";
import { KPI_IDS } from "../rules/ruleIds.js";
import { KPI_DEFINITIONS, kpiDefinitionOf } from "./definitions.js";
import { REVIEWS_ON_TIME_TARGET } from "./k03ReviewsOnTime.js";
import { SHARED_CARE_TARGET } from "./k09SharedCare.js";
import { DEFAULT_WAITING_TIME_TARGET_DAYS } from "../records/organisation.js";

describe("written definitions of the indicators (DOMAIN §7)", () => {
  it("K-1..K-14: defines every indicator once, in order, with a title and a definition", () => {
    expect(KPI_DEFINITIONS.map((definition) => definition.id)).toEqual([...KPI_IDS]);
    for (const definition of KPI_DEFINITIONS) {
      expect(definition.title.length).toBeGreaterThan(3);
      expect(definition.definition.length).toBeGreaterThan(60);
      expect(definition.numerator.length).toBeGreaterThan(10);
    }
  });

  it("K-3, K-9, K-2: carries DOMAIN's targets, the same ones the figures are returned with", () => {
    expect(kpiDefinitionOf("K-3").target).toMatchObject({ value: REVIEWS_ON_TIME_TARGET, unit: "FRACTION" });
    expect(REVIEWS_ON_TIME_TARGET).toBe(0.8);
    expect(kpiDefinitionOf("K-9").target).toMatchObject({ value: SHARED_CARE_TARGET, unit: "FRACTION" });
    expect(SHARED_CARE_TARGET).toBe(0.5);
    expect(kpiDefinitionOf("K-2").target).toMatchObject({ value: DEFAULT_WAITING_TIME_TARGET_DAYS, unit: "DAYS" });
    const withTargets = KPI_DEFINITIONS.filter((definition) => definition.target !== null).map((definition) => definition.id);
    expect(withTargets).toEqual(["K-2", "K-3", "K-9"]);
  });

  it("K-1: the plain count has no denominator; every other indicator names what it divides by", () => {
    expect(kpiDefinitionOf("K-1").denominator).toBeNull();
    for (const id of KPI_IDS.filter((id) => id !== "K-1")) {
      expect(kpiDefinitionOf(id).denominator).not.toBeNull();
    }
  });
});
