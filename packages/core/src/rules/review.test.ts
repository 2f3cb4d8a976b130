import { describe, expect, it } from "vitest";
import { aPlan, aRiskAssessment, anEpisode } from "../testing/builders.js";
import { checkReview, type ReviewInput } from "./review.js";

const plan = aPlan({ signedOffDate: "2024-01-20" });
const review: ReviewInput = { completedDate: "2024-04-13", goalProgress: [{ goalId: "goal-1", status: "ACHIEVED", note: "Using on top has stopped" }], risk: aRiskAssessment() };
const context = { plan, episode: anEpisode({ status: "IN_TREATMENT" }), dateOfBirth: "1980-01-01", today: "2024-04-13" };

describe("R-REV-3: reviews only for open episodes and signed-off plans", () => {
  it("R-REV-3: accepts a review of a signed-off plan in an open episode, on its due date", () => {
    expect(checkReview(review, context).ok).toBe(true);
  });

  it("R-REV-3: refuses a review of a closed episode", () => {
    expect(checkReview(review, { ...context, episode: anEpisode({ status: "COMPLETED" }) })).toMatchObject({ ok: false, violations: [{ code: "REVIEW_NOT_ALLOWED" }] });
  });

  it("R-REV-3: refuses a review of a plan not signed off, or dated before the sign-off", () => {
    expect(checkReview(review, { ...context, plan: aPlan({ signedOffDate: null, signedOffById: null }) })).toMatchObject({ ok: false, violations: [{ code: "REVIEW_NOT_ALLOWED" }] });
    expect(checkReview({ ...review, completedDate: "2024-01-19" }, context)).toMatchObject({ ok: false, violations: [{ code: "REVIEW_NOT_ALLOWED", field: "completedDate" }] });
  });
});

describe("R-RISK-3: every review re-assesses risk", () => {
  it("R-RISK-3: refuses a review with no risk re-assessment", () => {
    expect(checkReview({ ...review, risk: null }, context)).toMatchObject({ ok: false, violations: [{ code: "RISK_ASSESSMENT_REQUIRED", field: "risk" }] });
  });

  it("R-RISK-3: refuses a review whose risk re-assessment skips the suicide-risk questions", () => {
    const partial = aRiskAssessment({ suicideFactors: { bereavement: false, relationshipBreakdown: null, domesticOrSexualAbuseHistory: false, isCarer: false } });
    expect(checkReview({ ...review, risk: partial }, context)).toMatchObject({ ok: false, violations: [{ field: "risk.suicideFactors.relationshipBreakdown" }] });
  });

  it("refuses progress on a goal that is not part of the plan", () => {
    expect(checkReview({ ...review, goalProgress: [{ goalId: "goal-99", status: "OPEN", note: null }] }, context)).toMatchObject({
      ok: false,
      violations: [{ code: "INVALID_VALUE", field: "goalProgress.0.goalId" }],
    });
  });
});
