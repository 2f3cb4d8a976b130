import { describe, expect, it } from "vitest";
import type { Assessment } from "../records/assessment.js";
import { violationsOf } from "../rules/violation.js";
import { checkAssessedNeed, latestNeedLevels } from "./assessedNeed.js";
import { ENTERED_IN_ERROR, codesOf, comprehensiveAssessment, draft, fieldsOf, inTreatment, itemOf } from "./testing/scenario.js";

const episode = inTreatment();
const socialSupport = itemOf("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT");

function check(subTypes: string[], assessments: readonly Assessment[] = [comprehensiveAssessment()], startDate = "2024-03-01") {
  return checkAssessedNeed({ intervention: { subTypes, startDate }, item: socialSupport, episode, assessments });
}

describe("checkAssessedNeed (R-ROSC-2)", () => {
  it("R-ROSC-2: accepts housing and financial support when the assessment found some housing and high financial need", () => {
    expect(check(["HOUSING", "FINANCIAL"])).toEqual({ ok: true });
  });

  it("R-ROSC-2: refuses family support when the assessment found no family need, naming the sub-type", () => {
    const result = check(["HOUSING", "FAMILY"]);
    expect(codesOf(result)).toEqual(["ROSC_NEED_NOT_ASSESSED"]);
    expect(fieldsOf(result)).toEqual(["subTypes.1"]);
    expect(violationsOf(result)[0]?.message).toMatch(/^Family support needs an assessed family and relationships need\. The latest assessment .* found no need\./);
  });

  it("R-ROSC-2: refuses parenting support when no assessment scored the parenting need", () => {
    const result = check(["PARENTING"]);
    expect(codesOf(result)).toEqual(["ROSC_NEED_NOT_ASSESSED"]);
    expect(violationsOf(result)[0]?.message).toMatch(/No assessment of this episode on or before the start date scored the parenting need/);
  });

  it("R-ROSC-2: refuses every sub-type when the episode has no assessment", () => {
    expect(codesOf(check(["HOUSING", "FINANCIAL"], []))).toEqual(["ROSC_NEED_NOT_ASSESSED", "ROSC_NEED_NOT_ASSESSED"]);
  });

  it("R-ROSC-2: judges by the latest assessment: a reassessment that found the housing need resolved refuses housing support", () => {
    const resolved = comprehensiveAssessment({ id: "reassessment", kind: "REASSESSMENT", date: "2024-02-20", needs: { HOUSING: "NONE" } });
    expect(codesOf(check(["HOUSING"], [comprehensiveAssessment(), resolved]))).toEqual(["ROSC_NEED_NOT_ASSESSED"]);
  });

  it("R-ROSC-2: a reassessment that scores only some domains keeps the earlier levels of the others", () => {
    const partial = comprehensiveAssessment({ id: "reassessment", kind: "REASSESSMENT", date: "2024-02-20", needs: { FAMILY_RELATIONSHIPS: "SOME" } });
    expect(check(["HOUSING", "FAMILY"], [comprehensiveAssessment(), partial]).ok).toBe(true);
  });

  it("R-ROSC-2: ignores an assessment dated after the start, entered in error, or of another episode", () => {
    const later = comprehensiveAssessment({ id: "later", kind: "REASSESSMENT", date: "2024-03-02", needs: { FAMILY_RELATIONSHIPS: "HIGH" } });
    const inError = comprehensiveAssessment({ id: "error", kind: "REASSESSMENT", date: "2024-02-01", needs: { FAMILY_RELATIONSHIPS: "HIGH" }, enteredInError: ENTERED_IN_ERROR });
    const elsewhere = comprehensiveAssessment({ id: "elsewhere", episodeId: "another-episode", date: "2024-02-01", needs: { FAMILY_RELATIONSHIPS: "HIGH" } });
    expect(codesOf(check(["FAMILY"], [comprehensiveAssessment(), later, inError, elsewhere]))).toEqual(["ROSC_NEED_NOT_ASSESSED"]);
  });

  it("R-ROSC-2: counts an assessment dated on the start date", () => {
    const sameDay = comprehensiveAssessment({ id: "same-day", kind: "REASSESSMENT", date: "2024-03-01", needs: { FAMILY_RELATIONSHIPS: "SOME" } });
    expect(check(["FAMILY"], [comprehensiveAssessment(), sameDay]).ok).toBe(true);
  });

  it("R-ROSC-2: on one date a reassessment outranks the triage, whatever order they arrive in", () => {
    const triage = comprehensiveAssessment({ id: "triage", kind: "TRIAGE", date: "2024-02-01", needs: { HOUSING: "HIGH" } });
    const reassessment = comprehensiveAssessment({ id: "reassessment", kind: "REASSESSMENT", date: "2024-02-01", needs: { HOUSING: "NONE" } });
    expect(latestNeedLevels(episode, [reassessment, triage], "2024-03-01").HOUSING).toEqual({ level: "NONE", assessedOn: "2024-02-01" });
    expect(latestNeedLevels(episode, [triage, reassessment], "2024-03-01").HOUSING).toEqual({ level: "NONE", assessedOn: "2024-02-01" });
  });

  it("R-ROSC-2: asks no assessed need of an item without the switch", () => {
    const relapsePrevention = itemOf("ROSC_RELAPSE_PREVENTION");
    expect(checkAssessedNeed({ intervention: draft("ROSC_RELAPSE_PREVENTION", { subTypes: ["SUBSTANCE_FOCUSED"] }), item: relapsePrevention, episode, assessments: [] }).ok).toBe(true);
  });
});
