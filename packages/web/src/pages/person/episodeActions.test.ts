import { describe, expect, it } from "vitest";
import { episodeActions, type EpisodeActionFacts } from "./episodeActions.js";

const facts = (change: Partial<EpisodeActionFacts>): EpisodeActionFacts => ({
  id: "RXBpc29kZTox",
  status: "REFERRED",
  treatmentStarted: false,
  hasSignedOffPlan: false,
  viewerIsTeamLead: false,
  ...change,
});
const labels = (change: Partial<EpisodeActionFacts>) => episodeActions(facts(change)).map((action) => action.label);

describe("the journey forms a person's record offers for an episode", () => {
  it("offers triage, contacts, harm reduction and discharge on a new referral, and nothing that needs triage first", () => {
    expect(labels({ status: "REFERRED" })).toEqual(["Record triage", "Record an intervention", "Record a contact or missed appointment", "Record harm reduction", "Discharge"]);
  });

  it("R-REV-3: offers a plan review only once a plan is signed off", () => {
    expect(labels({ status: "ASSESSED" })).not.toContain("Record a plan review");
    expect(labels({ status: "ASSESSED", hasSignedOffPlan: true })).toContain("Record a plan review");
  });

  it("R-TOP-2: offers a TOP only once structured treatment has begun", () => {
    expect(labels({ status: "TRIAGED" })).not.toContain("Record a TOP");
    expect(labels({ status: "IN_TREATMENT", treatmentStarted: true })).toContain("Record a TOP");
  });

  it("R-ROSC-4/5: after a planned completion offers interventions (aftercare) and TOPs, never contacts, triage or discharge", () => {
    expect(labels({ status: "COMPLETED", treatmentStarted: true })).toEqual(["Record an intervention", "Record a TOP"]);
  });

  it("offers nothing but a late TOP on a closed episode that had treatment, and nothing at all on one that did not", () => {
    expect(labels({ status: "CLOSED", treatmentStarted: true })).toEqual(["Record a TOP"]);
    expect(labels({ status: "CLOSED" })).toEqual([]);
  });

  it("offers the keyworker change to team leads only, on open episodes", () => {
    expect(labels({ status: "IN_TREATMENT" })).not.toContain("Change keyworker");
    expect(labels({ status: "IN_TREATMENT", viewerIsTeamLead: true })).toContain("Change keyworker");
    expect(labels({ status: "COMPLETED", viewerIsTeamLead: true })).not.toContain("Change keyworker");
  });

  it("links to the journey forms by the episode's opaque ID only", () => {
    const paths = episodeActions(facts({ status: "IN_TREATMENT", treatmentStarted: true, hasSignedOffPlan: true, viewerIsTeamLead: true })).map((action) => action.to);
    expect(paths).toEqual([
      "/episodes/RXBpc29kZTox/assessment",
      "/episodes/RXBpc29kZTox/plan",
      "/episodes/RXBpc29kZTox/review",
      "/episodes/RXBpc29kZTox/intervention",
      "/episodes/RXBpc29kZTox/outcome",
      "/episodes/RXBpc29kZTox/contact",
      "/episodes/RXBpc29kZTox/harm-reduction",
      "/episodes/RXBpc29kZTox/keyworker",
      "/episodes/RXBpc29kZTox/discharge",
    ]);
  });
});
