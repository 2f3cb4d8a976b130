import { describe, expect, it } from "vitest";
import { checkPlannedSessions, checkSustainedActivity } from "./sustainedActivity.js";
import { codesOf, draft, fieldsOf, itemOf } from "./testing/scenario.js";

const diversionary = itemOf("ROSC_DIVERSIONARY_ACTIVITIES");

describe("checkSustainedActivity (R-ROSC-6)", () => {
  it("R-ROSC-6: accepts a diversionary activity with two or more planned sessions", () => {
    expect(checkSustainedActivity(draft("ROSC_DIVERSIONARY_ACTIVITIES", { plannedSessions: 2 }), diversionary)).toEqual({ ok: true });
  });

  it("R-ROSC-6: accepts a diversionary activity with a planned end date after its start", () => {
    expect(checkSustainedActivity(draft("ROSC_DIVERSIONARY_ACTIVITIES", { plannedEndDate: "2024-03-02" }), diversionary).ok).toBe(true);
  });

  it.each([
    ["nothing planned", {}],
    ["a single planned session", { plannedSessions: 1 }],
    ["a planned end on the start date", { plannedEndDate: "2024-03-01", plannedSessions: 1 }],
  ])("R-ROSC-6: refuses a one-off diversionary activity (%s)", (_case, planned) => {
    const result = checkSustainedActivity(draft("ROSC_DIVERSIONARY_ACTIVITIES", planned), diversionary);
    expect(codesOf(result)).toEqual(["ROSC_NOT_SUSTAINED"]);
    expect(fieldsOf(result)).toEqual(["plannedSessions"]);
  });

  it("R-ROSC-6: lets a one-off session of an item without the switch through", () => {
    expect(checkSustainedActivity(draft("ROSC_PEER_SUPPORT", { plannedSessions: 1 }), itemOf("ROSC_PEER_SUPPORT")).ok).toBe(true);
  });

  it("R-ROSC-6: planned sessions, when given, are a whole number of one or more", () => {
    expect(checkPlannedSessions(draft("COUNSELLING", { plannedSessions: null })).ok).toBe(true);
    expect(checkPlannedSessions(draft("COUNSELLING", { plannedSessions: 6 })).ok).toBe(true);
    expect(codesOf(checkPlannedSessions(draft("COUNSELLING", { plannedSessions: 0 })))).toEqual(["INVALID_VALUE"]);
    expect(codesOf(checkPlannedSessions(draft("COUNSELLING", { plannedSessions: 2.5 })))).toEqual(["INVALID_VALUE"]);
  });
});
