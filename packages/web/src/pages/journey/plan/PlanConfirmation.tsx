import { EPISODE_STATUSES, NEED_DOMAINS, PLAN_KINDS, type EpisodeStatus } from "@waymark/core";
import { personRecordPath } from "../../../components/EpisodeFormHeading.js";
import { displayDate } from "../../../components/formatting.js";
import { personName } from "../../../components/personName.js";
import { Confirmation } from "../shared/Confirmation.js";
import type { JourneyPerson } from "../shared/episodeContext.js";
import { poundsOf } from "../shared/money.js";
import type { AgreedPlan } from "./planDocuments.js";

/** The plan as saved: its goals, budget, sign-off and the review it now has on the schedule (R-REV-1). */
export function PlanConfirmation({ person, episodeId, episodeStatus, plan }: { person: JourneyPerson; episodeId: string; episodeStatus: EpisodeStatus | null; plan: AgreedPlan }) {
  const budget = plan.personalBudget;
  return (
    <Confirmation
      title={plan.signedOffDate ? `${PLAN_KINDS.labelOf(plan.kind)} agreed and signed off` : `${PLAN_KINDS.labelOf(plan.kind)} agreed`}
      body={episodeStatus ? `${personName(person)}’s episode is ${EPISODE_STATUSES.labelOf(episodeStatus).toLowerCase()}.` : undefined}
      saved={[
        { key: "Starts", value: displayDate(plan.startDate) },
        {
          key: "Goals",
          value: (
            <ul className="value-list">
              {plan.goals.map((goal) => (
                <li key={goal.id}>
                  {NEED_DOMAINS.labelOf(goal.domain)}: {goal.description}
                  {goal.targetDate && ` (by ${displayDate(goal.targetDate)})`}
                </li>
              ))}
            </ul>
          ),
        },
        { key: "Agreed with the person", value: plan.agreedWithServiceUser ? "Yes" : "No" },
        { key: "Signed off", value: plan.signedOffDate ? `${displayDate(plan.signedOffDate)}${plan.signedOffBy ? ` by ${plan.signedOffBy.name}` : ""}` : "Not yet" },
        {
          key: "Personal budget",
          value: budget ? `${poundsOf(budget.spentPence)} of ${poundsOf(budget.allocatedPence)} allocated, on ${budget.lines.length} ${budget.lines.length === 1 ? "line" : "lines"}` : "None",
        },
        { key: "First review due", value: plan.nextReviewDue ? `${displayDate(plan.nextReviewDue)} (every ${plan.reviewIntervalWeeks} weeks)` : "Not on the review schedule until signed off" },
      ]}
      nextSteps={[
        ...(plan.signedOffDate ? [{ to: `/episodes/${encodeURIComponent(episodeId)}/review`, label: "Complete a review of this plan" }] : []),
        { to: personRecordPath(person), label: `Go to ${personName(person)}’s record` },
      ]}
    />
  );
}
