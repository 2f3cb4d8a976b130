import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween } from "../dates/isoDate.js";
import { DEFAULT_SERVICE_SETTINGS } from "../records/organisation.js";
import { violationsOf } from "../rules/violation.js";
import { aftercareWindowMonths, checkAftercareSchedule, defaultAftercareSchedule } from "./aftercareSchedule.js";
import { DISCHARGE_DATE, codesOf, completed, fieldsOf, inTreatment, itemOf } from "./testing/scenario.js";

const aftercare = itemOf("ROSC_AFTERCARE");
const sixMonths = { ...DEFAULT_SERVICE_SETTINGS, aftercareMonths: 6 };
const threeMonths = { ...DEFAULT_SERVICE_SETTINGS, aftercareMonths: 3 };

function check(contactSchedule: string[], settings = sixMonths, episode = completed()) {
  return checkAftercareSchedule({ intervention: { contactSchedule }, item: aftercare, episode, settings });
}

describe("defaultAftercareSchedule (R-ROSC-4)", () => {
  it("R-ROSC-4: offers a check-up every four weeks after discharge for six months", () => {
    expect(defaultAftercareSchedule(DISCHARGE_DATE, sixMonths)).toEqual([
      "2024-06-28",
      "2024-07-26",
      "2024-08-23",
      "2024-09-20",
      "2024-10-18",
      "2024-11-15",
    ]);
  });

  it("R-ROSC-4: offers three check-ups when aftercare lasts three months", () => {
    expect(defaultAftercareSchedule(DISCHARGE_DATE, threeMonths)).toEqual(["2024-06-28", "2024-07-26", "2024-08-23"]);
  });

  it("R-ROSC-4: leaves out check-ups before a late aftercare start", () => {
    expect(defaultAftercareSchedule(DISCHARGE_DATE, threeMonths, "2024-07-01")).toEqual(["2024-07-26", "2024-08-23"]);
  });

  it("R-ROSC-4: holds the aftercare span within 3..6 months whatever the setting says", () => {
    expect([1, 3, 4.7, 6, 12, Number.NaN].map((aftercareMonths) => aftercareWindowMonths({ aftercareMonths }))).toEqual([3, 3, 4, 6, 6, 6]);
  });

  it("R-ROSC-4: the default schedule always passes the schedule rule: dates four weeks apart, after discharge, inside the window", () => {
    const dischargeDates = fc.integer({ min: 0, max: 3650 }).map((offset) => addDays("2020-01-01", offset));
    fc.assert(
      fc.property(dischargeDates, fc.integer({ min: 3, max: 6 }), (dischargeDate, aftercareMonths) => {
        const settings = { ...DEFAULT_SERVICE_SETTINGS, aftercareMonths };
        const schedule = defaultAftercareSchedule(dischargeDate, settings);
        expect(schedule.length).toBeGreaterThanOrEqual(aftercareMonths);
        expect(schedule[0]).toBe(addDays(dischargeDate, 28));
        schedule.slice(1).forEach((checkUp, index) => expect(daysBetween(schedule[index]!, checkUp)).toBe(28));
        expect(schedule.at(-1)! <= addMonths(dischargeDate, aftercareMonths)).toBe(true);
        expect(addDays(schedule.at(-1)!, 28) > addMonths(dischargeDate, aftercareMonths)).toBe(true);
        const episode = completed({ dischargeDate });
        expect(checkAftercareSchedule({ intervention: { contactSchedule: schedule }, item: aftercare, episode, settings })).toEqual({ ok: true });
      }),
    );
  });
});

describe("checkAftercareSchedule (R-ROSC-4)", () => {
  it("R-ROSC-4: accepts check-ups after discharge up to the end of the aftercare window", () => {
    expect(check(["2024-06-01", "2024-11-30"])).toEqual({ ok: true });
  });

  it("R-ROSC-4: refuses aftercare with no check-ups", () => {
    const result = check([]);
    expect(codesOf(result)).toEqual(["ROSC_POST_TREATMENT_ONLY"]);
    expect(fieldsOf(result)).toEqual(["contactSchedule"]);
  });

  it("R-ROSC-4: refuses a check-up on or before the discharge date, or beyond the window, naming each", () => {
    const result = check(["2024-05-31", "2024-07-01", "2024-12-01"]);
    expect(fieldsOf(result)).toEqual(["contactSchedule.0", "contactSchedule.2"]);
    expect(violationsOf(result)[1]?.message).toMatch(/no later than 30\/11\/2024 \(6 months\)/);
  });

  it("R-ROSC-4: a three-month setting shortens the window", () => {
    expect(check(["2024-08-31"], threeMonths).ok).toBe(true);
    expect(fieldsOf(check(["2024-09-01"], threeMonths))).toEqual(["contactSchedule.0"]);
  });

  it("R-ROSC-4: refuses the same check-up twice", () => {
    expect(fieldsOf(check(["2024-07-01", "2024-07-01"]))).toEqual(["contactSchedule.1"]);
  });

  it("R-ROSC-4: without a discharge date only the missing schedule is reported (the phase rule explains the rest)", () => {
    expect(check(["2024-03-01"], sixMonths, inTreatment()).ok).toBe(true);
    expect(codesOf(check([], sixMonths, inTreatment()))).toEqual(["ROSC_POST_TREATMENT_ONLY"]);
  });

  it("R-ROSC-4: asks no schedule of an item without the switch", () => {
    const relapsePrevention = itemOf("ROSC_RELAPSE_PREVENTION");
    expect(checkAftercareSchedule({ intervention: { contactSchedule: [] }, item: relapsePrevention, episode: completed(), settings: sixMonths }).ok).toBe(true);
  });
});
