import { describe, expect, it } from "vitest";
import { paramsOf, scheduleViewOf, windowEnd } from "./scheduleView.js";

describe("the review schedule's view in the address (R-REV-2)", () => {
  it("starts a team lead on the team's schedule and a practitioner on their own", () => {
    expect(scheduleViewOf(new URLSearchParams(), true)).toEqual({ scope: "TEAM", teamId: null, keyworkerId: null, weeksAhead: 4 });
    expect(scheduleViewOf(new URLSearchParams("team=T&keyworker=K"), false)).toEqual({ scope: "MINE", teamId: null, keyworkerId: null, weeksAhead: 4 });
  });

  it("reads back the view it writes, and ignores a window it does not offer", () => {
    const view = { scope: "TEAM", teamId: "VGVhbTox", keyworkerId: "U3RhZmY6MQ", weeksAhead: 12 } as const;
    expect(scheduleViewOf(paramsOf(view), true)).toEqual(view);
    expect(scheduleViewOf(new URLSearchParams("weeks=5"), true).weeksAhead).toBe(4);
  });

  it("ends the window after whole weeks, counting today as the first day", () => {
    expect(windowEnd({ scope: "MINE", teamId: null, keyworkerId: null, weeksAhead: 4 }, "2026-11-23")).toBe("2026-12-20");
  });
});
