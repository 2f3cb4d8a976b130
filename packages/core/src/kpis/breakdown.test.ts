import { describe, expect, it } from "vitest";
import { ageBandAtPeriodStart, breakdownGroupOf, episodeMatchesFilter, kpiRatio } from "./breakdown.js";
import { kpiContext } from "./context.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

describe("indicator breakdowns and filters (DOMAIN §7)", () => {
  it("places a person in the age band of their age on the first day of the period", () => {
    expect(ageBandAtPeriodStart("2007-04-01", Q1)).toBe("AGE_18_24");
    expect(ageBandAtPeriodStart("2007-04-02", Q1)).toBe("UNDER_18");
    expect(ageBandAtPeriodStart("1960-04-01", Q1)).toBe("AGE_65_PLUS");
  });

  it("labels groups from the team and staff records, falling back to the id for one no longer on file", () => {
    const b = new ProviderDataBuilder();
    b.episode(b.person(), { referred: "2025-04-01", teamId: "t-closed", keyworkerId: "s-left" });
    b.episode(b.person({ postcode: "not known" }), { referred: "2025-04-01", keyworkerId: null, substances: [] });
    const context = kpiContext(b.build(), Q1);
    const [gone, unallocated] = context.episodes;
    if (!gone || !unallocated) throw new Error("expected two episodes");
    expect(breakdownGroupOf("TEAM", gone, context.data, Q1)).toEqual({ key: "t-closed", label: "t-closed" });
    expect(breakdownGroupOf("KEYWORKER", gone, context.data, Q1)).toEqual({ key: "s-left", label: "s-left" });
    expect(breakdownGroupOf("KEYWORKER", unallocated, context.data, Q1)).toEqual({ key: "NOT_ALLOCATED", label: "No keyworker" });
    expect(breakdownGroupOf("COHORT", unallocated, context.data, Q1)).toEqual({ key: "NOT_RECORDED", label: "Not recorded" });
    expect(breakdownGroupOf("POSTCODE_DISTRICT", unallocated, context.data, Q1)).toEqual({ key: "NOT_RECORDED", label: "Not recorded" });
    expect(breakdownGroupOf("ETHNICITY", gone, context.data, Q1)).toEqual({
      key: "WHITE_BRITISH",
      label: "White: English, Welsh, Scottish, Northern Irish or British",
    });
  });

  it("matches null in a filter list to an episode with no value, and an empty list to nothing", () => {
    const b = new ProviderDataBuilder();
    b.episode(b.person({ postcode: null }), { referred: "2025-04-01", keyworkerId: null, substances: [] });
    const context = kpiContext(b.build(), Q1);
    const [facts] = context.episodes;
    if (!facts) throw new Error("expected an episode");
    expect(episodeMatchesFilter(facts, { keyworkerIds: [null], cohorts: [null], postcodeDistricts: [null] }, Q1)).toBe(true);
    expect(episodeMatchesFilter(facts, { keyworkerIds: ["s-ann"] }, Q1)).toBe(false);
    expect(episodeMatchesFilter(facts, { teamIds: [] }, Q1)).toBe(false);
    expect(episodeMatchesFilter(facts, {}, Q1)).toBe(true);
  });

  it("gives a ratio of null, not 0, when the denominator is 0", () => {
    expect(kpiRatio(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(kpiRatio(0, 4)).toEqual({ numerator: 0, denominator: 4, value: 0 });
    expect(kpiRatio(3, 4)).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
  });
});
