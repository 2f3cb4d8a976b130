import { describe, expect, it } from "vitest";
import { exitsKpi } from "./k07Exits.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

describe("K-7 exits", () => {
  it("K-7: counts discharges in the period by reason and by planned, transferred and unplanned category", () => {
    const b = new ProviderDataBuilder();
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-04-01", reason: "COMPLETED_DRUG_FREE" } });
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-06-30", reason: "COMPLETED_ALCOHOL_FREE" } });
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-05-01", reason: "TRANSFERRED_IN_CUSTODY" } });
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-05-01", reason: "DROPPED_OUT" } });
    // Never started treatment: still an exit.
    b.episode(b.person(), { referred: "2025-04-10", discharged: { date: "2025-04-20", reason: "INAPPROPRIATE_REFERRAL" } });
    // Outside the period, and entered in error.
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-03-31", reason: "DROPPED_OUT" } });
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-07-01", reason: "DROPPED_OUT" } });
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-05-01", reason: "DROPPED_OUT" }, enteredInError: true });
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });

    const result = exitsKpi(b.build(), Q1);
    expect(result).toMatchObject({ id: "K-7", numerator: 2, denominator: 5, value: 0.4 });
    expect(result.byCategory).toEqual([
      { key: "PLANNED", label: "Planned (successful completion)", count: 2 },
      { key: "TRANSFERRED", label: "Transferred", count: 1 },
      { key: "UNPLANNED", label: "Unplanned", count: 2 },
    ]);
    const byReason = Object.fromEntries(result.byReason.map((entry) => [entry.key, entry.count]));
    expect(byReason).toMatchObject({
      COMPLETED_DRUG_FREE: 1,
      COMPLETED_ALCOHOL_FREE: 1,
      COMPLETED_OCCASIONAL_USER: 0,
      TRANSFERRED_IN_CUSTODY: 1,
      DROPPED_OUT: 1,
      INAPPROPRIATE_REFERRAL: 1,
      CLIENT_DIED: 0,
    });
    expect(result.byReason).toHaveLength(12);
  });

  it("K-7: gives a null planned share when no one left in the period", () => {
    const result = exitsKpi(new ProviderDataBuilder().build(), Q1);
    expect(result).toMatchObject({ numerator: 0, denominator: 0, value: null });
    expect(result.byCategory.every((category) => category.count === 0)).toBe(true);
  });

  it("K-7: breaks the planned share down by keyworker, with no keyworker last", () => {
    const b = new ProviderDataBuilder();
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", keyworkerId: null, discharged: { date: "2025-05-01", reason: "DROPPED_OUT" } });
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", keyworkerId: "s-bob", discharged: { date: "2025-05-01", reason: "COMPLETED_DRUG_FREE" } });
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", keyworkerId: "s-ann", discharged: { date: "2025-05-01", reason: "DROPPED_OUT" } });
    expect(exitsKpi(b.build(), Q1, { breakdown: "KEYWORKER" }).groups).toEqual([
      { key: "s-ann", label: "Ann Keyworker", numerator: 0, denominator: 1, value: 0 },
      { key: "s-bob", label: "Bob Keyworker", numerator: 1, denominator: 1, value: 1 },
      { key: "NOT_ALLOCATED", label: "No keyworker", numerator: 0, denominator: 1, value: 0 },
    ]);
  });
});
