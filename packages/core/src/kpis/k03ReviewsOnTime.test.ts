import { describe, expect, it } from "vitest";
import { reviewsOnTimeKpi } from "./k03ReviewsOnTime.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

/** Plans reviewed every 12 weeks (R-REV-1), with due dates spread around the quarter. */
function reviewedCaseload() {
  const b = new ProviderDataBuilder();
  // Due 31 March (before the period, on time), then 20 June: completed that day, on time.
  const onTime = b.plan(b.episode(b.person(), { referred: "2025-01-01" }), "2025-01-06");
  b.review(onTime, "2025-03-28");
  b.review(onTime, "2025-06-20");
  // Due 7 April, completed 10 April: late.
  b.review(b.plan(b.episode(b.person(), { referred: "2025-01-01", keyworkerId: "s-bob" }), "2025-01-13"), "2025-04-10");
  // Due 28 April, never completed: overdue.
  b.plan(b.episode(b.person(), { referred: "2025-01-01" }), "2025-02-03");
  // Due 30 June, the last day: still due on 30 June, overdue from 1 July.
  b.plan(b.episode(b.person(), { referred: "2025-01-01" }), "2025-04-07");
  // Due 5 May, episode discharged 15 May with the review not done: missed.
  const discharged = b.episode(b.person(), { referred: "2025-01-01", discharged: { date: "2025-05-15", reason: "DROPPED_OUT" } });
  b.plan(discharged, "2025-02-10");
  // Due 14 April; the only review is entered in error, so it is overdue.
  b.review(b.plan(b.episode(b.person(), { referred: "2025-01-01" }), "2025-01-20"), "2025-04-14", { enteredInError: true });
  // A plan entered in error is never due a review; an episode entered in error is not counted.
  b.plan(b.episode(b.person(), { referred: "2025-01-01" }), "2025-01-20", { enteredInError: true });
  b.plan(b.episode(b.person(), { referred: "2025-01-01", enteredInError: true }), "2025-01-20");
  return b.build();
}

describe("K-3 reviews on time", () => {
  it("K-3: divides reviews completed on time by the settled reviews due in the period (R-REV-2)", () => {
    const result = reviewsOnTimeKpi(reviewedCaseload(), Q1);
    expect(result).toMatchObject({ id: "K-3", target: 0.8, numerator: 1, denominator: 5, value: 0.2 });
    expect(result.byStatus.map((status) => [status.key, status.count])).toEqual([
      ["COMPLETED_ON_TIME", 1],
      ["COMPLETED_LATE", 1],
      ["MISSED", 1],
      ["OVERDUE", 2],
    ]);
  });

  it("K-3: leaves a review due on the report date out until it is overdue", () => {
    expect(reviewsOnTimeKpi(reviewedCaseload(), Q1, { asOf: "2025-07-01" })).toMatchObject({ numerator: 1, denominator: 6 });
  });

  it("K-3: breaks reviews down by the episode's keyworker", () => {
    expect(reviewsOnTimeKpi(reviewedCaseload(), Q1, { breakdown: "KEYWORKER" }).groups).toEqual([
      { key: "s-ann", label: "Ann Keyworker", numerator: 1, denominator: 4, value: 0.25 },
      { key: "s-bob", label: "Bob Keyworker", numerator: 0, denominator: 1, value: 0 },
    ]);
  });

  it("K-3: gives a null value when no review fell due", () => {
    const b = new ProviderDataBuilder();
    b.plan(b.episode(b.person(), { referred: "2025-05-01" }), "2025-05-01");
    expect(reviewsOnTimeKpi(b.build(), Q1)).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });
});
