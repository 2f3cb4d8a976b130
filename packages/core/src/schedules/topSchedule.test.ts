import { describe, expect, it } from "vitest";
import type { Episode } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";
import type { ServiceSettings } from "../records/organisation.js";
import type { OutcomeRecord } from "../records/outcome.js";
import type { RecoveryPlan, Review } from "../records/recoveryPlan.js";
import { TOP_RECORDING_WINDOW_DAYS, topsDue, type TopDue } from "./topSchedule.js";
import { aPlan, aReview, anEpisode, anIntervention, aTop, ENTERED_IN_ERROR, TEST_CATALOGUE, TEST_SETTINGS } from "./testing/records.js";

interface Scenario {
  episode?: Episode;
  interventions?: readonly Intervention[];
  outcomes?: readonly OutcomeRecord[];
  plans?: readonly RecoveryPlan[];
  reviews?: readonly Review[];
  settings?: Partial<ServiceSettings>;
  asOf: string;
}

const methadoneFrom = (startDate: string) => anIntervention({ catalogueItemCode: "OST_METHADONE", startDate });

function tops(scenario: Scenario): TopDue[] {
  return topsDue({
    episode: scenario.episode ?? anEpisode(),
    interventions: scenario.interventions ?? [methadoneFrom("2024-03-04")],
    outcomes: scenario.outcomes ?? [],
    plans: scenario.plans ?? [],
    reviews: scenario.reviews ?? [],
    catalogue: TEST_CATALOGUE,
    settings: { ...TEST_SETTINGS, ...scenario.settings },
    asOf: scenario.asOf,
  });
}

const brief = (dues: readonly TopDue[]) => dues.map(({ stage, dueDate, status }) => `${stage} ${dueDate} ${status}`);

describe("R-TOP-2: START TOP", () => {
  it("R-TOP-2: a START TOP is due on the first structured intervention's start date", () => {
    const dues = tops({ interventions: [anIntervention({ catalogueItemCode: "COUNSELLING", startDate: "2024-03-11" }), methadoneFrom("2024-03-04")], asOf: "2024-03-04" });
    expect(dues[0]).toEqual({ episodeId: "episode-1", stage: "START", dueDate: "2024-03-04", outcomeId: null, status: "DUE" });
  });

  it("R-TOP-2: recovery support and harm reduction do not start treatment, so they make no TOP due", () => {
    const dues = tops({
      interventions: [
        anIntervention({ catalogueItemCode: "NEEDLE_EXCHANGE", startDate: "2024-01-10" }),
        anIntervention({ catalogueItemCode: "PEER_SUPPORT", startDate: "2024-02-01" }),
        methadoneFrom("2024-03-04"),
      ],
      asOf: "2024-03-05",
    });
    expect(dues[0]?.dueDate).toBe("2024-03-04");
    expect(tops({ interventions: [anIntervention({ catalogueItemCode: "PEER_SUPPORT", startDate: "2024-02-01" })], asOf: "2025-01-01" })).toEqual([]);
  });

  it("R-TOP-2: an episode whose structured treatment never began owes no TOPs", () => {
    expect(tops({ interventions: [], asOf: "2025-01-01" })).toEqual([]);
    const closedBeforeTreatment = anEpisode({ status: "CLOSED", dischargeDate: "2024-02-01", dischargeReason: "COMMENCEMENT_DECLINED" });
    expect(tops({ episode: closedBeforeTreatment, interventions: [], asOf: "2025-01-01" })).toEqual([]);
  });

  it("R-TOP-2: a START TOP recorded within 28 days either side of the start satisfies it", () => {
    for (const date of ["2024-02-05", "2024-03-04", "2024-04-01"]) {
      const [start] = tops({ outcomes: [aTop({ stage: "START", date })], asOf: "2024-04-10" });
      expect(start).toMatchObject({ stage: "START", outcomeId: `top-START-${date}`, status: "RECORDED" });
    }
  });

  it("R-TOP-2: a START TOP recorded 29 days away from the start does not satisfy it", () => {
    for (const date of ["2024-02-04", "2024-04-02"]) {
      const [start] = tops({ outcomes: [aTop({ stage: "START", date })], asOf: "2024-04-10" });
      expect(start).toMatchObject({ stage: "START", outcomeId: null, status: "MISSING" });
    }
  });

  it("R-TOP-2: a TOP of another stage, another episode, or entered in error does not satisfy the START TOP", () => {
    const [start] = tops({
      outcomes: [
        aTop({ stage: "REVIEW", date: "2024-03-04" }),
        aTop({ id: "top-other-episode", episodeId: "episode-2", stage: "START", date: "2024-03-04" }),
        aTop({ id: "top-mistaken", stage: "START", date: "2024-03-05", enteredInError: ENTERED_IN_ERROR }),
      ],
      asOf: "2024-03-10",
    });
    expect(start).toMatchObject({ outcomeId: null, status: "DUE" });
  });

  it(`R-TOP-2: a TOP not recorded is not yet due before its date, due for ${TOP_RECORDING_WINDOW_DAYS} days from it, missing after`, () => {
    const startStatus = (asOf: string) => tops({ asOf })[0]?.status;
    expect(startStatus("2024-03-03")).toBe("NOT_YET_DUE");
    expect(startStatus("2024-03-04")).toBe("DUE");
    expect(startStatus("2024-04-01")).toBe("DUE");
    expect(startStatus("2024-04-02")).toBe("MISSING");
  });
});

describe("R-TOP-2: REVIEW TOPs every six months while in treatment", () => {
  it("R-TOP-2: REVIEW TOPs fall every 6 months after the start, listed up to asOf and the next one after", () => {
    expect(brief(tops({ asOf: "2025-01-15" }))).toEqual([
      "START 2024-03-04 MISSING",
      "REVIEW 2024-09-04 MISSING",
      "REVIEW 2025-03-04 NOT_YET_DUE",
    ]);
  });

  it("R-TOP-2: from a start on 31 August the reviews fall on 29 February in a leap year, then 31 August", () => {
    const dues = tops({ interventions: [methadoneFrom("2023-08-31")], asOf: "2024-10-01" });
    expect(dues.map((due) => due.dueDate)).toEqual(["2023-08-31", "2024-02-29", "2024-08-31", "2025-02-28"]);
  });

  it("R-TOP-2: the service's interval setting sets the months between REVIEW TOPs", () => {
    const dues = tops({ settings: { topReviewIntervalMonths: 3 }, asOf: "2024-09-10" });
    expect(dues.map((due) => due.dueDate)).toEqual(["2024-03-04", "2024-06-04", "2024-09-04", "2024-12-04"]);
  });

  it("R-TOP-2: a REVIEW TOP recorded within the window satisfies its due date; one TOP satisfies one due date only", () => {
    const monthly = { topReviewIntervalMonths: 1 };
    // Due dates 2024-04-04 and 2024-05-04: one REVIEW TOP on 2024-04-20 is within the window of both.
    const dues = tops({ settings: monthly, outcomes: [aTop({ stage: "REVIEW", date: "2024-04-20" })], asOf: "2024-06-10" });
    const reviews = dues.filter((due) => due.stage === "REVIEW");
    expect(reviews.filter((due) => due.status === "RECORDED")).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ dueDate: "2024-04-04", outcomeId: "top-REVIEW-2024-04-20", status: "RECORDED" });
    expect(reviews[1]).toMatchObject({ dueDate: "2024-05-04", outcomeId: null, status: "MISSING" });
  });

  it("R-TOP-2: of two TOPs in the window, the one nearer the due date satisfies it", () => {
    const outcomes = [aTop({ stage: "REVIEW", date: "2024-08-20" }), aTop({ stage: "REVIEW", date: "2024-09-06" })];
    const review = tops({ outcomes, asOf: "2024-10-01" }).find((due) => due.stage === "REVIEW");
    expect(review?.outcomeId).toBe("top-REVIEW-2024-09-06");
  });

  it("R-TOP-2: no REVIEW TOP is asked for after discharge or within the window before it: the EXIT TOP covers it", () => {
    const dischargedSoonAfterReviewDate = anEpisode({ status: "CLOSED", dischargeDate: "2024-09-30", dischargeReason: "DROPPED_OUT" });
    expect(brief(tops({ episode: dischargedSoonAfterReviewDate, asOf: "2024-12-01" }))).toEqual([
      "START 2024-03-04 MISSING",
      "EXIT 2024-09-30 MISSING",
    ]);
    const dischargedLater = anEpisode({ status: "COMPLETED", dischargeDate: "2024-10-03", dischargeReason: "COMPLETED_DRUG_FREE" });
    expect(brief(tops({ episode: dischargedLater, asOf: "2024-10-05" }))).toEqual([
      "START 2024-03-04 MISSING",
      "REVIEW 2024-09-04 MISSING",
      "EXIT 2024-10-03 DUE",
    ]);
  });
});

describe("R-TOP-2: REVIEW TOPs aligned with plan reviews", () => {
  const aligned = { alignTopReviewsWithPlanReviews: true };
  const plan = aPlan({ signedOffDate: "2024-02-20" }); // plan reviews due 12 weeks apart

  it("R-TOP-2: a REVIEW TOP is due on each completed plan review date, and on the next plan review due date", () => {
    const reviews = [aReview({ completedDate: "2024-05-10" }), aReview({ completedDate: "2024-08-01" })];
    expect(brief(tops({ settings: aligned, plans: [plan], reviews, asOf: "2024-09-01" }))).toEqual([
      "START 2024-03-04 MISSING",
      "REVIEW 2024-05-10 MISSING",
      "REVIEW 2024-08-01 MISSING",
      "REVIEW 2024-10-24 NOT_YET_DUE",
    ]);
  });

  it("R-TOP-2: a plan review within the window after the START TOP does not ask for another TOP", () => {
    const reviews = [aReview({ completedDate: "2024-03-20" })];
    expect(brief(tops({ settings: aligned, plans: [plan], reviews, asOf: "2024-04-01" }))).toEqual([
      "START 2024-03-04 DUE",
      "REVIEW 2024-06-12 NOT_YET_DUE",
    ]);
  });

  it("R-TOP-2: an overdue plan review leaves its REVIEW TOP due on the plan review's due date", () => {
    expect(brief(tops({ settings: aligned, plans: [plan], asOf: "2024-07-01" }))).toEqual([
      "START 2024-03-04 MISSING",
      "REVIEW 2024-05-14 MISSING",
    ]);
  });

  it("R-TOP-2: without a signed-off plan the REVIEW TOPs fall back to the months interval", () => {
    const unsigned = aPlan({ signedOffDate: null, signedOffById: null });
    expect(tops({ settings: aligned, plans: [unsigned], asOf: "2024-10-01" }).map((due) => due.dueDate)).toEqual([
      "2024-03-04",
      "2024-09-04",
      "2025-03-04",
    ]);
  });
});

describe("R-TOP-2: EXIT TOP", () => {
  it("R-TOP-2: an EXIT TOP is due on the discharge date of an episode that had structured treatment", () => {
    const closed = anEpisode({ status: "COMPLETED", dischargeDate: "2024-06-28", dischargeReason: "COMPLETED_DRUG_FREE" });
    const dues = tops({ episode: closed, outcomes: [aTop({ stage: "START", date: "2024-03-04" })], asOf: "2024-07-01" });
    expect(brief(dues)).toEqual(["START 2024-03-04 RECORDED", "EXIT 2024-06-28 DUE"]);
  });

  it("R-TOP-2: an EXIT TOP recorded at discharge satisfies it", () => {
    const closed = anEpisode({ status: "CLOSED", dischargeDate: "2024-06-28", dischargeReason: "DROPPED_OUT" });
    const exit = tops({ episode: closed, outcomes: [aTop({ stage: "EXIT", date: "2024-06-28" })], asOf: "2024-09-01" }).at(-1);
    expect(exit).toEqual({ episodeId: "episode-1", stage: "EXIT", dueDate: "2024-06-28", outcomeId: "top-EXIT-2024-06-28", status: "RECORDED" });
  });

  it("R-TOP-2: treatment that starts and ends on the same day owes both a START and an EXIT TOP", () => {
    const sameDay = anEpisode({ status: "CLOSED", dischargeDate: "2024-03-04", dischargeReason: "CLIENT_DIED" });
    expect(brief(tops({ episode: sameDay, asOf: "2024-03-05" }))).toEqual(["START 2024-03-04 DUE", "EXIT 2024-03-04 DUE"]);
  });

  it("R-TOP-2: an open episode owes no EXIT TOP", () => {
    expect(tops({ asOf: "2024-06-01" }).some((due) => due.stage === "EXIT")).toBe(false);
  });
});
