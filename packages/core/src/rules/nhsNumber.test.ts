import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkNhsNumber, formatNhsNumber, isValidNhsNumber } from "./nhsNumber.js";

describe("NHS number (modulus 11)", () => {
  it("accepts valid numbers, with or without the usual spacing", () => {
    expect(isValidNhsNumber("9434765919")).toBe(true);
    expect(isValidNhsNumber("943 476 5919")).toBe(true);
    expect(isValidNhsNumber("4010232137")).toBe(true);
  });

  it("refuses a wrong check digit, wrong lengths and letters", () => {
    expect(isValidNhsNumber("9434765918")).toBe(false);
    expect(isValidNhsNumber("943476591")).toBe(false);
    expect(isValidNhsNumber("94347659190")).toBe(false);
    expect(isValidNhsNumber("94347659AB")).toBe(false);
  });

  it("refuses a number whose check value is 10, which is never issued", () => {
    // 1,0,0,0,0,0,0,0,1 weighs 10 + 2 = 12; 12 mod 11 = 1; 11 - 1 = 10.
    for (let last = 0; last <= 9; last += 1) expect(isValidNhsNumber(`100000001${last}`)).toBe(false);
  });

  it("exactly one check digit makes any nine digits valid, or none when the check value is 10", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (stem) => {
        const valid = Array.from({ length: 10 }, (_, digit) => `${stem}${digit}`).filter(isValidNhsNumber);
        expect(valid.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("an NHS number is optional, but one that is given must be valid", () => {
    expect(checkNhsNumber(null).ok).toBe(true);
    expect(checkNhsNumber("").ok).toBe(true);
    expect(checkNhsNumber("1234567890")).toMatchObject({ ok: false, violations: [{ code: "INVALID_NHS_NUMBER", field: "nhsNumber" }] });
  });

  it("formats as 3-3-4", () => {
    expect(formatNhsNumber("9434765919")).toBe("943 476 5919");
  });
});
