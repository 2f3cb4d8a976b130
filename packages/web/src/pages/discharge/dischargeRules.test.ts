import { describe, expect, it } from "vitest";
import { apiEpisode, apiIntervention, recordsFor } from "../interventions/testing/apiRecords.js";
import { dischargeViolations, interventionsEndingAt, reasonWarnings, REASON_GROUPS } from "./dischargeRules.js";

const TODAY = "2025-07-01";
const opiateOnMethadone = recordsFor(apiEpisode({ problemSubstances: [{ rank: 1, substance: "HEROIN", ageOfFirstUse: 19, route: "SMOKE" }] }), [
  apiIntervention("OST_METHADONE", "2025-03-20"),
  apiIntervention("COUNSELLING", "2025-03-20", "2025-05-01"),
]);

describe("the discharge form's checks, using core's checkDischarge", () => {
  it("groups every reason as planned, transferred or unplanned", () => {
    expect(REASON_GROUPS.map((group) => [group.category, group.reasons.length])).toEqual([
      ["PLANNED", 3],
      ["TRANSFERRED", 2],
      ["UNPLANNED", 7],
    ]);
  });

  it("R-DIS-2: explains beside a completion that an opiate client is still on methadone", () => {
    expect(reasonWarnings(opiateOnMethadone, "COMPLETED_DRUG_FREE", TODAY, TODAY)).toEqual([expect.stringContaining("is still prescribed on the discharge date")]);
    expect(reasonWarnings(opiateOnMethadone, "DROPPED_OUT", TODAY, TODAY)).toEqual([]);
  });

  it("R-DIS-1: a reason is required, and a missing date is left to its own message", () => {
    expect(dischargeViolations(opiateOnMethadone, null, null, TODAY).map((found) => found.code)).toEqual(["DISCHARGE_REASON_REQUIRED"]);
  });

  it("R-DIS-1: lists the interventions still running on the discharge date, which the discharge ends", () => {
    expect(interventionsEndingAt(opiateOnMethadone, TODAY).map((intervention) => intervention.catalogueItemCode)).toEqual(["OST_METHADONE"]);
    expect(interventionsEndingAt(opiateOnMethadone, "2025-04-01").map((intervention) => intervention.catalogueItemCode)).toEqual(["OST_METHADONE", "COUNSELLING"]);
  });
});
