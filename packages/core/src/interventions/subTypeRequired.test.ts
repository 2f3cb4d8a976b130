import { describe, expect, it } from "vitest";
import { violationsOf } from "../rules/violation.js";
import { checkSubTypeChosen } from "./subTypeRequired.js";
import { codesOf, draft, itemOf } from "./testing/scenario.js";

describe("checkSubTypeChosen (R-ROSC-2, R-ROSC-5)", () => {
  it("R-ROSC-2: refuses social, financial and relationship support with no sub-type, listing the choices", () => {
    const result = checkSubTypeChosen(draft("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT"), itemOf("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT"));
    expect(codesOf(result)).toEqual(["ROSC_SUBTYPE_REQUIRED"]);
    expect(violationsOf(result)[0]?.field).toBe("subTypes");
    expect(violationsOf(result)[0]?.message).toMatch(/housing support/);
  });

  it("R-ROSC-2: accepts social, financial and relationship support with a sub-type", () => {
    expect(checkSubTypeChosen(draft("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT", { subTypes: ["HOUSING"] }), itemOf("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT"))).toEqual({
      ok: true,
    });
  });

  it("R-ROSC-5: refuses relapse-prevention support with no sub-type and accepts it with one", () => {
    const relapsePrevention = itemOf("ROSC_RELAPSE_PREVENTION");
    expect(codesOf(checkSubTypeChosen(draft("ROSC_RELAPSE_PREVENTION"), relapsePrevention))).toEqual(["ROSC_SUBTYPE_REQUIRED"]);
    expect(checkSubTypeChosen(draft("ROSC_RELAPSE_PREVENTION", { subTypes: ["MENTAL_HEALTH_FOCUSED"] }), relapsePrevention).ok).toBe(true);
  });

  it("R-ROSC-2: asks no sub-type of an item without the switch", () => {
    expect(checkSubTypeChosen(draft("ROSC_PEER_SUPPORT"), itemOf("ROSC_PEER_SUPPORT")).ok).toBe(true);
  });
});
