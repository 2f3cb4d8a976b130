import { describe, expect, it } from "vitest";
import { checkInterestRecorded } from "./interestRecorded.js";
import { codesOf, draft, fieldsOf, itemOf } from "./testing/scenario.js";

const mutualAid = itemOf("ROSC_FACILITATED_MUTUAL_AID");

describe("checkInterestRecorded (R-ROSC-3)", () => {
  it("R-ROSC-3: accepts facilitated access once the person asked to go and a first contact was made", () => {
    const intervention = draft("ROSC_FACILITATED_MUTUAL_AID", { interestExpressedDate: "2024-02-20", firstContactActions: ["CONTACT_MADE", "ACCOMPANIED"] });
    expect(checkInterestRecorded(intervention, mutualAid)).toEqual({ ok: true });
  });

  it("R-ROSC-3: accepts interest expressed on the start date itself", () => {
    expect(checkInterestRecorded(draft("ROSC_FACILITATED_MUTUAL_AID", { interestExpressedDate: "2024-03-01", firstContactActions: ["INFORMATION_GIVEN"] }), mutualAid).ok).toBe(true);
  });

  it("R-ROSC-3: refuses facilitated access with no recorded interest and nothing done to make first contact", () => {
    const result = checkInterestRecorded(draft("ROSC_FACILITATED_MUTUAL_AID"), mutualAid);
    expect(codesOf(result)).toEqual(["ROSC_INTEREST_NOT_RECORDED", "ROSC_INTEREST_NOT_RECORDED"]);
    expect(fieldsOf(result)).toEqual(["interestExpressedDate", "firstContactActions"]);
  });

  it("R-ROSC-3: refuses interest recorded after the start date", () => {
    const result = checkInterestRecorded(draft("ROSC_FACILITATED_MUTUAL_AID", { interestExpressedDate: "2024-03-02", firstContactActions: ["TRANSPORT_ARRANGED"] }), mutualAid);
    expect(fieldsOf(result)).toEqual(["interestExpressedDate"]);
  });

  it("R-ROSC-3: asks nothing of an item without the switch", () => {
    expect(checkInterestRecorded(draft("ROSC_PEER_SUPPORT"), itemOf("ROSC_PEER_SUPPORT")).ok).toBe(true);
  });
});
