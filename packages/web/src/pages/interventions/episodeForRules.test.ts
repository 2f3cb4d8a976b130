import { checkNewIntervention, DEFAULT_SERVICE_SETTINGS, defaultCatalogue, violationsOf } from "@waymark/core";
import { describe, expect, it } from "vitest";
import { assessmentOf, episodeOf, interventionOf } from "./episodeForRules.js";
import { apiEpisode, apiIntervention } from "./testing/apiRecords.js";

describe("mapping the API's records onto core's for the rules in the browser", () => {
  it("keeps every episode field a rule reads, with the global ID standing in for core's ID", () => {
    const episode = episodeOf(apiEpisode({ ageBandOverride: { reason: "Care leaver", approvedBy: { id: "U3RhZmY6Mg" } } }));
    expect(episode).toEqual({
      id: "RXBpc29kZTox",
      serviceUserId: "U2VydmljZVVzZXI6MQ",
      teamId: "VGVhbTox",
      keyworkerId: "U3RhZmY6MQ",
      status: "IN_TREATMENT",
      referral: { receivedDate: "2025-03-03", source: "SELF", referrer: null, reason: "Asked for help", urgency: "ROUTINE" },
      ageBandOverride: { reason: "Care leaver", approvedById: "U3RhZmY6Mg" },
      triageDate: "2025-03-10",
      problemSubstances: [{ rank: 1, substance: "ALCOHOL", ageOfFirstUse: 16, route: "ORAL" }],
      injectingStatus: "NEVER",
      dischargeDate: null,
      dischargeReason: null,
      enteredInError: null,
    });
  });

  it("ties each intervention to the episode it was loaded with, so R-ROSC-1 counts it", () => {
    const intervention = interventionOf(apiIntervention("COUNSELLING", "2025-04-01", "2025-06-30"), "RXBpc29kZTox");
    expect(intervention).toMatchObject({ episodeId: "RXBpc29kZTox", catalogueItemCode: "COUNSELLING", startDate: "2025-04-01", endDate: "2025-06-30", enteredInError: null });
    const input = {
      intervention: { catalogueItemCode: "ROSC_PEER_SUPPORT", subTypes: [], startDate: "2025-05-01", endDate: null, plannedEndDate: null, plannedSessions: null, interestExpressedDate: null, firstContactActions: [], contactSchedule: [] },
      episode: episodeOf(apiEpisode()),
      assessments: [],
      catalogue: defaultCatalogue(),
      settings: DEFAULT_SERVICE_SETTINGS,
      today: "2025-07-01",
    };
    expect(violationsOf(checkNewIntervention({ ...input, episodeInterventions: [intervention] }))).toEqual([]);
    expect(violationsOf(checkNewIntervention({ ...input, episodeInterventions: [] })).map((found) => found.code)).toEqual(["ROSC_REQUIRES_CONCURRENT_MODALITY"]);
  });

  it("turns an assessment's list of needs into core's levels by domain (R-ROSC-2)", () => {
    const assessment = assessmentOf(
      { id: "QXNzOjE", kind: "COMPREHENSIVE", date: "2025-03-20", assessor: { id: "U3RhZmY6MQ" }, needs: [{ domain: "HOUSING", level: "HIGH" }, { domain: "FINANCE", level: "NONE" }], enteredInError: null },
      "RXBpc29kZTox",
    );
    expect(assessment).toMatchObject({ episodeId: "RXBpc29kZTox", kind: "COMPREHENSIVE", date: "2025-03-20", assessorId: "U3RhZmY6MQ", needs: { HOUSING: "HIGH", FINANCE: "NONE" } });
  });

  it("keeps the entered-in-error mark, so the rules leave such a record out", () => {
    const marked = interventionOf(apiIntervention("COUNSELLING", "2025-04-01", null, { enteredInError: { reason: "Wrong person", markedById: null, markedOn: null } }), "RXBpc29kZTox");
    expect(marked.enteredInError).toEqual({ reason: "Wrong person", markedById: "", markedOn: "" });
  });
});
