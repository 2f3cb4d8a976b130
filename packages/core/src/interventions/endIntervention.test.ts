import { describe, expect, it } from "vitest";
import { checkEndIntervention } from "./endIntervention.js";
import { ENTERED_IN_ERROR, TODAY, codesOf, fieldsOf, methadone } from "./testing/scenario.js";

describe("checkEndIntervention", () => {
  it("R-DATE-1: accepts an end on the start date or any day up to today", () => {
    expect(checkEndIntervention(methadone(), "2024-01-25", TODAY)).toEqual({ ok: true });
    expect(checkEndIntervention(methadone(), TODAY, TODAY)).toEqual({ ok: true });
  });

  it("R-DATE-1: refuses an end in the future, before the start, or not a real date", () => {
    expect(fieldsOf(checkEndIntervention(methadone(), "2024-07-01", TODAY))).toEqual(["endDate"]);
    expect(codesOf(checkEndIntervention(methadone(), "2024-01-24", TODAY))).toEqual(["INVALID_DATE"]);
    expect(codesOf(checkEndIntervention(methadone(), "2024-02-30", TODAY))).toEqual(["INVALID_DATE"]);
  });

  it("R-INT-1: refuses to end an intervention that has already ended, or one entered in error", () => {
    expect(codesOf(checkEndIntervention(methadone({ endDate: "2024-03-01" }), "2024-04-01", TODAY))).toEqual(["INTERVENTION_NOT_ALLOWED"]);
    expect(codesOf(checkEndIntervention(methadone({ enteredInError: ENTERED_IN_ERROR }), "2024-04-01", TODAY))).toEqual(["INTERVENTION_NOT_ALLOWED"]);
  });
});
