import { describe, expect, it } from "vitest";
import { catalogueOf } from "../catalogue/catalogueItem.js";
import { DEFAULT_CATALOGUE } from "../catalogue/defaultCatalogue.js";
import { retiredCatalogueItem } from "../catalogue/catalogueRules.js";
import { violationsOf } from "../rules/violation.js";
import { checkInterventionAllowed } from "./interventionAllowed.js";
import { DISCHARGE_DATE, ENTERED_IN_ERROR, catalogue, codesOf, completed, draft, fieldsOf, inTreatment } from "./testing/scenario.js";

describe("checkInterventionAllowed (R-INT-1)", () => {
  it("R-INT-1: accepts a current catalogue item for an open episode", () => {
    expect(checkInterventionAllowed(draft("COUNSELLING"), inTreatment(), catalogue)).toEqual({ ok: true });
  });

  it("R-INT-1: refuses an item that is not in the catalogue", () => {
    const result = checkInterventionAllowed(draft("REIKI"), inTreatment(), catalogue);
    expect(codesOf(result)).toEqual(["INTERVENTION_NOT_ALLOWED"]);
    expect(fieldsOf(result)).toEqual(["catalogueItemCode"]);
  });

  it("R-INT-1: refuses a retired item for a new record", () => {
    const withRetired = catalogueOf(DEFAULT_CATALOGUE.map((item) => (item.code === "COUNSELLING" ? retiredCatalogueItem(item) : item)));
    const result = checkInterventionAllowed(draft("COUNSELLING"), inTreatment(), withRetired);
    expect(codesOf(result)).toEqual(["INTERVENTION_NOT_ALLOWED"]);
    expect(violationsOf(result)[0]?.message).toMatch(/retired/);
  });

  it("R-INT-1: refuses a sub-type that belongs to another item, and one chosen twice", () => {
    const result = checkInterventionAllowed(
      draft("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT", { subTypes: ["HOUSING", "SUBSTANCE_FOCUSED", "HOUSING"] }),
      inTreatment(),
      catalogue,
    );
    expect(violationsOf(result).map((found) => [found.code, found.field])).toEqual([
      ["INTERVENTION_NOT_ALLOWED", "subTypes.1"],
      ["INVALID_VALUE", "subTypes.2"],
    ]);
  });

  it("R-INT-1: refuses any sub-type for an item that has none", () => {
    expect(codesOf(checkInterventionAllowed(draft("COUNSELLING", { subTypes: ["HOUSING"] }), inTreatment(), catalogue))).toEqual([
      "INTERVENTION_NOT_ALLOWED",
    ]);
  });

  it.each([
    ["completed", completed()],
    ["closed", inTreatment({ status: "CLOSED", dischargeDate: DISCHARGE_DATE, dischargeReason: "DROPPED_OUT" })],
  ])("R-INT-1: refuses an in-treatment item for a %s episode", (_state, episode) => {
    const result = checkInterventionAllowed(draft("COUNSELLING", { startDate: "2024-06-10" }), episode, catalogue);
    expect(codesOf(result)).toEqual(["INTERVENTION_NOT_ALLOWED"]);
    expect(violationsOf(result)[0]?.message).toMatch(/open/);
  });

  it("R-INT-1: accepts a harm-reduction item (any phase) in an open episode and after a planned completion", () => {
    expect(checkInterventionAllowed(draft("NALOXONE_SUPPLY_TRAINING"), inTreatment({ status: "REFERRED", triageDate: null }), catalogue).ok).toBe(true);
    expect(checkInterventionAllowed(draft("NALOXONE_SUPPLY_TRAINING", { startDate: DISCHARGE_DATE }), completed(), catalogue).ok).toBe(true);
  });

  it("R-INT-1: refuses an any-phase item dated inside a completed episode's treatment, or for a closed episode", () => {
    const backdated = checkInterventionAllowed(draft("NALOXONE_SUPPLY_TRAINING", { startDate: "2024-05-30" }), completed(), catalogue);
    expect(fieldsOf(backdated)).toEqual(["startDate"]);
    const closed = inTreatment({ status: "CLOSED", dischargeDate: DISCHARGE_DATE, dischargeReason: "DROPPED_OUT" });
    expect(codesOf(checkInterventionAllowed(draft("NALOXONE_SUPPLY_TRAINING", { startDate: "2024-06-10" }), closed, catalogue))).toEqual([
      "INTERVENTION_NOT_ALLOWED",
    ]);
  });

  it("R-INT-1: leaves post-treatment items to R-ROSC-4, which gives the more specific answer", () => {
    expect(checkInterventionAllowed(draft("ROSC_AFTERCARE"), inTreatment(), catalogue)).toEqual({ ok: true });
  });

  it("R-INT-1: refuses a pharmacological intervention before triage, since treatment cannot start from a bare referral", () => {
    const result = checkInterventionAllowed(draft("OST_METHADONE"), inTreatment({ status: "REFERRED", triageDate: null }), catalogue);
    expect(codesOf(result)).toEqual(["TRANSITION_NOT_ALLOWED"]);
    expect(checkInterventionAllowed(draft("OST_METHADONE"), inTreatment({ status: "TRIAGED" }), catalogue).ok).toBe(true);
  });

  it("R-INT-1: refuses an intervention on an episode entered in error", () => {
    expect(codesOf(checkInterventionAllowed(draft("COUNSELLING"), inTreatment({ enteredInError: ENTERED_IN_ERROR }), catalogue))).toEqual([
      "INTERVENTION_NOT_ALLOWED",
    ]);
  });
});
