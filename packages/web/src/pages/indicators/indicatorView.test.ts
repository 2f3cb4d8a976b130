import { describe, expect, it } from "vitest";
import { indicatorViewOf, isIsoDate, paramsOf, periodProblems, quickPeriodOf, quickPeriods } from "./indicatorView.js";

describe("the indicators dashboard's period choices", () => {
  it("offers this quarter so far, the last whole quarter and the last 12 months around today", () => {
    expect(quickPeriods("2026-12-04")).toEqual([
      { key: "THIS_QUARTER", label: "This quarter so far", from: "2026-10-01", to: "2026-12-04" },
      { key: "LAST_QUARTER", label: "Last quarter", from: "2026-07-01", to: "2026-09-30" },
      { key: "LAST_12_MONTHS", label: "Last 12 months", from: "2025-12-05", to: "2026-12-04" },
    ]);
  });

  it("takes last quarter back across the new year, and ends a quarter on its true last day", () => {
    const [thisQuarter, lastQuarter] = quickPeriods("2025-02-10");
    expect(thisQuarter).toMatchObject({ from: "2025-01-01", to: "2025-02-10" });
    expect(lastQuarter).toMatchObject({ from: "2024-10-01", to: "2024-12-31" });
    expect(quickPeriods("2024-05-31")[1]).toMatchObject({ from: "2024-01-01", to: "2024-03-31" });
  });

  it("counts twelve months from a leap day without inventing a 29 February", () => {
    expect(quickPeriods("2024-02-29")[2]).toMatchObject({ from: "2023-03-01", to: "2024-02-29" });
    expect(quickPeriods("2025-02-28")[2]).toMatchObject({ from: "2024-02-29", to: "2025-02-28" });
  });

  it("recognises a quick choice from its dates, and a typed period as none", () => {
    expect(quickPeriodOf({ from: "2026-07-01", to: "2026-09-30" }, "2026-12-04")?.label).toBe("Last quarter");
    expect(quickPeriodOf({ from: "2026-07-01", to: "2026-09-29" }, "2026-12-04")).toBeNull();
  });
});

describe("the indicators dashboard's view in the address", () => {
  it("starts on the last 12 months, every team, no breakdown", () => {
    expect(indicatorViewOf(new URLSearchParams(), "2026-12-04")).toEqual({ from: "2025-12-05", to: "2026-12-04", teamId: null, breakdown: null });
  });

  it("reads back the view it writes", () => {
    const view = { from: "2025-01-01", to: "2025-03-31", teamId: "VGVhbTox", breakdown: "AGE_BAND" } as const;
    expect(indicatorViewOf(paramsOf(view), "2026-12-04")).toEqual(view);
  });

  it("ignores a breakdown it does not offer and dates that are not real days", () => {
    const view = indicatorViewOf(new URLSearchParams("from=2025-02-30&to=2025-03-31&breakdown=NAME"), "2026-12-04");
    expect(view).toEqual({ from: "2025-12-05", to: "2026-12-04", teamId: null, breakdown: null });
  });
});

describe("checking a typed period before asking for it", () => {
  it("names the field and the rule for a missing, impossible or backwards period", () => {
    expect(periodProblems(null, "2025-03-31")).toEqual({ "period.from": "Enter the first day of the period" });
    expect(periodProblems("2025-02-30", "2025-03-31")).toEqual({ "period.from": "The first day of the period must be a real date" });
    expect(periodProblems("2025-03-31", "2025-01-01")).toEqual({ "period.to": "The last day of the period must be the same as or after the first day" });
    expect(periodProblems("2025-01-01", "2025-01-01")).toEqual({});
  });

  it("accepts only real calendar days written YYYY-MM-DD", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("1/3/2025")).toBe(false);
  });
});
