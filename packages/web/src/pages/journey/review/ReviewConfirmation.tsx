import { GOAL_STATUSES } from "@waymark/core";
import { personRecordPath } from "../../../components/EpisodeFormHeading.js";
import { displayDate } from "../../../components/formatting.js";
import { Tag } from "../../../components/Tag.js";
import { personName } from "../../../components/personName.js";
import { suicideRiskFactorsPresent } from "../risk/riskDraft.js";
import { SuicideRiskFlagSummary } from "../risk/SuicideRiskFlagSummary.js";
import { Confirmation } from "../shared/Confirmation.js";
import type { JourneyPerson } from "../shared/episodeContext.js";
import type { CompletedReview } from "./reviewDocuments.js";

/** The review as saved: on time or late, the goals' progress, the suicide-risk flag, and when the next review is due. */
export function ReviewConfirmation({ person, review }: { person: JourneyPerson; review: CompletedReview }) {
  return (
    <Confirmation
      title="Review completed"
      body={review.plan?.nextReviewDue ? `The next review is due by ${displayDate(review.plan.nextReviewDue)}.` : undefined}
      saved={[
        {
          key: "Completed",
          value: (
            <>
              {displayDate(review.completedDate)} {review.onTime ? <Tag tone="green">On time</Tag> : <Tag tone="orange">Late</Tag>}
            </>
          ),
        },
        { key: "Was due by", value: displayDate(review.dueDate) },
        {
          key: "Goals",
          value:
            review.goalProgress.length === 0 ? null : (
              <ul className="value-list">
                {review.goalProgress.map((progress) => (
                  <li key={progress.goalId}>
                    {progress.goal?.description ?? "Goal"}: {GOAL_STATUSES.labelOf(progress.status).toLowerCase()}
                    {progress.note && `. ${progress.note}`}
                  </li>
                ))}
              </ul>
            ),
        },
        { key: "Suicide-risk flag", value: review.episode ? <SuicideRiskFlagSummary flag={review.episode.suicideRisk} recordedNone={review.risk !== null && suicideRiskFactorsPresent(review.risk).length === 0} /> : null },
      ]}
      nextSteps={[{ to: personRecordPath(person), label: `Go to ${personName(person)}’s record` }]}
    />
  );
}
