import { describe, expect, it } from "vitest";
import { violationsOf } from "../rules/violation.js";
import { checkPostTreatmentPhase, endedInPlannedCompletion } from "./postTreatment.js";
import { DISCHARGE_DATE, codesOf, completed, draft, fieldsOf, inTreatment, itemOf } from "./testing/scenario.js";

const aftercare = itemOf("ROSC_AFTERCARE");
const relapsePrevention = itemOf("ROSC_RELAPSE_PREVENTION");
const closedUnplanned = inTreatment({ status: "CLOSED", dischargeDate: DISCHARGE_DATE, dischargeReason: "DROPPED_OUT" });

describe("checkPostTreatmentPhase (R-ROSC-4, R-ROSC-5)", () => {
  it("R-ROSC-4: accepts aftercare from the discharge date of a planned completion", () => {
    expect(checkPostTreatmentPhase(draft("ROSC_AFTERCARE", { startDate: DISCHARGE_DATE }), aftercare, completed())).toEqual({ ok: true });
    expect(checkPostTreatmentPhase(draft("ROSC_AFTERCARE", { startDate: "2024-06-14" }), aftercare, completed()).ok).toBe(true);
  });

  it("R-ROSC-4: refuses aftercare while the episode is still in treatment, saying to discharge first", () => {
    const result = checkPostTreatmentPhase(draft("ROSC_AFTERCARE"), aftercare, inTreatment());
    expect(codesOf(result)).toEqual(["ROSC_POST_TREATMENT_ONLY"]);
    expect(violationsOf(result)[0]?.message).toMatch(/still open/);
  });

  it("R-ROSC-4: refuses aftercare after an unplanned exit", () => {
    const result = checkPostTreatmentPhase(draft("ROSC_AFTERCARE", { startDate: "2024-06-14" }), aftercare, closedUnplanned);
    expect(codesOf(result)).toEqual(["ROSC_POST_TREATMENT_ONLY"]);
    expect(violationsOf(result)[0]?.message).toMatch(/without a planned completion/);
  });

  it("R-ROSC-4: refuses aftercare dated before the discharge", () => {
    const result = checkPostTreatmentPhase(draft("ROSC_AFTERCARE", { startDate: "2024-05-30" }), aftercare, completed());
    expect(codesOf(result)).toEqual(["ROSC_POST_TREATMENT_ONLY"]);
    expect(fieldsOf(result)).toEqual(["startDate"]);
  });

  it("R-ROSC-5: accepts relapse-prevention support after a planned completion", () => {
    expect(checkPostTreatmentPhase(draft("ROSC_RELAPSE_PREVENTION", { startDate: "2024-06-14" }), relapsePrevention, completed()).ok).toBe(true);
  });

  it("R-ROSC-5: refuses relapse-prevention support during treatment", () => {
    expect(codesOf(checkPostTreatmentPhase(draft("ROSC_RELAPSE_PREVENTION"), relapsePrevention, inTreatment()))).toEqual(["ROSC_POST_TREATMENT_ONLY"]);
  });

  it("R-ROSC-4: asks nothing of an in-treatment item", () => {
    expect(checkPostTreatmentPhase(draft("COUNSELLING"), itemOf("COUNSELLING"), inTreatment()).ok).toBe(true);
  });

  it("R-ROSC-4: only a completed episode with a successful reason and a discharge date opens the post-treatment phase", () => {
    expect(endedInPlannedCompletion(completed())).toBe(true);
    expect(endedInPlannedCompletion(completed({ dischargeDate: null }))).toBe(false);
    expect(endedInPlannedCompletion(closedUnplanned)).toBe(false);
    expect(endedInPlannedCompletion(inTreatment())).toBe(false);
  });
});
