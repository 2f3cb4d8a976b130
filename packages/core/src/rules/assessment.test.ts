import { describe, expect, it } from "vitest";
import { aRiskAssessment, anEpisode } from "../testing/builders.js";
import { checkAssessment, recoveryCapitalTotal, type AssessmentInput } from "./assessment.js";

const referred = anEpisode({ status: "REFERRED", referral: { receivedDate: "2024-01-08", source: "GP", referrer: "Dr Shah", reason: "Alcohol", urgency: "ROUTINE" } });
const triaged = { ...referred, status: "TRIAGED" as const };
const triage: AssessmentInput = { kind: "TRIAGE", date: "2024-01-10", needs: { SUBSTANCE_USE: "HIGH" }, risk: aRiskAssessment(), recoveryCapital: null };

describe("assessments", () => {
  it("R-RISK-1: a triage with a full risk assessment is accepted for a new referral", () => {
    expect(checkAssessment(triage, referred, "1980-01-01", "2024-01-10").ok).toBe(true);
  });

  it("R-RISK-1: a triage without a risk assessment is refused", () => {
    expect(checkAssessment({ ...triage, risk: null }, referred, "1980-01-01", "2024-01-10")).toMatchObject({
      ok: false,
      violations: [{ code: "RISK_ASSESSMENT_REQUIRED", field: "risk" }],
    });
  });

  it("R-RISK-1: a comprehensive assessment without a risk assessment is refused", () => {
    const result = checkAssessment({ ...triage, kind: "COMPREHENSIVE", risk: null }, triaged, "1980-01-01", "2024-01-20");
    expect(result).toMatchObject({ ok: false, violations: [{ code: "RISK_ASSESSMENT_REQUIRED" }] });
  });

  it("a reassessment may leave risk out", () => {
    expect(checkAssessment({ ...triage, kind: "REASSESSMENT", risk: null }, triaged, "1980-01-01", "2024-01-20").ok).toBe(true);
  });

  it("a second triage, or a comprehensive assessment before triage, is refused by the journey", () => {
    expect(checkAssessment(triage, triaged, "1980-01-01", "2024-01-10")).toMatchObject({ ok: false, violations: [{ code: "TRANSITION_NOT_ALLOWED", field: "kind" }] });
    expect(checkAssessment({ ...triage, kind: "COMPREHENSIVE" }, referred, "1980-01-01", "2024-01-10")).toMatchObject({ ok: false, violations: [{ code: "TRANSITION_NOT_ALLOWED" }] });
  });

  it("R-DATE-1: an assessment dated before the referral is refused", () => {
    expect(checkAssessment({ ...triage, date: "2024-01-07" }, referred, "1980-01-01", "2024-01-10")).toMatchObject({ ok: false, violations: [{ code: "INVALID_DATE", field: "date" }] });
  });

  it("BARC-10 recovery capital needs ten items of 1..6; its total runs 10..60", () => {
    const items = [1, 2, 3, 4, 5, 6, 6, 6, 6, 6];
    expect(recoveryCapitalTotal({ items })).toBe(45);
    expect(checkAssessment({ ...triage, recoveryCapital: { items } }, referred, "1980-01-01", "2024-01-10").ok).toBe(true);
    expect(checkAssessment({ ...triage, recoveryCapital: { items: [...items.slice(0, 9), 7] } }, referred, "1980-01-01", "2024-01-10")).toMatchObject({
      ok: false,
      violations: [{ code: "INVALID_VALUE", field: "recoveryCapital.items.9" }],
    });
    expect(checkAssessment({ ...triage, recoveryCapital: { items: [3, 3] } }, referred, "1980-01-01", "2024-01-10").ok).toBe(false);
  });
});
