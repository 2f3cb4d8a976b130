import { describe, expect, it } from "vitest";
import { checkInterventionDates } from "./interventionDates.js";
import { REFERRAL_DATE, TODAY, codesOf, draft, fieldsOf, inTreatment } from "./testing/scenario.js";

const episode = inTreatment();

describe("checkInterventionDates (R-DATE-1)", () => {
  it("R-DATE-1: accepts a start from the referral date up to today, an end between, and a planned end ahead", () => {
    expect(checkInterventionDates(draft("COUNSELLING", { startDate: REFERRAL_DATE, endDate: TODAY }), episode, TODAY)).toEqual({ ok: true });
    expect(checkInterventionDates(draft("COUNSELLING", { startDate: TODAY, plannedEndDate: "2024-12-31" }), episode, TODAY).ok).toBe(true);
  });

  it("R-DATE-1: refuses a start in the future", () => {
    const result = checkInterventionDates(draft("COUNSELLING", { startDate: "2024-07-01" }), episode, TODAY);
    expect(codesOf(result)).toEqual(["INVALID_DATE"]);
    expect(fieldsOf(result)).toEqual(["startDate"]);
  });

  it("R-DATE-1: refuses a start before the referral was received", () => {
    expect(fieldsOf(checkInterventionDates(draft("COUNSELLING", { startDate: "2024-01-07" }), episode, TODAY))).toEqual(["startDate"]);
  });

  it("R-DATE-1: refuses an end before the start, and an end in the future", () => {
    expect(fieldsOf(checkInterventionDates(draft("COUNSELLING", { endDate: "2024-02-29" }), episode, TODAY))).toEqual(["endDate"]);
    expect(fieldsOf(checkInterventionDates(draft("COUNSELLING", { endDate: "2024-07-01" }), episode, TODAY))).toEqual(["endDate"]);
  });

  it("R-DATE-1: refuses a planned end before the start", () => {
    const result = checkInterventionDates(draft("COUNSELLING", { plannedEndDate: "2024-02-01" }), episode, TODAY);
    expect(codesOf(result)).toEqual(["INVALID_DATE"]);
    expect(fieldsOf(result)).toEqual(["plannedEndDate"]);
  });

  it("R-DATE-1: refuses dates that do not exist, wherever they are entered", () => {
    const result = checkInterventionDates(
      draft("COUNSELLING", { startDate: "2023-02-29", interestExpressedDate: "2024-13-01", contactSchedule: ["2024-07-01", "next week"] }),
      episode,
      TODAY,
    );
    expect(fieldsOf(result)).toEqual(["startDate", "interestExpressedDate", "contactSchedule.1"]);
    expect(new Set(codesOf(result))).toEqual(new Set(["INVALID_DATE"]));
  });
});
