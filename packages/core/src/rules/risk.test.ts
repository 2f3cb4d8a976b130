import { describe, expect, it } from "vitest";
import { aRiskAssessment, anAssessment, aReview } from "../testing/builders.js";
import { checkRiskAssessment, suicideRiskFlag } from "./risk.js";

describe("R-RISK-1: a risk assessment covers self, others, from others and children", () => {
  it("R-RISK-1: accepts a fully answered risk assessment", () => {
    expect(checkRiskAssessment(aRiskAssessment()).ok).toBe(true);
  });

  it("R-RISK-1: refuses a missing risk assessment", () => {
    expect(checkRiskAssessment(null)).toMatchObject({ ok: false, violations: [{ code: "RISK_ASSESSMENT_REQUIRED", field: "risk" }] });
  });

  it("R-RISK-1: names each unanswered question as its own field", () => {
    const result = checkRiskAssessment(aRiskAssessment({ overdose: null, toChildren: null }));
    expect(result).toMatchObject({
      ok: false,
      violations: [
        { code: "RISK_ASSESSMENT_REQUIRED", field: "risk.overdose" },
        { code: "RISK_ASSESSMENT_REQUIRED", field: "risk.toChildren" },
      ],
    });
  });
});

describe("R-RISK-2: suicide-risk factors are asked and raise a flag", () => {
  it("R-RISK-2: each factor must be asked (an unanswered factor is refused)", () => {
    const risk = aRiskAssessment({ suicideFactors: { bereavement: null, relationshipBreakdown: false, domesticOrSexualAbuseHistory: false, isCarer: false } });
    expect(checkRiskAssessment(risk)).toMatchObject({ ok: false, violations: [{ field: "risk.suicideFactors.bereavement" }] });
  });

  it("R-RISK-2: any factor present raises the flag", () => {
    const assessment = anAssessment({ date: "2024-02-01", risk: aRiskAssessment({ suicideFactors: { bereavement: true, relationshipBreakdown: false, domesticOrSexualAbuseHistory: false, isCarer: false } }) });
    expect(suicideRiskFlag([assessment], [])).toEqual({ flagged: true, factors: ["bereavement"], assessedOn: "2024-02-01" });
  });

  it("R-RISK-2: no factor present raises no flag", () => {
    expect(suicideRiskFlag([anAssessment()], [])).toMatchObject({ flagged: false });
    expect(suicideRiskFlag([], [])).toEqual({ flagged: false, factors: [], assessedOn: null });
  });

  it("R-RISK-2: the flag stays until a later assessment clears it", () => {
    const raised = anAssessment({ date: "2024-02-01", risk: aRiskAssessment({ suicideFactors: { bereavement: false, relationshipBreakdown: true, domesticOrSexualAbuseHistory: false, isCarer: false } }) });
    const earlierClear = anAssessment({ date: "2024-01-15" });
    expect(suicideRiskFlag([earlierClear, raised], [])).toMatchObject({ flagged: true, factors: ["relationshipBreakdown"] });
    const laterReviewClears = aReview({ completedDate: "2024-04-20" });
    expect(suicideRiskFlag([earlierClear, raised], [laterReviewClears])).toMatchObject({ flagged: false, assessedOn: "2024-04-20" });
  });

  it("R-RISK-2: a raised flag is kept when a clear answer is recorded the same day", () => {
    const raised = anAssessment({ date: "2024-02-01", risk: aRiskAssessment({ suicideFactors: { bereavement: false, relationshipBreakdown: false, domesticOrSexualAbuseHistory: true, isCarer: false } }) });
    expect(suicideRiskFlag([raised], [aReview({ completedDate: "2024-02-01" })])).toMatchObject({ flagged: true });
  });

  it("R-RISK-2: an assessment entered in error neither raises nor clears the flag", () => {
    const mistaken = anAssessment({
      date: "2024-03-01",
      risk: aRiskAssessment({ suicideFactors: { bereavement: true, relationshipBreakdown: false, domesticOrSexualAbuseHistory: false, isCarer: false } }),
      enteredInError: { reason: "Wrong person", markedById: "s", markedOn: "2024-03-02" },
    });
    expect(suicideRiskFlag([anAssessment({ date: "2024-01-01" }), mistaken], [])).toMatchObject({ flagged: false, assessedOn: "2024-01-01" });
  });
});
