import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../dates/isoDate.js";
import { isOpen } from "../records/episode.js";
import { TOP_RECORDING_WINDOW_DAYS, topsDue } from "./topSchedule.js";
import { topHistoryArb, type TopHistory } from "./testing/arbitraries.js";
import { TEST_CATALOGUE } from "./testing/records.js";

const dueFor = (history: TopHistory) => topsDue({ ...history, plans: [], reviews: [], catalogue: TEST_CATALOGUE });

describe("TOP schedule properties", () => {
  it("R-TOP-2: each recorded TOP satisfies at most one due date, of its own stage, within the recording window", () => {
    fc.assert(
      fc.property(topHistoryArb, (history) => {
        const recorded = dueFor(history).filter((due) => due.status === "RECORDED");
        const used = recorded.map((due) => due.outcomeId);
        expect(new Set(used).size).toBe(used.length);
        for (const due of recorded) {
          const outcome = history.outcomes.find((o) => o.id === due.outcomeId);
          expect(outcome?.stage).toBe(due.stage);
          expect(outcome?.enteredInError ?? null).toBeNull();
          expect(Math.abs(daysBetween(due.dueDate, outcome?.date ?? "")) <= TOP_RECORDING_WINDOW_DAYS).toBe(true);
        }
      }),
    );
  });

  it("R-TOP-2: a TOP not recorded is not yet due, due or missing according to asOf and the window", () => {
    fc.assert(
      fc.property(topHistoryArb, (history) => {
        for (const due of dueFor(history).filter((d) => d.outcomeId === null)) {
          const expected =
            history.asOf < due.dueDate ? "NOT_YET_DUE" : history.asOf <= addDays(due.dueDate, TOP_RECORDING_WINDOW_DAYS) ? "DUE" : "MISSING";
          expect(due.status).toBe(expected);
        }
      }),
    );
  });

  it("R-TOP-2: START comes first, REVIEWs follow it in order while in treatment, EXIT comes last and only after discharge", () => {
    fc.assert(
      fc.property(topHistoryArb, (history) => {
        const dues = dueFor(history);
        expect(dues[0]?.stage).toBe("START");
        const dates = dues.map((due) => due.dueDate);
        expect([...dates].sort()).toEqual(dates);
        // A start and a discharge on the same day owe both TOPs; REVIEWs fall strictly between them.
        const start = dues[0]?.dueDate ?? "";
        const reviewDates = dues.filter((due) => due.stage === "REVIEW").map((due) => due.dueDate);
        expect(new Set(reviewDates).size).toBe(reviewDates.length);
        expect(reviewDates.every((date) => date > start)).toBe(true);
        const { dischargeDate } = history.episode;
        if (isOpen(history.episode) || dischargeDate === null) {
          expect(dues.some((due) => due.stage === "EXIT")).toBe(false);
          expect(dues.filter((due) => due.dueDate > history.asOf && due.stage === "REVIEW").length).toBeLessThanOrEqual(1);
        } else {
          expect(dues.at(-1)).toMatchObject({ stage: "EXIT", dueDate: dischargeDate });
          for (const review of dues.filter((due) => due.stage === "REVIEW")) {
            expect(daysBetween(review.dueDate, dischargeDate)).toBeGreaterThan(TOP_RECORDING_WINDOW_DAYS);
          }
        }
      }),
    );
  });
});
