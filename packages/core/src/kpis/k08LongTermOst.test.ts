import { describe, expect, it } from "vitest";
import { longTermOstKpi } from "./k08LongTermOst.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

describe("K-8 long-term OST", () => {
  it("K-8: counts people in treatment on OST for 2 and 6 years or more on the report date (R-OST-1)", () => {
    const b = new ProviderDataBuilder();
    const ostFrom = (start: string, options: { end?: string; discharged?: string } = {}) => {
      const episode = b.episode(b.person(), {
        referred: "2018-12-01",
        ...(options.discharged ? { discharged: { date: options.discharged, reason: "DROPPED_OUT" as const } } : {}),
      });
      b.intervention(episode, { code: "OST_METHADONE", start, end: options.end ?? null });
      return episode;
    };
    ostFrom("2023-06-30"); // exactly two years on 30 June 2025
    ostFrom("2023-07-01"); // one day short
    ostFrom("2019-01-01"); // six years and more
    ostFrom("2020-01-01", { end: "2025-06-30", discharged: "2025-06-30" }); // discharged on the report date
    const stopped = ostFrom("2020-01-01", { end: "2025-05-01" }); // off OST, still in treatment
    b.intervention(stopped, { code: "CBT", start: "2025-05-02" });
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" }); // never on OST

    const result = longTermOstKpi(b.build(), Q1);
    expect(result).toMatchObject({ id: "K-8", asOf: "2025-06-30", numerator: 2, denominator: 3 });
    expect(result.atLeastSixYears).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
  });

  it("K-8: keeps counting a spell that continues across a transfer to another team's episode", () => {
    const b = new ProviderDataBuilder();
    const person = b.person();
    const first = b.episode(person, { referred: "2021-12-01", discharged: { date: "2024-12-31", reason: "TRANSFERRED_NOT_IN_CUSTODY" } });
    b.intervention(first, { code: "OST_METHADONE", start: "2022-01-01", end: "2024-12-31" });
    const second = b.episode(person, { referred: "2025-01-02", teamId: "t-young", keyworkerId: "s-bob" });
    b.intervention(second, { code: "OST_BUPRENORPHINE", start: "2025-01-03" });
    const data = b.build();
    expect(longTermOstKpi(data, Q1)).toMatchObject({ numerator: 1, denominator: 1 });
    // Filtering to the new team does not restart the clock: the earlier episode is still the person's history.
    expect(longTermOstKpi(data, Q1, { filter: { teamIds: ["t-young"] } })).toMatchObject({ numerator: 1, denominator: 1 });
    expect(longTermOstKpi(data, Q1, { breakdown: "TEAM" }).groups).toEqual([
      { key: "t-young", label: "Young people", numerator: 1, denominator: 1, value: 1, atLeastSixYears: 0 },
    ]);
  });

  it("K-8: gives null values when no one is on OST", () => {
    const result = longTermOstKpi(new ProviderDataBuilder().build(), Q1);
    expect(result).toMatchObject({ numerator: 0, denominator: 0, value: null });
    expect(result.atLeastSixYears.value).toBeNull();
  });
});
