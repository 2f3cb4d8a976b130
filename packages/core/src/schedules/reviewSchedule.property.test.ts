import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addWeeks, daysBetween } from "../dates/isoDate.js";
import { inForce } from "../records/common.js";
import { isOpen } from "../records/episode.js";
import { nextReviewDue, reviewDueDateAfter, reviewOccurrences, type ReviewOccurrenceStatus } from "./reviewSchedule.js";
import { planHistoryArb } from "./testing/arbitraries.js";

const OPEN_STATUSES: readonly ReviewOccurrenceStatus[] = ["OVERDUE", "DUE", "UPCOMING", "LATER"];

describe("review schedule properties", () => {
  it("R-REV-2: no occurrence is both on time and overdue, and each completed status agrees with its dates", () => {
    fc.assert(
      fc.property(planHistoryArb, ({ episode, plans, reviews, window }) => {
        for (const occurrence of reviewOccurrences(plans, reviews, episode, window)) {
          const completedOnTime = occurrence.completedDate !== null && occurrence.completedDate <= occurrence.dueDate;
          const overdue = occurrence.completedDate === null && occurrence.dueDate < window.asOf && occurrence.status === "OVERDUE";
          expect(completedOnTime && overdue).toBe(false);
          expect(occurrence.status === "COMPLETED_ON_TIME").toBe(completedOnTime);
          expect(occurrence.status === "COMPLETED_LATE").toBe(occurrence.completedDate !== null && !completedOnTime);
          expect(occurrence.completedDate === null).toBe(occurrence.reviewId === null);
        }
      }),
    );
  });

  it("R-REV-1: the next due date is always after the last completed review and the sign-off of the current plan", () => {
    fc.assert(
      fc.property(planHistoryArb, ({ episode, plans, reviews }) => {
        const next = nextReviewDue(plans, reviews, episode);
        if (!isOpen(episode)) {
          expect(next).toBeNull();
          return;
        }
        const current = plans.filter((plan) => plan.signedOffDate !== null).at(-1);
        expect(next).toBe(current ? reviewDueDateAfter(current, reviews) : null);
        if (current === undefined || next === null) return;
        for (const review of inForce(reviews).filter((r) => r.planId === current.id)) {
          expect(next > review.completedDate).toBe(true);
        }
        expect(next > (current.signedOffDate ?? "")).toBe(true);
      }),
    );
  });

  it("R-REV-2: an open episode has exactly one open occurrence, and its status is the one its window gives", () => {
    fc.assert(
      fc.property(planHistoryArb, fc.integer({ min: -10, max: 45 }), ({ episode, plans, reviews, window }, daysBeforeDue) => {
        const next = nextReviewDue(plans, reviews, episode);
        // Besides the drawn window, one placed just before (or after) the open due date, where DUE and UPCOMING live.
        const windows = next === null ? [window] : [window, { ...window, asOf: addDays(next, -daysBeforeDue) }];
        for (const placed of windows) {
          const open = reviewOccurrences(plans, reviews, episode, placed).filter((o) => OPEN_STATUSES.includes(o.status));
          if (!isOpen(episode)) {
            expect(open).toEqual([]);
            continue;
          }
          expect(open).toHaveLength(1);
          const [only] = open;
          if (only === undefined) continue;
          expect(only.dueDate).toBe(next);
          const daysAhead = daysBetween(placed.asOf, only.dueDate);
          const expected =
            daysAhead < 0 ? "OVERDUE" : daysAhead <= placed.dueWithinDays ? "DUE" : daysAhead <= placed.upcomingWithinDays ? "UPCOMING" : "LATER";
          expect(only.status).toBe(expected);
        }
      }),
    );
  });

  it("R-REV-1: every review in force appears once, and no review entered in error appears at all", () => {
    fc.assert(
      fc.property(planHistoryArb, ({ episode, plans, reviews, window }) => {
        const reported = reviewOccurrences(plans, reviews, episode, window).flatMap((o) => (o.reviewId === null ? [] : [o.reviewId]));
        expect([...reported].sort()).toEqual(inForce(reviews).map((review) => review.id).sort());
      }),
    );
  });

  it("R-REV-1: each due date of a plan falls its interval after the sign-off or after the review before it", () => {
    fc.assert(
      fc.property(planHistoryArb, ({ episode, plans, reviews, window }) => {
        const occurrences = reviewOccurrences(plans, reviews, episode, window);
        for (const plan of plans.filter((p) => p.signedOffDate !== null)) {
          let previous = plan.signedOffDate ?? "";
          for (const occurrence of occurrences.filter((o) => o.planId === plan.id)) {
            expect(occurrence.dueDate).toBe(addWeeks(previous, plan.reviewIntervalWeeks));
            if (occurrence.completedDate !== null) previous = occurrence.completedDate;
          }
        }
      }),
    );
  });

  it("R-REV-1: a missed due date fell before its plan was superseded or the episode closed", () => {
    fc.assert(
      fc.property(planHistoryArb, ({ episode, plans, reviews, window }) => {
        const signedOff = plans.filter((p) => p.signedOffDate !== null);
        for (const missed of reviewOccurrences(plans, reviews, episode, window).filter((o) => o.status === "MISSED")) {
          const index = signedOff.findIndex((plan) => plan.id === missed.planId);
          const stops = [signedOff[index + 1]?.signedOffDate, isOpen(episode) ? null : episode.dischargeDate].filter(
            (date): date is string => typeof date === "string",
          );
          expect(stops.length).toBeGreaterThan(0);
          expect(missed.dueDate < (stops.sort()[0] ?? "")).toBe(true);
        }
      }),
    );
  });
});
