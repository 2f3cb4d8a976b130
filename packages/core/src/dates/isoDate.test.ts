import { DateTimeParseException, LocalDate } from "@js-joda/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIsoDate } from "./isoDate.js";

/** The date library's verdict: whether it parses the text as an ISO calendar date. */
function parsesAsLocalDate(text: string): boolean {
  try {
    LocalDate.parse(text);
    return true;
  } catch (error) {
    if (error instanceof DateTimeParseException) return false;
    throw error;
  }
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

describe("isIsoDate", () => {
  it("accepts real calendar dates and refuses impossible ones", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2025-04-31")).toBe(false);
    expect(isIsoDate("2025-12-31")).toBe(true);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("2025-00-10")).toBe(false);
    expect(isIsoDate("2025-01-00")).toBe(false);
  });

  it("refuses anything not written YYYY-MM-DD", () => {
    for (const text of ["2025-1-01", "2025-01-1", "25-01-01", "2025/01/01", " 2025-01-01", "2025-01-01T00:00", "", "２０２５-01-01", "20x5-01-01", "2025-0a-01", "2025-01-0 ", "+025-01-01", "2025-01-01\n", "2025+01-01", "2025-01/01", "2025-:1-01", "2025-/1-01"]) expect(isIsoDate(text)).toBe(false);
    for (const value of [20250101, null, undefined, new Date(0), ["2025-01-01"]]) expect(isIsoDate(value)).toBe(false);
  });

  it("agrees with the date library on every year, month and day in range and just outside it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        expect(isIsoDate(text)).toBe(parsesAsLocalDate(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
