import { afterEach, describe, expect, it, vi } from "vitest";
import { systemClock } from "./clock.js";

describe("systemClock's today", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // Today is kept for the minute it was worked out in: these show the kept date never outlives a midnight.
  it.each([
    ["Greenwich Mean Time", "Europe/London", "2026-01-14T23:59:59.999Z", "2026-01-14", "2026-01-15T00:00:00.000Z", "2026-01-15"],
    ["British Summer Time, midnight at 23:00 UTC", "Europe/London", "2026-06-30T22:59:30.000Z", "2026-06-30", "2026-06-30T23:00:00.000Z", "2026-07-01"],
    ["a zone 45 minutes off the hour", "Asia/Kathmandu", "2026-03-01T18:14:59.000Z", "2026-03-01", "2026-03-01T18:15:00.000Z", "2026-03-02"],
  ])("turns at the local midnight in %s", (_name, timeZone, before, dateBefore, after, dateAfter) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const clock = systemClock(timeZone);
    vi.setSystemTime(new Date(before));
    expect(clock.today()).toBe(dateBefore);
    expect(clock.today()).toBe(dateBefore);
    vi.setSystemTime(new Date(after));
    expect(clock.today()).toBe(dateAfter);
  });

  it("reads the clock again when it is set back", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const clock = systemClock("Europe/London");
    vi.setSystemTime(new Date("2026-05-02T10:00:00.000Z"));
    expect(clock.today()).toBe("2026-05-02");
    vi.setSystemTime(new Date("2026-05-01T10:00:00.000Z"));
    expect(clock.today()).toBe("2026-05-01");
  });
});
