import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addYears, daysBetween } from "../dates/isoDate.js";
import { ostDuration } from "./flags.js";
import { ostHistoryArb } from "./testing/arbitraries.js";
import { TEST_CATALOGUE } from "./testing/records.js";

const asOfPairArb = fc.tuple(fc.integer({ min: -100, max: 4000 }), fc.integer({ min: 0, max: 1500 }));

describe("OST duration properties", () => {
  it("R-OST-1: days on OST never fall as asOf moves on while the same spell continues", () => {
    fc.assert(
      fc.property(ostHistoryArb, asOfPairArb, (interventions, [offset, later]) => {
        const firstStart = interventions[0]?.startDate ?? "2019-01-01";
        const earlierAsOf = addDays(firstStart, offset);
        const laterAsOf = addDays(earlierAsOf, later);
        const atEarlier = ostDuration(interventions, TEST_CATALOGUE, earlierAsOf);
        const atLater = ostDuration(interventions, TEST_CATALOGUE, laterAsOf);
        if (atLater.continuousSince !== null && atLater.continuousSince <= earlierAsOf) {
          expect(atEarlier.days).toBeLessThanOrEqual(atLater.days);
          if (atEarlier.continuousSince !== null) expect(atEarlier.continuousSince).toBe(atLater.continuousSince);
        }
      }),
    );
  });

  it("R-OST-1: the days and the flag agree with the spell's start in calendar years", () => {
    fc.assert(
      fc.property(ostHistoryArb, fc.integer({ min: -100, max: 4000 }), (interventions, offset) => {
        const asOf = addDays(interventions[0]?.startDate ?? "2019-01-01", offset);
        const { continuousSince, days, flag } = ostDuration(interventions, TEST_CATALOGUE, asOf);
        if (continuousSince === null) {
          expect([days, flag]).toEqual([0, null]);
          return;
        }
        expect(days).toBe(daysBetween(continuousSince, asOf));
        const expected = addYears(continuousSince, 6) <= asOf ? "OST_6_YEARS" : addYears(continuousSince, 2) <= asOf ? "OST_2_YEARS" : null;
        expect(flag).toBe(expected);
        // Someone is on OST at asOf only if a prescription covers that day.
        const covering = interventions.some((i) => i.startDate <= asOf && (i.endDate === null || i.endDate >= asOf));
        expect(covering).toBe(true);
      }),
    );
  });
});
