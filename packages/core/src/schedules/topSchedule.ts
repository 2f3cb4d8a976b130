import type { Catalogue } from "../catalogue/catalogueItem.js";
import { addDays, addMonths, daysBetween, type IsoDate } from "../dates/isoDate.js";
import { firstInterventionDate } from "../journey/derived.js";
import { inForce } from "../records/common.js";
import { isOpen, type Episode } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";
import type { ServiceSettings } from "../records/organisation.js";
import type { OutcomeRecord } from "../records/outcome.js";
import type { RecoveryPlan, Review } from "../records/recoveryPlan.js";
import { nextReviewDue } from "./reviewSchedule.js";

/**
 * The Treatment Outcomes Profile schedule (R-TOP-2).
 *
 * Where DOMAIN is silent this schedule decides:
 * - A TOP is matched to a due date when it has the same stage and is dated within
 *   {@link TOP_RECORDING_WINDOW_DAYS} days either side of it. Each TOP satisfies one due date only; due dates
 *   take, in date order, the nearest TOP still unmatched.
 * - A TOP not recorded is DUE from its due date until the recording window closes, MISSING after that: once
 *   the window has closed no TOP could still satisfy it. Before its due date it is NOT_YET_DUE.
 * - REVIEW TOPs fall on calendar months counted from the start (start + 6, + 12, … months), not chained, so
 *   a start on 31 August gives 28/29 February and then 31 August again.
 * - No REVIEW TOP is due in the recording window before discharge: the EXIT TOP taken at discharge covers
 *   that time. For an open episode the schedule lists the due dates up to `asOf` and the next one after it.
 * - When the service aligns REVIEW TOPs with plan reviews, one is due on each completed plan review date
 *   after treatment began and, while the episode is open, on the current plan's next review due date. A
 *   plan review within the recording window after the previous TOP due date does not ask for another TOP.
 *   An episode with no signed-off plan falls back to the months interval so its reviews do not lapse.
 * - An EXIT TOP is due at discharge of an episode whose structured treatment began on or before the
 *   discharge date, whatever the discharge reason.
 * - TOPs entered in error never satisfy a due date; POST_EXIT TOPs are not scheduled here.
 */

/** Whether a TOP the episode owes was recorded, is missing, is due now, or is not due yet. */
export type TopDueStatus = "RECORDED" | "MISSING" | "DUE" | "NOT_YET_DUE";

/** The TOP stages the schedule asks for; POST_EXIT TOPs are optional and never fall due. */
export type ScheduledTopStage = "START" | "REVIEW" | "EXIT";

/** One TOP the episode owes, and the TOP that satisfied it if any. */
export interface TopDue {
  readonly episodeId: string;
  readonly stage: ScheduledTopStage;
  readonly dueDate: IsoDate;
  readonly outcomeId: string | null;
  readonly status: TopDueStatus;
}

/** Days either side of a due date within which a TOP of the same stage satisfies it; also the grace period. */
export const TOP_RECORDING_WINDOW_DAYS = 28;

/** What the TOP schedule reads of a TOP: which stage it records, and when. */
export type TopOutcome = Pick<OutcomeRecord, "id" | "episodeId" | "stage" | "date" | "enteredInError">;

/**
 * What the TOP schedule needs once the episode's treatment start (its first-intervention date) is known:
 * lists that keep it stored (indicators over a whole provider) pass it instead of every intervention.
 */
export interface TopScheduleFacts {
  readonly episode: Pick<Episode, "id" | "status" | "dischargeDate">;
  /** The episode's first-intervention date, or null when structured treatment never began. */
  readonly treatmentStart: IsoDate | null;
  readonly outcomes: readonly TopOutcome[];
  /** Read only with `settings.alignTopReviewsWithPlanReviews`. */
  readonly plans: readonly RecoveryPlan[];
  /** Read only with `settings.alignTopReviewsWithPlanReviews`. */
  readonly reviews: readonly Review[];
  readonly settings: ServiceSettings;
  readonly asOf: IsoDate;
}

/** What `topsDue` reads: the episode's records (others are ignored), the catalogue, settings and day. */
export interface TopScheduleInput {
  readonly episode: Episode;
  readonly interventions: readonly Intervention[];
  readonly outcomes: readonly OutcomeRecord[];
  readonly plans: readonly RecoveryPlan[];
  readonly reviews: readonly Review[];
  readonly catalogue: Catalogue;
  readonly settings: ServiceSettings;
  readonly asOf: IsoDate;
}

interface ScheduledTop {
  readonly stage: ScheduledTopStage;
  readonly dueDate: IsoDate;
}

/** The range of dates REVIEW TOPs may fall in: after the start, and for a closed episode before the exit window. */
interface ReviewSpan {
  readonly start: IsoDate;
  /** REVIEW due dates on or after this day are not asked for; null while the episode is open. */
  readonly endBefore: IsoDate | null;
  readonly asOf: IsoDate;
}

function reviewsByInterval(span: ReviewSpan, intervalMonths: number): IsoDate[] {
  if (intervalMonths < 1) return [];
  const dueDates: IsoDate[] = [];
  for (let months = intervalMonths; ; months += intervalMonths) {
    const dueDate = addMonths(span.start, months);
    if (span.endBefore !== null && dueDate >= span.endBefore) break;
    dueDates.push(dueDate);
    if (span.endBefore === null && dueDate > span.asOf) break;
  }
  return dueDates;
}

function reviewsAlignedWithPlans(span: ReviewSpan, input: TopScheduleFacts, signedOffPlanIds: ReadonlySet<string>): IsoDate[] {
  const candidates = inForce(input.reviews)
    .filter((review) => signedOffPlanIds.has(review.planId))
    .map((review) => review.completedDate);
  if (isOpen(input.episode)) {
    const next = nextReviewDue(input.plans, input.reviews, input.episode);
    if (next !== null) candidates.push(next);
  }
  const dueDates: IsoDate[] = [];
  let previous = span.start;
  for (const date of [...new Set(candidates)].sort()) {
    if (date <= span.start || (span.endBefore !== null && date >= span.endBefore)) continue;
    if (daysBetween(previous, date) <= TOP_RECORDING_WINDOW_DAYS) continue;
    dueDates.push(date);
    previous = date;
  }
  return dueDates;
}

/** R-TOP-2: the stages and due dates the episode owes, in date order. */
function scheduledTops(input: TopScheduleFacts): ScheduledTop[] {
  const { episode, settings, asOf } = input;
  const start = input.treatmentStart;
  if (start === null) return [];
  const open = isOpen(episode);
  const exitDate = open ? null : episode.dischargeDate;
  if (exitDate !== null && start > exitDate) return [];

  const span: ReviewSpan = {
    start,
    // A closed episode with no discharge date has no exit to place; its reviews stop at asOf.
    endBefore: open ? null : exitDate === null ? addDays(asOf, 1) : addDays(exitDate, -TOP_RECORDING_WINDOW_DAYS),
    asOf,
  };
  const signedOffPlanIds = new Set(
    inForce(input.plans)
      .filter((plan) => plan.episodeId === episode.id && plan.signedOffDate !== null)
      .map((plan) => plan.id),
  );
  const reviewDates =
    settings.alignTopReviewsWithPlanReviews && signedOffPlanIds.size > 0
      ? reviewsAlignedWithPlans(span, input, signedOffPlanIds)
      : reviewsByInterval(span, settings.topReviewIntervalMonths);

  return [
    { stage: "START", dueDate: start },
    ...reviewDates.map((dueDate): ScheduledTop => ({ stage: "REVIEW", dueDate })),
    ...(exitDate === null ? [] : [{ stage: "EXIT", dueDate: exitDate } satisfies ScheduledTop]),
  ];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function statusOfUnrecorded(dueDate: IsoDate, asOf: IsoDate): TopDueStatus {
  if (asOf < dueDate) return "NOT_YET_DUE";
  return daysBetween(dueDate, asOf) <= TOP_RECORDING_WINDOW_DAYS ? "DUE" : "MISSING";
}

/**
 * R-TOP-2: the TOPs an episode owes: START when structured treatment begins (its first-intervention date),
 * REVIEW every `settings.topReviewIntervalMonths` months after it while in treatment (or with plan reviews
 * when `settings.alignTopReviewsWithPlanReviews`), EXIT at discharge; each with the TOP that satisfied it
 * and whether it is recorded, due, missing or not yet due on `asOf`. An episode whose structured treatment
 * never began owes none.
 */
export function topsDue(input: TopScheduleInput): TopDue[] {
  const treatmentStart = firstInterventionDate(
    input.interventions.filter((intervention) => intervention.episodeId === input.episode.id),
    input.catalogue,
  );
  return topsDueFrom({ ...input, treatmentStart });
}

/** `topsDue` for an episode whose treatment start is already known. */
export function topsDueFrom(input: TopScheduleFacts): TopDue[] {
  const { episode, asOf } = input;
  const unmatched = inForce(input.outcomes).filter((outcome) => outcome.episodeId === episode.id);
  return scheduledTops(input).map(({ stage, dueDate }) => {
    const distance = (outcome: TopOutcome): number => Math.abs(daysBetween(dueDate, outcome.date));
    const nearest = unmatched
      .filter((outcome) => outcome.stage === stage && distance(outcome) <= TOP_RECORDING_WINDOW_DAYS)
      .sort((a, b) => distance(a) - distance(b) || compareText(a.date, b.date) || compareText(a.id, b.id))[0];
    if (nearest !== undefined) {
      unmatched.splice(unmatched.indexOf(nearest), 1);
      return { episodeId: episode.id, stage, dueDate, outcomeId: nearest.id, status: "RECORDED" };
    }
    return { episodeId: episode.id, stage, dueDate, outcomeId: null, status: statusOfUnrecorded(dueDate, asOf) };
  });
}
