import { describe, expect, it } from "vitest";
import { checkClinicalDate, periodViolations } from "./clinicalDates.js";

const bounds = { today: "2024-03-01", dateOfBirth: "1990-02-28", referralDate: "2024-01-10" };

describe("R-DATE-1: clinical dates", () => {
  it("R-DATE-1: accepts today, and a leap day that exists", () => {
    expect(checkClinicalDate("date", "2024-03-01", bounds).ok).toBe(true);
    expect(checkClinicalDate("date", "2024-02-29", bounds).ok).toBe(true);
  });

  it("R-DATE-1: refuses a date in the future, naming the field", () => {
    expect(checkClinicalDate("completedDate", "2024-03-02", bounds)).toEqual({
      ok: false,
      violations: [expect.objectContaining({ code: "INVALID_DATE", field: "completedDate" })],
    });
  });

  it("R-DATE-1: refuses a leap day in a year without one, and malformed dates", () => {
    for (const bad of ["2023-02-29", "2024-13-01", "01/02/2024", "", null, 20240101]) {
      expect(checkClinicalDate("date", bad, bounds)).toMatchObject({ ok: false, violations: [{ code: "INVALID_DATE" }] });
    }
  });

  it("R-DATE-1: refuses a date before the person's birth", () => {
    const result = checkClinicalDate("date", "1990-02-27", { today: "2024-03-01", dateOfBirth: "1990-02-28" });
    expect(result).toMatchObject({ ok: false, violations: [{ code: "INVALID_DATE", message: expect.stringContaining("28/02/1990") }] });
  });

  it("R-DATE-1: refuses a date before the referral was received", () => {
    expect(checkClinicalDate("date", "2024-01-09", bounds)).toMatchObject({ ok: false, violations: [{ code: "INVALID_DATE" }] });
    expect(checkClinicalDate("date", "2024-01-10", bounds).ok).toBe(true);
  });

  it("R-DATE-1: an end date is not before its start date; the same day is fine", () => {
    expect(periodViolations({ field: "startDate", date: "2024-02-01" }, { field: "endDate", date: "2024-01-31" }, bounds)).toEqual([
      expect.objectContaining({ code: "INVALID_DATE", field: "endDate" }),
    ]);
    expect(periodViolations({ field: "startDate", date: "2024-02-01" }, { field: "endDate", date: "2024-02-01" }, bounds)).toEqual([]);
    expect(periodViolations({ field: "startDate", date: "2024-02-01" }, { field: "endDate", date: null }, bounds)).toEqual([]);
  });

  it("R-DATE-1: a planned end may lie in the future, an actual end may not", () => {
    const start = { field: "startDate", date: "2024-02-01" };
    expect(periodViolations(start, { field: "plannedEndDate", date: "2024-09-01" }, bounds, true)).toEqual([]);
    expect(periodViolations(start, { field: "endDate", date: "2024-09-01" }, bounds)).toHaveLength(1);
  });
});
