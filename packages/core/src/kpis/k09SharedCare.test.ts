import { describe, expect, it } from "vitest";
import { sharedCareKpi } from "./k09SharedCare.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

describe("K-9 shared care", () => {
  it("K-9: counts pharmacological interventions under way in the period, primary care ones in the numerator", () => {
    const b = new ProviderDataBuilder();
    const episode = b.episode(b.person(), { referred: "2024-01-01" });
    b.intervention(episode, { code: "OST_METHADONE", start: "2024-02-01", setting: "PRIMARY_CARE" });
    b.intervention(episode, { code: "OST_BUPRENORPHINE", start: "2025-06-30", setting: "COMMUNITY" });
    b.intervention(episode, { code: "ALCOHOL_DETOX", start: "2025-03-01", end: "2025-04-01", setting: "PRIMARY_CARE" });
    // Not under way in the period, not pharmacological, or entered in error.
    b.intervention(episode, { code: "ALCOHOL_DETOX", start: "2025-03-01", end: "2025-03-31", setting: "PRIMARY_CARE" });
    b.intervention(episode, { code: "ALCOHOL_DETOX", start: "2025-07-01", setting: "PRIMARY_CARE" });
    b.intervention(episode, { code: "CBT", start: "2025-04-01", setting: "PRIMARY_CARE" });
    b.intervention(episode, { code: "OST_METHADONE", start: "2025-04-01", setting: "PRIMARY_CARE", enteredInError: true });
    b.intervention(episode, { code: "UNKNOWN_ITEM", start: "2025-04-01", setting: "PRIMARY_CARE" });
    expect(sharedCareKpi(b.build(), Q1)).toEqual({ id: "K-9", target: 0.5, numerator: 2, denominator: 3, value: 2 / 3, groups: [] });
  });

  it("K-9: leaves out interventions of an episode entered in error and gives null with nothing to count", () => {
    const b = new ProviderDataBuilder();
    const erroneous = b.episode(b.person(), { referred: "2025-01-01", enteredInError: true });
    b.intervention(erroneous, { code: "OST_METHADONE", start: "2025-02-01", setting: "PRIMARY_CARE" });
    expect(sharedCareKpi(b.build(), Q1)).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });
});
