import { DEFAULT_SERVICE_SETTINGS, defaultCatalogue } from "@waymark/core";
import { describe, expect, it } from "vitest";
import { defaultContactSchedule, draftOf, emptyInterventionForm, itemWarnings, recordInterventionInput, submitErrors, type InterventionFormState } from "./interventionForm.js";
import { apiEpisode, apiIntervention, recordsFor } from "./testing/apiRecords.js";

const catalogue = defaultCatalogue();
const TODAY = "2025-07-01";
const form = (change: Partial<InterventionFormState>): InterventionFormState => ({ ...emptyInterventionForm(TODAY, ""), setting: "COMMUNITY", ...change });

describe("the intervention form's pre-submit checks, using core's checkNewIntervention", () => {
  it("R-ROSC-1: explains beside peer support that nothing structured runs alongside it, and stops explaining once something does", () => {
    const item = catalogue.find("ROSC_PEER_SUPPORT");
    const alone = recordsFor(apiEpisode(), [apiIntervention("COUNSELLING", "2025-04-01", "2025-05-31")]);
    expect(itemWarnings(alone, form({ catalogueItemCode: "ROSC_PEER_SUPPORT" }), item, DEFAULT_SERVICE_SETTINGS, TODAY)).toEqual([
      expect.stringContaining("Peer support or mentoring is recorded only alongside structured treatment"),
    ]);
    const alongside = recordsFor(apiEpisode(), [apiIntervention("COUNSELLING", "2025-04-01", null)]);
    expect(itemWarnings(alongside, form({ catalogueItemCode: "ROSC_PEER_SUPPORT" }), item, DEFAULT_SERVICE_SETTINGS, TODAY)).toEqual([]);
  });

  it("R-ROSC-6: warns that a diversionary activity is a one-off until sessions or a planned end are given", () => {
    const records = recordsFor(apiEpisode(), [apiIntervention("COUNSELLING", "2025-04-01")]);
    const item = catalogue.find("ROSC_DIVERSIONARY_ACTIVITIES");
    expect(itemWarnings(records, form({ catalogueItemCode: item!.code }), item, DEFAULT_SERVICE_SETTINGS, TODAY)).toEqual([expect.stringContaining("not a one-off session")]);
    expect(itemWarnings(records, form({ catalogueItemCode: item!.code, plannedSessions: "4" }), item, DEFAULT_SERVICE_SETTINGS, TODAY)).toEqual([]);
  });

  it("says nothing while the start date is still being typed", () => {
    const records = recordsFor(apiEpisode());
    expect(itemWarnings(records, form({ catalogueItemCode: "ROSC_PEER_SUPPORT", startDate: "2025-7-" }), catalogue.find("ROSC_PEER_SUPPORT"), DEFAULT_SERVICE_SETTINGS, TODAY)).toEqual([]);
  });

  it("on submit, names missing answers first and reports sub-type problems against the sub-type question (R-ROSC-2)", () => {
    const records = recordsFor(apiEpisode(), [apiIntervention("COUNSELLING", "2025-04-01")]);
    expect(submitErrors(records, form({ setting: "" }), undefined, DEFAULT_SERVICE_SETTINGS, TODAY)).toEqual({
      catalogueItemCode: "Choose the intervention that was given.",
      setting: "Choose where it is delivered.",
    });
    const item = catalogue.find("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT");
    const errors = submitErrors(records, form({ catalogueItemCode: item!.code, subTypes: ["HOUSING"] }), item, DEFAULT_SERVICE_SETTINGS, TODAY);
    expect(errors).toEqual({ subTypes: expect.stringContaining("needs an assessed housing need") });
  });

  it("leaves out answers the chosen item does not ask for, so nothing hidden is judged or sent", () => {
    const item = catalogue.find("COUNSELLING")!;
    const state = form({ catalogueItemCode: "COUNSELLING", interestExpressedDate: "2025-06-01", firstContactActions: ["ACCOMPANIED"], subTypes: ["HOUSING"] });
    const draft = draftOf(state, item);
    expect(draft).toMatchObject({ interestExpressedDate: null, firstContactActions: [], subTypes: [], contactSchedule: [] });
    expect(recordInterventionInput("RXBpc29kZTox", state, draft, item)).toMatchObject({ contactSchedule: null, deliveredById: null, notes: null, setting: "COMMUNITY" });
  });

  it("R-ROSC-4: fills aftercare check-ups in from the discharge date, from the start date on", () => {
    const aftercare = catalogue.find("ROSC_AFTERCARE");
    expect(defaultContactSchedule(aftercare, "2025-06-02", "2025-06-02", DEFAULT_SERVICE_SETTINGS)).toEqual(["2025-06-30", "2025-07-28", "2025-08-25", "2025-09-22", "2025-10-20", "2025-11-17"]);
    expect(defaultContactSchedule(aftercare, "2025-06-02", "2025-08-01", DEFAULT_SERVICE_SETTINGS)).toEqual(["2025-08-25", "2025-09-22", "2025-10-20", "2025-11-17"]);
    expect(defaultContactSchedule(catalogue.find("ROSC_PEER_SUPPORT"), "2025-06-02", "2025-06-02", DEFAULT_SERVICE_SETTINGS)).toEqual([]);
  });
});
