import { describe, expect, it } from "vitest";
import { caseloadHeadline, medianWaitWords, ratioWords, targetVerdict } from "./indicatorPanels.js";

const ratio = (numerator: number | null, denominator: number | null, shown: [string, string]) => ({
  numerator,
  numeratorShown: shown[0],
  denominator,
  denominatorShown: shown[1],
  value: numerator !== null && denominator ? numerator / denominator : null,
  valueShown: "",
});

describe("judging an indicator against its target (DOMAIN §7)", () => {
  it("K-3: a share at or above the 80% floor is met, below it is not", () => {
    const target = { value: 0.8, unit: "FRACTION", text: "80% of reviews on time." } as const;
    expect(targetVerdict(target, 0.8)).toBe("MET");
    expect(targetVerdict(target, 0.79)).toBe("NOT_MET");
  });

  it("K-2: a days target is a ceiling on the median wait", () => {
    const target = { value: 21, unit: "DAYS", text: "21 days" } as const;
    expect(targetVerdict(target, 0.1, 21)).toBe("MET");
    expect(targetVerdict(target, 0.9, 22)).toBe("NOT_MET");
  });

  it("a hidden or empty figure is neither met nor missed", () => {
    expect(targetVerdict({ value: 0.5, unit: "FRACTION", text: "" }, null)).toBe("NOT_KNOWN");
    expect(targetVerdict({ value: 21, unit: "DAYS", text: "" }, 0.5, null)).toBe("NOT_KNOWN");
  });
});

describe("the words under a figure", () => {
  it("gives the counts as the API prints them, suppressed ones included", () => {
    expect(ratioWords(ratio(12, 40, ["12", "40"]))).toBe("12 of 40");
    expect(ratioWords(ratio(null, 21, ["<5", "21"]))).toBe("<5 of 21");
  });

  it("says no one was counted rather than 0 of 0 when nothing fell due", () => {
    expect(ratioWords(ratio(0, 0, ["0", "0"]))).toBe("No one was counted in this period, so there is no percentage");
  });

  it("K-2: a median wait reads in days, as no one waiting when none was counted, and as hidden when its waits are", () => {
    expect(medianWaitWords(17.5, 36)).toBe("17.5 days");
    expect(medianWaitWords(null, 0)).toBe("No one waited in this period");
    expect(medianWaitWords(null, null)).toBe("SUPPRESSED");
  });

  it("K-11: a hidden mean caseload reads SUPPRESSED, a provider with no keyworkers N/A", () => {
    expect(caseloadHeadline({ meanCaseload: 25.25, keyworkers: 4 })).toBe("25.3");
    expect(caseloadHeadline({ meanCaseload: null, keyworkers: 4 })).toBe("SUPPRESSED");
    expect(caseloadHeadline({ meanCaseload: null, keyworkers: 0 })).toBe("N/A");
  });
});
