import { describe, expect, it } from "vitest";
import { roscCoverageKpi } from "./k13RoscCoverage.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

describe("K-13 ROSC coverage", () => {
  it("K-13: counts episodes in treatment with recovery support under way in the period, once each and per item", () => {
    const b = new ProviderDataBuilder();
    const both = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });
    b.intervention(both, { code: "PEER_SUPPORT", start: "2025-02-01", end: "2025-04-01" });
    b.intervention(both, { code: "MUTUAL_AID", start: "2025-06-30" });
    b.intervention(both, { code: "MUTUAL_AID", start: "2025-05-01" });
    const aftercare = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-05-01", reason: "COMPLETED_DRUG_FREE" } });
    b.intervention(aftercare, { code: "AFTERCARE", start: "2025-05-02" });
    const endedBefore = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });
    b.intervention(endedBefore, { code: "PEER_SUPPORT", start: "2025-02-01", end: "2025-03-31" });
    const erroneous = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });
    b.intervention(erroneous, { code: "PEER_SUPPORT", start: "2025-04-01", enteredInError: true });
    b.intervention(erroneous, { code: "NEEDLE_EXCHANGE", start: "2025-04-01" });
    // Recovery support without structured treatment: not in the denominator at all.
    const notInTreatment = b.episode(b.person(), { referred: "2025-04-01" });
    b.intervention(notInTreatment, { code: "PEER_SUPPORT", start: "2025-04-02" });

    const result = roscCoverageKpi(b.build(), Q1);
    expect(result).toMatchObject({ id: "K-13", numerator: 2, denominator: 4, value: 0.5 });
    expect(result.byItem).toEqual([
      { key: "PEER_SUPPORT", label: "peer support", numerator: 1, denominator: 4, value: 0.25 },
      { key: "MUTUAL_AID", label: "mutual aid", numerator: 1, denominator: 4, value: 0.25 },
      { key: "AFTERCARE", label: "aftercare", numerator: 1, denominator: 4, value: 0.25 },
    ]);
  });

  it("K-13: gives null values when no one was in treatment", () => {
    const result = roscCoverageKpi(new ProviderDataBuilder().build(), Q1);
    expect(result).toMatchObject({ numerator: 0, denominator: 0, value: null });
    expect(result.byItem.every((item) => item.value === null)).toBe(true);
  });
});
