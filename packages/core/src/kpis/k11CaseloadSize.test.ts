import { describe, expect, it } from "vitest";
import { caseloadSizeKpi } from "./k11CaseloadSize.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

describe("K-11 caseload size", () => {
  it("K-11: counts episodes open at the end of the report date per keyworker, unallocated ones apart", () => {
    const b = new ProviderDataBuilder();
    b.episode(b.person(), { referred: "2025-06-30", keyworkerId: "s-ann" });
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", keyworkerId: "s-ann" });
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", keyworkerId: "s-bob", discharged: { date: "2025-07-01", reason: "DROPPED_OUT" } });
    b.episode(b.person(), { referred: "2025-05-01", keyworkerId: null });
    // Not open at the end of 30 June: discharged that day, referred the day after, entered in error.
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", keyworkerId: "s-bob", discharged: { date: "2025-06-30", reason: "DROPPED_OUT" } });
    b.episode(b.person(), { referred: "2025-07-01", keyworkerId: "s-bob" });
    b.episode(b.person(), { referred: "2025-01-01", keyworkerId: "s-bob", enteredInError: true });

    const result = caseloadSizeKpi(b.build(), Q1);
    expect(result).toEqual({
      id: "K-11",
      asOf: "2025-06-30",
      openEpisodes: 4,
      unallocated: 1,
      keyworkers: 2,
      meanCaseload: 1.5,
      caseloads: [
        { keyworkerId: "s-ann", label: "Ann Keyworker", openEpisodes: 2 },
        { keyworkerId: "s-bob", label: "Bob Keyworker", openEpisodes: 1 },
      ],
      groups: [],
    });
  });

  it("K-11: takes the snapshot on asOf when one is given", () => {
    const b = new ProviderDataBuilder();
    b.episode(b.person(), { referred: "2025-05-01", keyworkerId: "s-ann", discharged: { date: "2025-06-01", reason: "DROPPED_OUT" } });
    expect(caseloadSizeKpi(b.build(), Q1, { asOf: "2025-05-15" })).toMatchObject({ asOf: "2025-05-15", openEpisodes: 1, keyworkers: 1 });
  });

  it("K-11: gives the mean caseload per team group, keyworkers counted in each team they hold cases in", () => {
    const b = new ProviderDataBuilder();
    b.episode(b.person(), { referred: "2025-05-01", keyworkerId: "s-bob", teamId: "t-adults" });
    b.episode(b.person(), { referred: "2025-05-01", keyworkerId: "s-ann", teamId: "t-adults" });
    b.episode(b.person(), { referred: "2025-05-01", keyworkerId: "s-ann", teamId: "t-adults" });
    b.episode(b.person(), { referred: "2025-05-01", keyworkerId: "s-bob", teamId: "t-young" });
    const result = caseloadSizeKpi(b.build(), Q1, { breakdown: "TEAM" });
    expect(result.groups).toEqual([
      { key: "t-adults", label: "Adults", numerator: 3, denominator: 2, value: 1.5 },
      { key: "t-young", label: "Young people", numerator: 1, denominator: 1, value: 1 },
    ]);
    expect(result.meanCaseload).toBe(2);
  });

  it("K-11: gives a null mean when no one holds a case", () => {
    const b = new ProviderDataBuilder();
    b.episode(b.person(), { referred: "2025-05-01", keyworkerId: null });
    expect(caseloadSizeKpi(b.build(), Q1)).toMatchObject({ openEpisodes: 1, unallocated: 1, keyworkers: 0, meanCaseload: null });
  });
});
