import { addDays, addWeeks, minDate, type IsoDate } from "../dates/isoDate.js";
import { inForce } from "../records/common.js";
import { isOpen, type Episode } from "../records/episode.js";
import type { RecoveryPlan, Review } from "../records/recoveryPlan.js";

/**
 * The review schedule of recovery plans (R-REV-1, R-REV-2).
 *
 * Where DOMAIN is silent this schedule decides:
 * - Any plan with a sign-off date is reviewed, interim or full; an unsigned plan is never due a review.
 * - A plan supersedes every plan signed off before it (ties on the sign-off date go to the later start date,
 *   then the id). Due dates are derived from the rule, not read back from `Review.dueDate`, so the schedule
 *   and the on-time judgement always agree with R-REV-1 even if a stored due date was written wrongly.
 * - Each plan has at most one open due date: the schedule only moves on when a review is completed, so a
 *   plan left unreviewed for a year has one overdue review, not four.
 * - An open due date falling strictly before the day the plan stopped being reviewed (superseded, or the
 *   episode discharged) is MISSED; one due on that day or later is dropped, because the new plan's sign-off
 *   or the discharge itself took the review's place.
 * - A closed episode without a discharge date (which the journey should not allow) is treated as closed
 *   on the `asOf` date.
 * - Reviews dated before their plan's sign-off cannot satisfy one of its due dates (R-REV-3 refuses them)
 *   and are left out; reviews completed after the plan was superseded or the episode closed still count.
 * - Records are taken as given: `asOf` only places the open due dates in the window; a past view needs the
 *   records as they stood then.
 */

/** What became of one review due date: completed (on time or late), missed, or still open. */
export type ReviewOccurrenceStatus = "COMPLETED_ON_TIME" | "COMPLETED_LATE" | "MISSED" | "OVERDUE" | "DUE" | "UPCOMING" | "LATER";

/** The statuses an open (not completed, not missed) review can have, nearest first. */
export type OpenReviewStatus = Extract<ReviewOccurrenceStatus, "OVERDUE" | "DUE" | "UPCOMING" | "LATER">;

/** One due date of a plan's review and what became of it. */
export interface ReviewOccurrence {
  readonly planId: string;
  readonly episodeId: string;
  readonly dueDate: IsoDate;
  readonly completedDate: IsoDate | null;
  readonly reviewId: string | null;
  readonly status: ReviewOccurrenceStatus;
}

/**
 * How the schedule sorts open reviews around a day: due within `dueWithinDays` (on or after `asOf`), upcoming
 * up to `upcomingWithinDays`, later beyond that.
 */
export interface ReviewWindow {
  readonly asOf: IsoDate;
  readonly dueWithinDays: number;
  readonly upcomingWithinDays: number;
}

/** A week to prepare a review that is due, four weeks' notice of one coming up. */
export const DEFAULT_REVIEW_WINDOW_DAYS = { dueWithinDays: 7, upcomingWithinDays: 28 } as const;

/** The default window around `asOf`. */
export function defaultReviewWindow(asOf: IsoDate): ReviewWindow {
  return { asOf, ...DEFAULT_REVIEW_WINDOW_DAYS };
}

/** R-REV-2: where an open review due on `dueDate` falls around the window's day. */
export function openReviewStatus(dueDate: IsoDate, window: ReviewWindow): OpenReviewStatus {
  if (dueDate < window.asOf) return "OVERDUE";
  if (dueDate <= addDays(window.asOf, window.dueWithinDays)) return "DUE";
  if (dueDate <= addDays(window.asOf, window.upcomingWithinDays)) return "UPCOMING";
  return "LATER";
}

/** R-REV-2: a completed review is on time when completed on or before its due date. */
export function isReviewOnTime(dueDate: IsoDate, completedDate: IsoDate): boolean {
  return completedDate <= dueDate;
}

type SignedOffPlan = RecoveryPlan & { readonly signedOffDate: IsoDate };

function byCompletion(a: Review, b: Review): number {
  if (a.completedDate !== b.completedDate) return a.completedDate < b.completedDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The in-force reviews of a signed-off plan that can count towards its schedule, in order of completion. */
function countedReviewsOf(plan: SignedOffPlan, reviews: readonly Review[]): Review[] {
  return inForce(reviews)
    .filter((review) => review.planId === plan.id && review.completedDate >= plan.signedOffDate)
    .sort(byCompletion);
}

function isSignedOff(plan: RecoveryPlan): plan is SignedOffPlan {
  return plan.signedOffDate !== null;
}

/**
 * R-REV-1: the due date the next review of `plan` would satisfy: `reviewIntervalWeeks` after sign-off for
 * the first review, after the last completed review's date for each one after. Null for a plan not signed
 * off (or entered in error), which is not reviewed.
 */
export function reviewDueDateAfter(plan: RecoveryPlan, reviewsOfPlan: readonly Review[]): IsoDate | null {
  if (!isSignedOff(plan) || plan.enteredInError) return null;
  const lastReview = countedReviewsOf(plan, reviewsOfPlan).at(-1);
  return addWeeks(lastReview?.completedDate ?? plan.signedOffDate, plan.reviewIntervalWeeks);
}

interface CompletedReview {
  readonly review: Review;
  readonly dueDate: IsoDate;
}

/** A plan's completed reviews with the due date each satisfied, and the due date still open after them. */
interface PlanReviewChain {
  readonly plan: RecoveryPlan;
  readonly completed: readonly CompletedReview[];
  readonly openDueDate: IsoDate;
  /** The day the plan stopped gathering open due dates (superseded or episode closed); null while current. */
  readonly stoppedOn: IsoDate | null;
}

function chainOf(plan: SignedOffPlan, reviews: readonly Review[], stoppedOn: IsoDate | null): PlanReviewChain {
  const completed: CompletedReview[] = [];
  let dueDate = addWeeks(plan.signedOffDate, plan.reviewIntervalWeeks);
  for (const review of countedReviewsOf(plan, reviews)) {
    completed.push({ review, dueDate });
    dueDate = addWeeks(review.completedDate, plan.reviewIntervalWeeks);
  }
  return { plan, completed, openDueDate: dueDate, stoppedOn };
}

function bySignOff(a: SignedOffPlan, b: SignedOffPlan): number {
  if (a.signedOffDate !== b.signedOffDate) return a.signedOffDate < b.signedOffDate ? -1 : 1;
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

type EpisodeForReviews = Pick<Episode, "id" | "status" | "dischargeDate">;

/**
 * Each signed-off plan of the episode, oldest first, with the day it stopped being the plan under review;
 * `closedOn` is the discharge date of a closed episode, null while it is open.
 */
function reviewChains(plans: readonly RecoveryPlan[], reviews: readonly Review[], episodeId: string, closedOn: IsoDate | null): PlanReviewChain[] {
  const signedOff = inForce(plans)
    .filter((plan) => plan.episodeId === episodeId)
    .filter(isSignedOff)
    .sort(bySignOff);
  return signedOff.map((plan, index) => {
    const supersededOn = signedOff[index + 1]?.signedOffDate ?? null;
    const stoppedOn = supersededOn !== null && closedOn !== null ? minDate(supersededOn, closedOn) : (supersededOn ?? closedOn);
    return chainOf(plan, reviews, stoppedOn);
  });
}

function occurrencesOfChain(chain: PlanReviewChain, window: ReviewWindow): ReviewOccurrence[] {
  const { plan } = chain;
  const occurrences: ReviewOccurrence[] = chain.completed.map(({ review, dueDate }) => ({
    planId: plan.id,
    episodeId: plan.episodeId,
    dueDate,
    completedDate: review.completedDate,
    reviewId: review.id,
    status: isReviewOnTime(dueDate, review.completedDate) ? "COMPLETED_ON_TIME" : "COMPLETED_LATE",
  }));
  const open = { planId: plan.id, episodeId: plan.episodeId, dueDate: chain.openDueDate, completedDate: null, reviewId: null };
  if (chain.stoppedOn === null) {
    occurrences.push({ ...open, status: openReviewStatus(chain.openDueDate, window) });
  } else if (chain.openDueDate < chain.stoppedOn) {
    occurrences.push({ ...open, status: "MISSED" });
  }
  return occurrences;
}

function byDueDate(a: ReviewOccurrence, b: ReviewOccurrence): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.planId < b.planId ? -1 : a.planId > b.planId ? 1 : 0;
}

/**
 * R-REV-1, R-REV-2: all review due dates of an episode's signed-off plans, in due-date order: the reviews
 * completed (on time or late), the due dates missed, and, for an open episode, the one due date still open
 * under the current plan with its place in the window (overdue, due, upcoming or later).
 */
export function reviewOccurrences(
  plans: readonly RecoveryPlan[],
  reviews: readonly Review[],
  episode: EpisodeForReviews,
  window: ReviewWindow,
): ReviewOccurrence[] {
  const closedOn = isOpen(episode) ? null : (episode.dischargeDate ?? window.asOf);
  return reviewChains(plans, reviews, episode.id, closedOn)
    .flatMap((chain) => occurrencesOfChain(chain, window))
    .sort(byDueDate);
}

/**
 * R-REV-1: the date the next review of the episode's current plan is due, or null when the episode is
 * closed or has no signed-off plan.
 */
export function nextReviewDue(plans: readonly RecoveryPlan[], reviews: readonly Review[], episode: EpisodeForReviews): IsoDate | null {
  if (!isOpen(episode)) return null;
  const current = reviewChains(plans, reviews, episode.id, null).at(-1);
  return current?.openDueDate ?? null;
}
