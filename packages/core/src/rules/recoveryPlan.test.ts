import { describe, expect, it } from "vitest";
import { anAssessment, anEpisode } from "../testing/builders.js";
import { checkPersonalBudget, checkRecoveryPlan, type RecoveryPlanInput } from "./recoveryPlan.js";

const episode = anEpisode({ status: "TRIAGED" });
const triage = anAssessment({ kind: "TRIAGE", date: "2024-01-10" });
const comprehensive = anAssessment({ kind: "COMPREHENSIVE", date: "2024-01-20" });
const fullPlan: RecoveryPlanInput = {
  kind: "FULL",
  startDate: "2024-01-20",
  goals: [{ domain: "HOUSING", description: "Keep my tenancy", targetDate: "2024-07-01", status: "OPEN" }],
  agreedWithServiceUser: true,
  signedOffById: "staff-1",
  signedOffDate: "2024-01-20",
  personalBudget: null,
  reviewIntervalWeeks: 12,
};
const context = { episode, assessments: [triage, comprehensive], signerRoles: ["PRACTITIONER" as const], dateOfBirth: "1980-01-01", today: "2024-01-20" };

describe("R-PLAN-1: interim plans follow triage, full plans follow a comprehensive assessment and are signed off", () => {
  it("R-PLAN-1: accepts a full plan signed off today with a goal and the person's agreement", () => {
    expect(checkRecoveryPlan(fullPlan, context).ok).toBe(true);
  });

  it("R-PLAN-1: refuses a full plan without a goal, agreement or sign-off, naming each field", () => {
    const result = checkRecoveryPlan({ ...fullPlan, goals: [], agreedWithServiceUser: false, signedOffById: null, signedOffDate: null }, context);
    expect(result).toMatchObject({
      ok: false,
      violations: [
        { code: "PLAN_NOT_SIGNED_OFF", field: "goals" },
        { code: "PLAN_NOT_SIGNED_OFF", field: "agreedWithServiceUser" },
        { code: "PLAN_NOT_SIGNED_OFF", field: "signedOffById" },
      ],
    });
  });

  it("R-PLAN-1: refuses a sign-off by someone who is not an assessor", () => {
    expect(checkRecoveryPlan(fullPlan, { ...context, signerRoles: ["ADMIN"] })).toMatchObject({
      ok: false,
      violations: [{ code: "PLAN_NOT_SIGNED_OFF", field: "signedOffById" }],
    });
  });

  it("R-PLAN-1: refuses a full plan with no comprehensive assessment", () => {
    expect(checkRecoveryPlan(fullPlan, { ...context, assessments: [triage] })).toMatchObject({
      ok: false,
      violations: [{ code: "PLAN_NOT_SIGNED_OFF", field: "kind" }],
    });
  });

  it("R-PLAN-1: an interim plan needs a triage but no sign-off", () => {
    const interim: RecoveryPlanInput = { ...fullPlan, kind: "INTERIM", startDate: "2024-01-10", goals: [], signedOffById: null, signedOffDate: null };
    expect(checkRecoveryPlan(interim, { ...context, today: "2024-01-10" }).ok).toBe(true);
    expect(checkRecoveryPlan(interim, { ...context, assessments: [], today: "2024-01-10" })).toMatchObject({ ok: false, violations: [{ field: "kind" }] });
  });

  it("R-DATE-1: a goal's target date before the plan's start is refused", () => {
    const result = checkRecoveryPlan({ ...fullPlan, goals: [{ ...fullPlan.goals[0]!, targetDate: "2024-01-19" }] }, context);
    expect(result).toMatchObject({ ok: false, violations: [{ code: "INVALID_DATE", field: "goals.0.targetDate" }] });
  });

  it("R-DATE-1: a plan signed off tomorrow is refused", () => {
    expect(checkRecoveryPlan({ ...fullPlan, signedOffDate: "2024-01-21" }, context)).toMatchObject({ ok: false, violations: [{ code: "INVALID_DATE", field: "signedOffDate" }] });
  });
});

describe("R-PLAN-2: a personal budget stays within its allocation", () => {
  it("R-PLAN-2: accepts lines that add up to exactly the allocation", () => {
    expect(checkPersonalBudget({ allocatedPence: 50_000, lines: [{ item: "Gym membership", costPence: 20_000 }, { item: "Course fees", costPence: 30_000 }] }).ok).toBe(true);
  });

  it("R-PLAN-2: refuses lines that add up to a penny more, saying by how much", () => {
    const result = checkPersonalBudget({ allocatedPence: 50_000, lines: [{ item: "Gym membership", costPence: 20_000 }, { item: "Course fees", costPence: 30_001 }] });
    expect(result).toMatchObject({ ok: false, violations: [{ code: "BUDGET_EXCEEDED", field: "personalBudget.lines", message: expect.stringContaining("£0.01 more") }] });
  });

  it("R-PLAN-2: is checked as part of the plan", () => {
    const overBudget = { ...fullPlan, personalBudget: { allocatedPence: 100, lines: [{ item: "Bus pass", costPence: 101 }] } };
    expect(checkRecoveryPlan(overBudget, context)).toMatchObject({ ok: false, violations: [{ code: "BUDGET_EXCEEDED" }] });
  });

  it("refuses negative or fractional amounts", () => {
    expect(checkPersonalBudget({ allocatedPence: 100, lines: [{ item: "Refund", costPence: -50 }] })).toMatchObject({ ok: false, violations: [{ code: "INVALID_VALUE" }] });
    expect(checkPersonalBudget({ allocatedPence: 10.5, lines: [] })).toMatchObject({ ok: false, violations: [{ code: "INVALID_VALUE" }] });
  });
});
