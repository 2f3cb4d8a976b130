import { daysBetween, isIsoDate, isReviewOnTime, type IsoDate } from "@waymark/core";
import { displayDate } from "../../../components/formatting.js";
import { Tag } from "../../../components/Tag.js";

/**
 * Whether a review completed on the date typed is on time (R-REV-2: on or before its due date), updated as the
 * date changes and announced politely, so a late review is known before it is saved.
 */
export function ReviewTiming({ dueDate, completedDate }: { dueDate: IsoDate; completedDate: IsoDate | null }) {
  let judgement = null;
  if (isIsoDate(completedDate)) {
    const late = daysBetween(dueDate, completedDate);
    judgement = isReviewOnTime(dueDate, completedDate) ? (
      <>
        <Tag tone="green">On time</Tag> Completed on {displayDate(completedDate)}, the review is on time.
      </>
    ) : (
      <>
        <Tag tone="orange">Late</Tag> Completed on {displayDate(completedDate)}, the review is {late} {late === 1 ? "day" : "days"} late. It still counts, as a late review.
      </>
    );
  }
  return (
    <div className="running-total" aria-live="polite">
      <p>{judgement ?? `This review is due by ${displayDate(dueDate)}. Enter the date it was done to see whether it is on time.`}</p>
    </div>
  );
}
