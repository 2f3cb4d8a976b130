import fc from "fast-check";
import type { ContactKind, ContactOutcome, TopStage } from "../../codes/clinical.js";
import { addDays, addWeeks, minDate, type IsoDate } from "../../dates/isoDate.js";
import type { Contact } from "../../records/contact.js";
import type { Episode } from "../../records/episode.js";
import type { Intervention } from "../../records/intervention.js";
import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from "../../records/organisation.js";
import type { OutcomeRecord } from "../../records/outcome.js";
import type { RecoveryPlan, Review } from "../../records/recoveryPlan.js";
import type { ReviewWindow } from "../reviewSchedule.js";
import { aContact, anEpisode, anIntervention, aPlan, aReview, aTop, ENTERED_IN_ERROR } from "./records.js";

/** Generators of realistic records for the schedules' properties. */

/** Dates from 2019 to the end of 2027, which takes in the leap days of 2020 and 2024. */
export const isoDateArb = fc.integer({ min: 0, max: 3286 }).map((days) => addDays("2019-01-01", days));

/** Team review intervals seen in practice, the 12-week default most often. */
const reviewIntervalArb = fc.constantFrom(4, 6, 8, 12, 12, 12, 16, 26);

/** How a review went against its due date: mostly a little early or on the day, sometimes weeks late. */
const reviewLatenessArb = fc.oneof(fc.integer({ min: -14, max: 0 }), fc.integer({ min: 1, max: 60 }));

export interface PlanHistory {
  readonly episode: Episode;
  readonly plans: readonly RecoveryPlan[];
  readonly reviews: readonly Review[];
  readonly window: ReviewWindow;
}

interface PlanShape {
  readonly daysAfterPrevious: number;
  readonly intervalWeeks: number;
  readonly lateness: readonly number[];
  readonly mistakes: readonly boolean[];
}

const planShapeArb: fc.Arbitrary<PlanShape> = fc.record({
  daysAfterPrevious: fc.integer({ min: 14, max: 300 }),
  intervalWeeks: reviewIntervalArb,
  lateness: fc.array(reviewLatenessArb, { maxLength: 6 }),
  mistakes: fc.array(fc.integer({ min: 0, max: 9 }).map((roll) => roll === 0), { minLength: 6, maxLength: 6 }),
});

/**
 * An episode's signed-off plans, one after another, each reviewed a few times (early, on the day or late)
 * until the next plan, the discharge or `asOf`; now and then a review entered in error or a plan left
 * unsigned; the episode open or completed; and a review window around `asOf`.
 */
export const planHistoryArb: fc.Arbitrary<PlanHistory> = fc
  .record({
    firstSignOff: isoDateArb,
    shapes: fc.array(planShapeArb, { minLength: 1, maxLength: 3 }),
    unsignedDraft: fc.boolean(),
    asOfAfterLastSignOff: fc.integer({ min: 0, max: 800 }),
    dischargeDaysBeforeAsOf: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 400 })),
    dueWithinDays: fc.integer({ min: 0, max: 14 }),
    upcomingExtraDays: fc.integer({ min: 0, max: 60 }),
  })
  .map((drawn) => {
    const signOffs: IsoDate[] = [];
    let signOff = drawn.firstSignOff;
    for (const [index, shape] of drawn.shapes.entries()) {
      if (index > 0) signOff = addDays(signOff, shape.daysAfterPrevious);
      signOffs.push(signOff);
    }
    const asOf = addDays(signOffs.at(-1) ?? drawn.firstSignOff, drawn.asOfAfterLastSignOff);
    const dischargeDate =
      drawn.dischargeDaysBeforeAsOf === null ? null : addDays(asOf, -Math.min(drawn.dischargeDaysBeforeAsOf, drawn.asOfAfterLastSignOff));
    const recordsEnd = dischargeDate ?? asOf;

    const plans: RecoveryPlan[] = [];
    const reviews: Review[] = [];
    drawn.shapes.forEach((shape, index) => {
      const planSignOff = signOffs[index] ?? drawn.firstSignOff;
      const plan = aPlan({ id: `plan-${index + 1}`, signedOffDate: planSignOff, reviewIntervalWeeks: shape.intervalWeeks });
      plans.push(plan);
      const reviewedUntil = minDate(signOffs[index + 1] ?? recordsEnd, recordsEnd);
      let previous = planSignOff;
      for (const [reviewIndex, lateness] of shape.lateness.entries()) {
        const completedDate = addDays(addWeeks(previous, shape.intervalWeeks), lateness);
        if (completedDate > reviewedUntil) break;
        const mistaken = shape.mistakes[reviewIndex] === true;
        reviews.push(
          aReview({ id: `review-${index + 1}-${reviewIndex + 1}`, planId: plan.id, completedDate, enteredInError: mistaken ? ENTERED_IN_ERROR : null }),
        );
        if (!mistaken) previous = completedDate;
      }
    });
    if (drawn.unsignedDraft) {
      plans.push(aPlan({ id: "plan-draft", signedOffDate: null, signedOffById: null, startDate: asOf }));
    }
    const episode =
      dischargeDate === null
        ? anEpisode()
        : anEpisode({ status: "COMPLETED", dischargeDate, dischargeReason: "COMPLETED_DRUG_FREE" });
    const window: ReviewWindow = {
      asOf,
      dueWithinDays: drawn.dueWithinDays,
      upcomingWithinDays: drawn.dueWithinDays + drawn.upcomingExtraDays,
    };
    return { episode, plans, reviews, window };
  });

/** A run of contacts in one episode over a few months: appointments kept and missed, calls, letters, texts. */
export const contactHistoryArb: fc.Arbitrary<Contact[]> = fc
  .record({
    firstDate: isoDateArb,
    contacts: fc.array(
      fc.record({
        daysAfterPrevious: fc.integer({ min: 0, max: 10 }),
        time: fc.option(fc.constantFrom("09:30", "11:00", "14:15", "16:45"), { nil: null }),
        kind: fc.constantFrom<ContactKind>("APPOINTMENT", "APPOINTMENT", "HOME_VISIT", "PHONE", "LETTER", "TEXT", "GROUP"),
        outcome: fc.constantFrom<ContactOutcome>(
          "ATTENDED",
          "DID_NOT_ATTEND",
          "DID_NOT_ATTEND",
          "CANCELLED_BY_SERVICE_USER",
          "CANCELLED_BY_SERVICE",
          "REARRANGED",
        ),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ firstDate, contacts }) => {
    let date = firstDate;
    return contacts.map((drawn, index) => {
      date = addDays(date, drawn.daysAfterPrevious);
      return aContact({ id: `contact-${index + 1}`, date, time: drawn.time, kind: drawn.kind, outcome: drawn.outcome });
    });
  });

/**
 * A person's opioid substitution prescriptions one after another: methadone and buprenorphine in turn,
 * sometimes overlapping, sometimes with a gap of a few days (a switch) or longer (a break), the last one
 * possibly still open.
 */
export const ostHistoryArb: fc.Arbitrary<Intervention[]> = fc
  .record({
    firstStart: isoDateArb,
    spells: fc.array(
      fc.record({ daysAfterPreviousEnd: fc.integer({ min: -30, max: 12 }), lengthDays: fc.integer({ min: 14, max: 900 }) }),
      { minLength: 1, maxLength: 5 },
    ),
    lastStillOpen: fc.boolean(),
  })
  .map(({ firstStart, spells, lastStillOpen }) => {
    let start = firstStart;
    return spells.map((spell, index) => {
      if (index > 0) start = addDays(start, spell.daysAfterPreviousEnd);
      const endDate = addDays(start, spell.lengthDays);
      const open = lastStillOpen && index === spells.length - 1;
      const intervention = anIntervention({
        id: `ost-${index + 1}`,
        catalogueItemCode: index % 2 === 0 ? "OST_METHADONE" : "OST_BUPRENORPHINE",
        startDate: start,
        endDate: open ? null : endDate,
      });
      start = endDate;
      return intervention;
    });
  });

export interface TopHistory {
  readonly episode: Episode;
  readonly interventions: readonly Intervention[];
  readonly outcomes: readonly OutcomeRecord[];
  readonly settings: ServiceSettings;
  readonly asOf: IsoDate;
}

/**
 * An episode's structured treatment from a start date, open or discharged, with TOPs recorded now and then
 * near where they fall due (some of them on time, some late, some at the wrong stage or entered in error).
 */
export const topHistoryArb: fc.Arbitrary<TopHistory> = fc
  .record({
    start: isoDateArb,
    treatmentDays: fc.integer({ min: 0, max: 1200 }),
    discharged: fc.boolean(),
    asOfAfterEnd: fc.integer({ min: -60, max: 200 }),
    intervalMonths: fc.integer({ min: 1, max: 6 }),
    tops: fc.array(
      fc.record({
        stage: fc.constantFrom<TopStage>("START", "REVIEW", "REVIEW", "EXIT", "POST_EXIT"),
        daysAfterStart: fc.integer({ min: -40, max: 1300 }),
        mistaken: fc.integer({ min: 0, max: 9 }).map((roll) => roll === 0),
      }),
      { maxLength: 10 },
    ),
  })
  .map((drawn) => {
    const end = addDays(drawn.start, drawn.treatmentDays);
    const episode = drawn.discharged
      ? anEpisode({ status: "CLOSED", dischargeDate: end, dischargeReason: "DROPPED_OUT" })
      : anEpisode();
    const outcomes = drawn.tops.map((top, index) =>
      aTop({
        id: `top-${index + 1}`,
        stage: top.stage,
        date: addDays(drawn.start, top.daysAfterStart),
        enteredInError: top.mistaken ? ENTERED_IN_ERROR : null,
      }),
    );
    return {
      episode,
      interventions: [anIntervention({ catalogueItemCode: "COUNSELLING", startDate: drawn.start })],
      outcomes,
      settings: { ...DEFAULT_SERVICE_SETTINGS, topReviewIntervalMonths: drawn.intervalMonths },
      asOf: addDays(end, drawn.asOfAfterEnd),
    };
  });
