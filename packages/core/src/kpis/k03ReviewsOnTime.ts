import { reviewOccurrences, type ReviewOccurrenceStatus } from "../schedules/index.js";
import { tallyRatio, type CountedUnit } from "./breakdown.js";
import { kpiContext, type KpiContext } from "./context.js";
import { isInKpiPeriod } from "./period.js";
import type { KpiCount, KpiOptions, KpiPeriod, KpiRatioResult, ProviderData } from "./types.js";

/** DOMAIN §7: 80% of reviews on time. */
export const REVIEWS_ON_TIME_TARGET = 0.8;

/** The review statuses whose outcome is settled on the report date, with how K-3 labels them. */
export const SETTLED_REVIEW_STATUSES: readonly { readonly code: ReviewOccurrenceStatus; readonly label: string }[] = [
  { code: "COMPLETED_ON_TIME", label: "Completed on time" },
  { code: "COMPLETED_LATE", label: "Completed late" },
  { code: "MISSED", label: "Missed (plan replaced or episode closed first)" },
  { code: "OVERDUE", label: "Overdue" },
];

/** K-3: the share of reviews due in the period that were completed on time. */
export interface ReviewsOnTimeKpi extends KpiRatioResult<"K-3"> {
  /** The denominator split by status, in the order of SETTLED_REVIEW_STATUSES. */
  readonly byStatus: readonly KpiCount[];
}

/**
 * K-3 Reviews on time (R-REV-2), read from the review schedule (`reviewOccurrences`) as of `asOf`, so the
 * figure and the schedule the teams work from always agree. The denominator is every review occurrence of a
 * counted episode whose due date is in the period and whose outcome is settled: completed on time, completed
 * late, missed (the plan was replaced or the episode closed first) or overdue. A review not yet completed
 * whose due date has not passed on `asOf` (the schedule's DUE, UPCOMING or LATER) can still be done on time
 * and is left out until it is settled. The numerator is those completed on or before their due date. As in
 * the schedule, completed reviews are taken as recorded, and plans and reviews entered in error are ignored.
 */
export function reviewsOnTimeKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): ReviewsOnTimeKpi {
  return reviewsOnTimeIn(kpiContext(data, period, options));
}

/** K-3 over a prepared context. */
export function reviewsOnTimeIn(context: KpiContext): ReviewsOnTimeKpi {
  const settled = new Set(SETTLED_REVIEW_STATUSES.map((status) => status.code));
  const window = { asOf: context.asOf, dueWithinDays: 0, upcomingWithinDays: 0 };
  const due: { readonly unit: CountedUnit; readonly status: ReviewOccurrenceStatus }[] = [];
  for (const facts of context.episodes) {
    for (const occurrence of reviewOccurrences(context.data.plans, context.data.reviews, facts.episode, window)) {
      if (!isInKpiPeriod(occurrence.dueDate, context.period) || !settled.has(occurrence.status)) continue;
      due.push({ unit: { facts, inNumerator: occurrence.status === "COMPLETED_ON_TIME" }, status: occurrence.status });
    }
  }
  return {
    id: "K-3",
    target: REVIEWS_ON_TIME_TARGET,
    ...tallyRatio(
      due.map((review) => review.unit),
      context,
    ),
    byStatus: SETTLED_REVIEW_STATUSES.map((status) => ({
      key: status.code,
      label: status.label,
      count: due.filter((review) => review.status === status.code).length,
    })),
  };
}
