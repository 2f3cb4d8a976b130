import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anEpisode, anOutcomeRecord } from "../testing/builders.js";
import { checkOutcomeRecord, topValueViolations } from "./outcome.js";

const context = { episode: anEpisode({ status: "IN_TREATMENT" }), dateOfBirth: "1980-01-01", today: "2024-02-01" };

describe("R-TOP-1: TOP values in range or not disclosed", () => {
  it("R-TOP-1: accepts the bounds 0 and 28 days and 0 and 20 for scores, and not disclosed anywhere", () => {
    const outcome = anOutcomeRecord({
      injecting: { days: 28, sharedNeedles: "NOT_DISCLOSED", sharedOtherEquipment: false },
      health: { psychologicalHealth: 20, physicalHealth: 0, qualityOfLife: "NOT_DISCLOSED", paidWorkDays: 28, educationDays: 0, acuteHousingProblem: true, atRiskOfEviction: false },
    });
    expect(checkOutcomeRecord(outcome, context).ok).toBe(true);
  });

  it("R-TOP-1: refuses a quality-of-life score of 21, naming the field", () => {
    const outcome = anOutcomeRecord();
    const result = checkOutcomeRecord({ ...outcome, health: { ...outcome.health, qualityOfLife: 21 } }, context);
    expect(result).toMatchObject({ ok: false, violations: [{ code: "TOP_VALUE_OUT_OF_RANGE", field: "health.qualityOfLife" }] });
  });

  it("R-TOP-1: refuses 29 days of alcohol use, negative days and fractions", () => {
    const outcome = anOutcomeRecord();
    const result = checkOutcomeRecord(
      { ...outcome, substanceUse: { ...outcome.substanceUse, ALCOHOL: { days: 29, typicalAmount: null } }, crime: { ...outcome.crime, shoplifting: -1, otherTheft: 2.5 } },
      context,
    );
    expect(result).toMatchObject({
      ok: false,
      violations: [
        { code: "TOP_VALUE_OUT_OF_RANGE", field: "substanceUse.ALCOHOL.days" },
        { code: "TOP_VALUE_OUT_OF_RANGE", field: "crime.shoplifting" },
        { code: "TOP_VALUE_OUT_OF_RANGE", field: "crime.otherTheft" },
      ],
    });
  });

  it("R-TOP-1: Outcome Star areas are scored 1..10", () => {
    expect(checkOutcomeRecord(anOutcomeRecord({ outcomeStar: { ALCOHOL_USE: 1, MONEY: 10 } }), context).ok).toBe(true);
    expect(checkOutcomeRecord(anOutcomeRecord({ outcomeStar: { ALCOHOL_USE: 0 } }), context)).toMatchObject({ ok: false, violations: [{ field: "outcomeStar.ALCOHOL_USE" }] });
  });

  it("R-TOP-1: any whole number of days is accepted exactly when it lies in 0..28", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), (days) => {
        const outcome = anOutcomeRecord();
        const violations = topValueViolations({ ...outcome, injecting: { ...outcome.injecting, days } });
        expect(violations.length === 0).toBe(days >= 0 && days <= 28);
      }),
    );
  });

  it("a TOP before structured treatment started is refused; a post-exit TOP needs an ended episode", () => {
    expect(checkOutcomeRecord(anOutcomeRecord(), { ...context, episode: anEpisode({ status: "TRIAGED" }) })).toMatchObject({ ok: false, violations: [{ field: "stage" }] });
    expect(checkOutcomeRecord(anOutcomeRecord({ stage: "POST_EXIT" }), context)).toMatchObject({ ok: false, violations: [{ field: "stage" }] });
    expect(checkOutcomeRecord(anOutcomeRecord({ stage: "POST_EXIT" }), { ...context, episode: anEpisode({ status: "COMPLETED" }) }).ok).toBe(true);
  });
});
