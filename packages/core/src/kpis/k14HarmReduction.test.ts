import { describe, expect, it } from "vitest";
import { harmReductionKpi, type HarmReductionMeasureKey } from "./k14HarmReduction.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

function numerators(result: ReturnType<typeof harmReductionKpi>): Record<HarmReductionMeasureKey, number> {
  return Object.fromEntries(result.measures.map((measure) => [measure.key, measure.numerator])) as Record<HarmReductionMeasureKey, number>;
}

describe("K-14 harm reduction", () => {
  it("K-14: counts naloxone issued and vaccination or testing offered or accepted, by the end of the period", () => {
    const b = new ProviderDataBuilder();
    const issuedLastYear = b.treated(b.person(), { referred: "2024-01-01", start: "2024-01-02" });
    b.harm(issuedLastYear, "2024-03-01", { naloxoneIssuedTo: "FAMILY_MEMBER", hepatitisBVaccination: "ACCEPTED" });
    const declined = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });
    b.harm(declined, "2025-06-30", { hepatitisBVaccination: "DECLINED", hepatitisCTest: "OFFERED" });
    const tooLate = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });
    b.harm(tooLate, "2025-07-01", { naloxoneIssuedTo: "SERVICE_USER", hepatitisCTest: "ACCEPTED" });
    b.harm(tooLate, "2025-05-01", { naloxoneIssuedTo: "SERVICE_USER", enteredInError: true });
    b.harm(tooLate, "2025-05-01", { hepatitisBVaccination: "NOT_OFFERED", hepatitisCTest: "ACCEPTED" });

    const result = harmReductionKpi(b.build(), Q1);
    expect(result.denominator).toBe(3);
    expect(numerators(result)).toEqual({
      NALOXONE_ISSUED: 1,
      HEPATITIS_B_VACCINATION_OFFERED: 2,
      HEPATITIS_B_VACCINATION_ACCEPTED: 1,
      HEPATITIS_C_TEST_OFFERED: 2,
      HEPATITIS_C_TEST_ACCEPTED: 1,
    });
    expect(result.measures.every((measure) => measure.denominator === 3)).toBe(true);
  });

  it("K-14: does not count a record from the person's earlier episode", () => {
    const b = new ProviderDataBuilder();
    const person = b.person();
    const earlier = b.treated(person, { referred: "2024-01-01", start: "2024-01-02", discharged: { date: "2024-06-01", reason: "DROPPED_OUT" } });
    b.harm(earlier, "2024-03-01", { naloxoneIssuedTo: "SERVICE_USER" });
    b.treated(person, { referred: "2025-01-01", start: "2025-01-02" });
    expect(numerators(harmReductionKpi(b.build(), Q1)).NALOXONE_ISSUED).toBe(0);
  });

  it("K-14: gives null values when no one was in treatment", () => {
    const result = harmReductionKpi(new ProviderDataBuilder().build(), Q1);
    expect(result.denominator).toBe(0);
    expect(result.measures.every((measure) => measure.value === null && measure.numerator === 0)).toBe(true);
  });
});
