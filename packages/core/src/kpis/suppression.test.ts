import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpiRatio } from "./breakdown.js";
import { SUPPRESSED_VALUE, suppressRatio, suppressSmallCounts } from "./suppression.js";

describe("small-count suppression for analysts (DOMAIN §7)", () => {
  it("shows 0 and counts from 5 up, and hides 1 to 4 as <5", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 120].map((count) => suppressSmallCounts(count))).toEqual([0, "<5", "<5", "<5", "<5", 5, 6, 120]);
  });

  it("uses the threshold it is given", () => {
    expect(suppressSmallCounts(9, 10)).toBe("<10");
    expect(suppressSmallCounts(10, 10)).toBe(10);
  });

  it("refuses a fraction, a negative count or a threshold below 1", () => {
    expect(() => suppressSmallCounts(0.5)).toThrow(RangeError);
    expect(() => suppressSmallCounts(-1)).toThrow(RangeError);
    expect(() => suppressSmallCounts(3, 0)).toThrow(RangeError);
  });

  it("never reveals a count from 1 to threshold - 1", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 20 }), (count, threshold) => {
        const shown = suppressSmallCounts(count, threshold);
        if (count >= 1 && count < threshold) expect(shown).toBe(`<${threshold}`);
        else expect(shown).toBe(count);
      }),
    );
  });

  it("hides a ratio's numerator when the people not in it are few, and the fraction with it", () => {
    expect(suppressRatio(kpiRatio(98, 100))).toEqual({ numerator: SUPPRESSED_VALUE, denominator: 100, value: SUPPRESSED_VALUE });
    expect(suppressRatio(kpiRatio(3, 30))).toEqual({ numerator: "<5", denominator: 30, value: SUPPRESSED_VALUE });
    expect(suppressRatio(kpiRatio(3, 3))).toEqual({ numerator: "<5", denominator: "<5", value: SUPPRESSED_VALUE });
    expect(suppressRatio(kpiRatio(50, 100))).toEqual({ numerator: 50, denominator: 100, value: 0.5 });
    expect(suppressRatio(kpiRatio(0, 0))).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(suppressRatio(kpiRatio(0, 12))).toEqual({ numerator: 0, denominator: 12, value: 0 });
  });

  it("never lets a small count be read from a suppressed ratio, directly or by difference", () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), (a, b) => {
        const [numerator, denominator] = a <= b ? [a, b] : [b, a];
        const shown = suppressRatio(kpiRatio(numerator, denominator));
        const isSmall = (count: number) => count >= 1 && count <= 4;
        const shownCounts = [shown.numerator, shown.denominator].filter((part): part is number => typeof part === "number");
        expect(shownCounts.some(isSmall)).toBe(false);
        if (typeof shown.numerator === "number" && typeof shown.denominator === "number") {
          expect(isSmall(shown.denominator - shown.numerator)).toBe(false);
        } else {
          expect(shown.value).toBe(SUPPRESSED_VALUE);
        }
      }),
    );
  });
});
