import { describe, expect, it } from "vitest";
import { topComplianceKpi } from "./k04TopCompliance.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

function toppedCaseload() {
  const b = new ProviderDataBuilder();
  // START due 10 April, recorded two days later.
  const recorded = b.treated(b.person(), { referred: "2025-04-01", start: "2025-04-10" });
  b.top(recorded, "START", "2025-04-12");
  // START due 15 April, none: missing once its 28 days have passed.
  b.treated(b.person(), { referred: "2025-04-01", start: "2025-04-15" });
  // START due 10 June, none yet: still in its recording window on 30 June.
  b.treated(b.person(), { referred: "2025-06-01", start: "2025-06-10" });
  // REVIEW due 5 May (six months after the start), recorded 20 May.
  const review = b.treated(b.person(), { referred: "2024-11-01", start: "2024-11-05" });
  b.top(review, "START", "2024-11-05");
  b.top(review, "REVIEW", "2025-05-20");
  // EXIT due at discharge on 1 May, none.
  const exit = b.treated(b.person(), { referred: "2024-10-15", start: "2024-10-20", discharged: { date: "2025-05-01", reason: "DROPPED_OUT" } });
  b.top(exit, "START", "2024-10-20");
  // START due 2 April, the only TOP entered in error.
  const erroneous = b.treated(b.person(), { referred: "2025-04-01", start: "2025-04-02" });
  b.top(erroneous, "START", "2025-04-02", { enteredInError: true });
  return b.build();
}

describe("K-4 TOP compliance", () => {
  it("K-4: divides TOPs recorded by the TOPs due in the period that are recorded or missing (R-TOP-2)", () => {
    const result = topComplianceKpi(toppedCaseload(), Q1);
    expect(result).toMatchObject({ id: "K-4", numerator: 2, denominator: 5, value: 0.4 });
    expect(result.byStage).toEqual([
      { key: "START", label: "Start of treatment", numerator: 1, denominator: 3, value: 1 / 3 },
      { key: "REVIEW", label: "Review", numerator: 1, denominator: 1, value: 1 },
      { key: "EXIT", label: "Exit", numerator: 0, denominator: 1, value: 0 },
    ]);
  });

  it("K-4: judges a TOP still in its recording window once the window has closed", () => {
    expect(topComplianceKpi(toppedCaseload(), Q1, { asOf: "2025-07-15" })).toMatchObject({ numerator: 2, denominator: 6 });
  });

  it("K-4: gives a null value when no TOP fell due", () => {
    const b = new ProviderDataBuilder();
    b.episode(b.person(), { referred: "2025-04-01" });
    expect(topComplianceKpi(b.build(), Q1)).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });
});
