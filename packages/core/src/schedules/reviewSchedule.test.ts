import { describe, expect, it } from "vitest";
import {
  DEFAULT_REVIEW_WINDOW_DAYS,
  defaultReviewWindow,
  nextReviewDue,
  openReviewStatus,
  reviewDueDateAfter,
  reviewOccurrences,
  type ReviewOccurrence,
} from "./reviewSchedule.js";
import { aPlan, aReview, anEpisode, ENTERED_IN_ERROR } from "./testing/records.js";

const openEpisode = anEpisode();
const window = (asOf: string) => defaultReviewWindow(asOf);

function summary(occurrences: readonly ReviewOccurrence[]) {
  return occurrences.map(({ planId, dueDate, completedDate, status }) => ({ planId, dueDate, completedDate, status }));
}

describe("R-REV-1: when reviews fall due", () => {
  it("R-REV-1: the first review is due reviewIntervalWeeks after sign-off", () => {
    const plan = aPlan({ signedOffDate: "2024-01-15", reviewIntervalWeeks: 12 });
    expect(nextReviewDue([plan], [], openEpisode)).toBe("2024-04-08");
    expect(reviewDueDateAfter(plan, [])).toBe("2024-04-08");
  });

  it("R-REV-1: the plan's own interval is used, not the default", () => {
    const plan = aPlan({ signedOffDate: "2024-01-15", reviewIntervalWeeks: 8 });
    expect(nextReviewDue([plan], [], openEpisode)).toBe("2024-03-11");
  });

  it("R-REV-1: 12 weeks from a sign-off on 6 December 2023 lands on 28 February 2024 in a leap year", () => {
    const plan = aPlan({ signedOffDate: "2023-12-06" });
    expect(reviewDueDateAfter(plan, [])).toBe("2024-02-28");
  });

  it("R-REV-1: counting 12 weeks across 29 February 2024 counts the leap day", () => {
    const plan = aPlan({ signedOffDate: "2024-01-10" });
    expect(reviewDueDateAfter(plan, [])).toBe("2024-04-03");
  });

  it("R-REV-1: the next review is due reviewIntervalWeeks after the last review was completed, not after its due date", () => {
    const plan = aPlan({ signedOffDate: "2024-01-15" });
    const early = aReview({ completedDate: "2024-04-01" });
    expect(reviewDueDateAfter(plan, [early])).toBe("2024-06-24");
    const late = aReview({ completedDate: "2024-04-15" });
    expect(reviewDueDateAfter(plan, [late])).toBe("2024-07-08");
    expect(nextReviewDue([plan], [late], openEpisode)).toBe("2024-07-08");
  });

  it("R-REV-1: reviews are chained in order of completion whatever order they are given in", () => {
    const plan = aPlan({ signedOffDate: "2024-01-15" });
    const reviews = [aReview({ completedDate: "2024-06-20" }), aReview({ completedDate: "2024-04-01" })];
    expect(reviewDueDateAfter(plan, reviews)).toBe("2024-09-12");
    expect(summary(reviewOccurrences([plan], reviews, openEpisode, window("2024-07-01")))).toEqual([
      { planId: "plan-1", dueDate: "2024-04-08", completedDate: "2024-04-01", status: "COMPLETED_ON_TIME" },
      { planId: "plan-1", dueDate: "2024-06-24", completedDate: "2024-06-20", status: "COMPLETED_ON_TIME" },
      { planId: "plan-1", dueDate: "2024-09-12", completedDate: null, status: "LATER" },
    ]);
  });

  it("R-REV-1: a plan that is not signed off is not reviewed", () => {
    const plan = aPlan({ signedOffDate: null, signedOffById: null });
    expect(reviewDueDateAfter(plan, [])).toBeNull();
    expect(nextReviewDue([plan], [], openEpisode)).toBeNull();
    expect(reviewOccurrences([plan], [], openEpisode, window("2025-01-01"))).toEqual([]);
  });

  it("R-REV-1: a review entered in error does not move the schedule on", () => {
    const plan = aPlan({ signedOffDate: "2024-01-15" });
    const mistaken = aReview({ completedDate: "2024-04-01", enteredInError: ENTERED_IN_ERROR });
    expect(reviewDueDateAfter(plan, [mistaken])).toBe("2024-04-08");
    expect(reviewOccurrences([plan], [mistaken], openEpisode, window("2024-05-01")).map((o) => o.status)).toEqual(["OVERDUE"]);
  });

  it("R-REV-1: a plan entered in error has no reviews due", () => {
    const plan = aPlan({ enteredInError: ENTERED_IN_ERROR });
    expect(reviewDueDateAfter(plan, [])).toBeNull();
    expect(nextReviewDue([plan], [], openEpisode)).toBeNull();
  });

  it("R-REV-1: a review dated before the plan's sign-off cannot satisfy one of its due dates", () => {
    const plan = aPlan({ signedOffDate: "2024-01-15" });
    const tooEarly = aReview({ completedDate: "2024-01-10" });
    expect(reviewDueDateAfter(plan, [tooEarly])).toBe("2024-04-08");
  });

  it("R-REV-1: reviews of another plan and plans of another episode do not count", () => {
    const plan = aPlan({ signedOffDate: "2024-01-15" });
    const otherEpisodePlan = aPlan({ id: "plan-9", episodeId: "episode-9", signedOffDate: "2024-03-01" });
    const reviewOfOtherPlan = aReview({ planId: "plan-9", completedDate: "2024-04-01" });
    expect(reviewDueDateAfter(plan, [reviewOfOtherPlan])).toBe("2024-04-08");
    expect(nextReviewDue([plan, otherEpisodePlan], [reviewOfOtherPlan], openEpisode)).toBe("2024-04-08");
  });

  it("R-REV-1: a plan left unreviewed has one overdue due date, not one per interval", () => {
    const plan = aPlan({ signedOffDate: "2023-01-16" });
    const occurrences = reviewOccurrences([plan], [], openEpisode, window("2024-06-01"));
    expect(summary(occurrences)).toEqual([{ planId: "plan-1", dueDate: "2023-04-10", completedDate: null, status: "OVERDUE" }]);
  });
});

describe("R-REV-2: on time, overdue, due and upcoming", () => {
  const plan = aPlan({ signedOffDate: "2024-01-15" }); // first review due 2024-04-08

  it("R-REV-2: a review completed exactly on its due date is on time", () => {
    const occurrences = reviewOccurrences([plan], [aReview({ completedDate: "2024-04-08" })], openEpisode, window("2024-04-08"));
    expect(occurrences[0]).toMatchObject({ dueDate: "2024-04-08", completedDate: "2024-04-08", status: "COMPLETED_ON_TIME" });
  });

  it("R-REV-2: a review completed the day after its due date is late", () => {
    const occurrences = reviewOccurrences([plan], [aReview({ completedDate: "2024-04-09" })], openEpisode, window("2024-04-09"));
    expect(occurrences[0]).toMatchObject({ dueDate: "2024-04-08", reviewId: "review-2024-04-09", status: "COMPLETED_LATE" });
  });

  it("R-REV-2: a review not completed is overdue from the day after its due date", () => {
    expect(reviewOccurrences([plan], [], openEpisode, window("2024-04-08"))[0]?.status).toBe("DUE");
    expect(reviewOccurrences([plan], [], openEpisode, window("2024-04-09"))[0]?.status).toBe("OVERDUE");
  });

  it("R-REV-2: the window sorts an open review into due, upcoming or later, both ends included", () => {
    const asOf = "2024-06-01";
    const statusOf = (dueDate: string) => openReviewStatus(dueDate, window(asOf));
    expect(statusOf("2024-05-31")).toBe("OVERDUE");
    expect(statusOf("2024-06-01")).toBe("DUE");
    expect(statusOf("2024-06-08")).toBe("DUE");
    expect(statusOf("2024-06-09")).toBe("UPCOMING");
    expect(statusOf("2024-06-29")).toBe("UPCOMING");
    expect(statusOf("2024-06-30")).toBe("LATER");
  });

  it("R-REV-2: the default window is 7 days due and 28 days upcoming", () => {
    expect(DEFAULT_REVIEW_WINDOW_DAYS).toEqual({ dueWithinDays: 7, upcomingWithinDays: 28 });
    expect(defaultReviewWindow("2024-06-01")).toEqual({ asOf: "2024-06-01", dueWithinDays: 7, upcomingWithinDays: 28 });
  });

  it("R-REV-2: a plan signed off today has its first review in 12 weeks: later with the default window, upcoming with a wider one", () => {
    const today = "2024-09-02";
    const signedToday = aPlan({ signedOffDate: today });
    const byDefault = reviewOccurrences([signedToday], [], openEpisode, window(today));
    expect(summary(byDefault)).toEqual([{ planId: "plan-1", dueDate: "2024-11-25", completedDate: null, status: "LATER" }]);
    const wide = reviewOccurrences([signedToday], [], openEpisode, { asOf: today, dueWithinDays: 7, upcomingWithinDays: 90 });
    expect(wide[0]?.status).toBe("UPCOMING");
  });
});

describe("R-REV-1: a later plan supersedes an earlier one", () => {
  const first = aPlan({ id: "plan-1", signedOffDate: "2024-01-15" }); // first review due 2024-04-08

  it("R-REV-1: a due date of the old plan already passed when the new plan was signed off is missed", () => {
    const second = aPlan({ id: "plan-2", signedOffDate: "2024-05-01" });
    expect(summary(reviewOccurrences([first, second], [], openEpisode, window("2024-05-10")))).toEqual([
      { planId: "plan-1", dueDate: "2024-04-08", completedDate: null, status: "MISSED" },
      { planId: "plan-2", dueDate: "2024-07-24", completedDate: null, status: "LATER" },
    ]);
  });

  it("R-REV-1: a due date of the old plan not yet reached when the new plan was signed off is dropped", () => {
    const second = aPlan({ id: "plan-2", signedOffDate: "2024-03-01" });
    expect(summary(reviewOccurrences([second, first], [], openEpisode, window("2024-05-01")))).toEqual([
      { planId: "plan-2", dueDate: "2024-05-24", completedDate: null, status: "UPCOMING" },
    ]);
    expect(nextReviewDue([first, second], [], openEpisode)).toBe("2024-05-24");
  });

  it("R-REV-1: a new plan signed off on the old plan's due date takes that review's place", () => {
    const second = aPlan({ id: "plan-2", signedOffDate: "2024-04-08" });
    const occurrences = reviewOccurrences([first, second], [], openEpisode, window("2024-04-10"));
    expect(occurrences.map((o) => o.planId)).toEqual(["plan-2"]);
  });

  it("R-REV-1: the old plan's completed reviews stay in the history", () => {
    const second = aPlan({ id: "plan-2", signedOffDate: "2024-06-01" });
    const reviews = [aReview({ completedDate: "2024-04-05" })];
    expect(summary(reviewOccurrences([first, second], reviews, openEpisode, window("2024-06-02")))).toEqual([
      { planId: "plan-1", dueDate: "2024-04-08", completedDate: "2024-04-05", status: "COMPLETED_ON_TIME" },
      { planId: "plan-2", dueDate: "2024-08-24", completedDate: null, status: "LATER" },
    ]);
  });

  it("R-REV-1: an unsigned new plan does not supersede the signed-off one", () => {
    const draft = aPlan({ id: "plan-2", signedOffDate: null, signedOffById: null, startDate: "2024-03-01" });
    expect(nextReviewDue([first, draft], [], openEpisode)).toBe("2024-04-08");
  });
});

describe("R-REV-1: a closed episode has no open reviews", () => {
  const plan = aPlan({ signedOffDate: "2024-01-15" }); // first review due 2024-04-08

  it("R-REV-1: a due date passed before discharge without a review is missed", () => {
    const closed = anEpisode({ status: "CLOSED", dischargeDate: "2024-05-01", dischargeReason: "DROPPED_OUT" });
    expect(summary(reviewOccurrences([plan], [], closed, window("2024-06-01")))).toEqual([
      { planId: "plan-1", dueDate: "2024-04-08", completedDate: null, status: "MISSED" },
    ]);
    expect(nextReviewDue([plan], [], closed)).toBeNull();
  });

  it("R-REV-1: a due date on or after the discharge date is dropped", () => {
    const completedOnDueDate = anEpisode({ status: "COMPLETED", dischargeDate: "2024-04-08", dischargeReason: "COMPLETED_DRUG_FREE" });
    expect(reviewOccurrences([plan], [], completedOnDueDate, window("2024-06-01"))).toEqual([]);
    const completedEarly = anEpisode({ status: "COMPLETED", dischargeDate: "2024-03-20", dischargeReason: "COMPLETED_DRUG_FREE" });
    expect(reviewOccurrences([plan], [], completedEarly, window("2024-06-01"))).toEqual([]);
  });

  it("R-REV-1: the reviews done before discharge are still reported", () => {
    const closed = anEpisode({ status: "COMPLETED", dischargeDate: "2024-09-01", dischargeReason: "COMPLETED_DRUG_FREE" });
    const occurrences = reviewOccurrences([plan], [aReview({ completedDate: "2024-04-10" })], closed, window("2024-10-01"));
    expect(summary(occurrences)).toEqual([
      { planId: "plan-1", dueDate: "2024-04-08", completedDate: "2024-04-10", status: "COMPLETED_LATE" },
      { planId: "plan-1", dueDate: "2024-07-03", completedDate: null, status: "MISSED" },
    ]);
  });
});
