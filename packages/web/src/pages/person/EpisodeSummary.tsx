import { COHORTS, DISCHARGE_REASONS, INJECTING_STATUSES, REFERRAL_SOURCES, ROUTES, SUBSTANCES } from "@waymark/core";
import { displayDate } from "../../components/formatting.js";
import { serviceToday } from "../../components/serviceToday.js";
import { SummaryList } from "../../components/SummaryList.js";
import { Tag } from "../../components/Tag.js";
import type { EpisodeRecord } from "./episodeRecordQuery.js";
import { EpisodeStatusTag } from "./EpisodeStatusTag.js";

function substanceLine(substance: EpisodeRecord["problemSubstances"][number]): string {
  const details = [substance.route && ROUTES.labelOf(substance.route).toLowerCase(), substance.ageOfFirstUse !== null && `first used at ${substance.ageOfFirstUse}`].filter(Boolean);
  return `${SUBSTANCES.labelOf(substance.substance)}${details.length > 0 ? ` (${details.join(", ")})` : ""}`;
}

/** The facts of an episode: where it is, who holds it, how it began, what is used, when the next review falls. */
export function EpisodeSummary({ episode }: { episode: EpisodeRecord }) {
  const overdue = episode.nextReviewDue !== null && episode.nextReviewDue < serviceToday() && episode.dischargeDate === null;
  const substances = [...episode.problemSubstances].sort((a, b) => a.rank - b.rank);
  return (
    <SummaryList
      rows={[
        { key: "Status", value: <EpisodeStatusTag status={episode.status} /> },
        { key: "Team", value: episode.team.name },
        { key: "Keyworker", value: episode.keyworker?.name ?? <span className="secondary">Not allocated</span> },
        {
          key: "Referral received",
          value: (
            <>
              {displayDate(episode.referral.receivedDate)}
              {episode.referral.urgency === "URGENT" && (
                <>
                  {" "}
                  <Tag tone="red">Urgent</Tag>
                </>
              )}
            </>
          ),
        },
        { key: "Referral source", value: `${REFERRAL_SOURCES.labelOf(episode.referral.source)}${episode.referral.referrer ? `: ${episode.referral.referrer}` : ""}` },
        ...(episode.ageBandOverride
          ? [{ key: "Age band override", value: `${episode.ageBandOverride.reason}${episode.ageBandOverride.approvedBy ? ` (accepted by ${episode.ageBandOverride.approvedBy.name})` : ""}` }]
          : []),
        { key: "Triage", value: episode.triageDate ? displayDate(episode.triageDate) : <span className="secondary">Not yet</span> },
        { key: "Structured treatment began", value: episode.firstInterventionDate ? displayDate(episode.firstInterventionDate) : <span className="secondary">Not yet</span> },
        {
          key: "Problem substances",
          value:
            substances.length === 0 ? (
              <span className="secondary">Recorded at triage</span>
            ) : (
              <ol className="list list--number">
                {substances.map((substance) => (
                  <li key={substance.rank}>{substanceLine(substance)}</li>
                ))}
              </ol>
            ),
        },
        ...(episode.cohort ? [{ key: "Cohort", value: COHORTS.labelOf(episode.cohort) }] : []),
        ...(episode.injectingStatus ? [{ key: "Injecting", value: INJECTING_STATUSES.labelOf(episode.injectingStatus) }] : []),
        ...(episode.dischargeDate
          ? [
              { key: "Discharged", value: displayDate(episode.dischargeDate) },
              { key: "Discharge reason", value: episode.dischargeReason && DISCHARGE_REASONS.labelOf(episode.dischargeReason) },
            ]
          : [
              {
                key: "Next review due",
                value: episode.nextReviewDue ? (
                  <>
                    {displayDate(episode.nextReviewDue)} {overdue && <Tag tone="orange">Review overdue</Tag>}
                  </>
                ) : (
                  <span className="secondary">No signed-off plan yet</span>
                ),
              },
            ]),
      ]}
    />
  );
}
