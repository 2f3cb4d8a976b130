import { describe, expect, it } from "vitest";
import { waitingTimeKpi } from "./k02WaitingTime.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

describe("K-2 waiting time", () => {
  it("K-2: counts a first intervention 21 days after referral as within the target and 22 days as outside it", () => {
    const b = new ProviderDataBuilder();
    b.treated(b.person(), { referred: "2025-04-01", start: "2025-04-22" });
    b.treated(b.person(), { referred: "2025-04-01", start: "2025-04-23" });
    const result = waitingTimeKpi(b.build(), Q1);
    expect(result).toMatchObject({ id: "K-2", numerator: 1, denominator: 2, value: 0.5, medianWaitDays: 21.5, target: null });
  });

  it("K-2: holds each episode to its own team's target", () => {
    const b = new ProviderDataBuilder();
    // 15 days: within the adults' 21 days, outside the young people's 14.
    b.treated(b.person(), { referred: "2025-04-01", start: "2025-04-16", teamId: "t-adults" });
    b.treated(b.person({ dateOfBirth: "2006-01-01" }), { referred: "2025-04-01", start: "2025-04-16", teamId: "t-young" });
    const result = waitingTimeKpi(b.build(), Q1, { breakdown: "TEAM" });
    expect(result.numerator).toBe(1);
    expect(result.groups).toEqual([
      { key: "t-adults", label: "Adults", numerator: 1, denominator: 1, value: 1, medianWaitDays: 15 },
      { key: "t-young", label: "Young people", numerator: 0, denominator: 1, value: 0, medianWaitDays: 15 },
    ]);
  });

  it("K-2: counts only first interventions that started in the period, from the earliest structured start", () => {
    const b = new ProviderDataBuilder();
    const startedBefore = b.treated(b.person(), { referred: "2025-03-01", start: "2025-03-31" });
    b.intervention(startedBefore, { code: "OST_METHADONE", start: "2025-04-05" });
    b.treated(b.person(), { referred: "2025-06-01", start: "2025-07-01" });
    const lastDay = b.treated(b.person(), { referred: "2025-06-01", start: "2025-06-30" });
    // Recovery support does not start structured treatment; the CBT start on 30 June does.
    b.intervention(lastDay, { code: "PEER_SUPPORT", start: "2025-06-02" });
    const result = waitingTimeKpi(b.build(), Q1);
    expect(result).toMatchObject({ numerator: 0, denominator: 1, medianWaitDays: 29 });
  });

  it("K-2: ignores an intervention entered in error when finding the first one", () => {
    const b = new ProviderDataBuilder();
    const episode = b.treated(b.person(), { referred: "2025-04-01", start: "2025-05-30" });
    b.intervention(episode, { code: "OST_METHADONE", start: "2025-04-02", enteredInError: true });
    expect(waitingTimeKpi(b.build(), Q1)).toMatchObject({ numerator: 0, denominator: 1, medianWaitDays: 59 });
  });

  it("K-2: gives a null value and median when no first intervention started in the period", () => {
    const b = new ProviderDataBuilder();
    b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });
    expect(waitingTimeKpi(b.build(), Q1)).toMatchObject({ numerator: 0, denominator: 0, value: null, medianWaitDays: null });
  });

  it("K-2: takes the median of an odd number of waits as the middle one", () => {
    const b = new ProviderDataBuilder();
    for (const start of ["2025-04-03", "2025-04-30", "2025-04-11"]) b.treated(b.person(), { referred: "2025-04-01", start });
    expect(waitingTimeKpi(b.build(), Q1).medianWaitDays).toBe(10);
  });
});
