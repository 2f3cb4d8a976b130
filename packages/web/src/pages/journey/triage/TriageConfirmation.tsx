import { COHORTS, EPISODE_STATUSES, INJECTING_STATUSES, ROUTES, SUBSTANCES } from "@waymark/core";
import { personRecordPath } from "../../../components/EpisodeFormHeading.js";
import { displayDate } from "../../../components/formatting.js";
import { personName } from "../../../components/personName.js";
import { SuicideRiskFlagSummary } from "../risk/SuicideRiskFlagSummary.js";
import { Confirmation } from "../shared/Confirmation.js";
import type { JourneyPerson } from "../shared/episodeContext.js";
import type { TriagedEpisode } from "./triageDocuments.js";

/** The triage as saved: the episode's new status, substances and cohort, the suicide-risk flag, any interim plan. */
export function TriageConfirmation({ person, episode }: { person: JourneyPerson; episode: TriagedEpisode }) {
  const plan = episode.recoveryPlans.edges[0]?.node;
  const substances = [...episode.problemSubstances]
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => [`${entry.rank}. ${SUBSTANCES.labelOf(entry.substance)}`, entry.route ? ROUTES.labelOf(entry.route).toLowerCase() : null, entry.ageOfFirstUse !== null ? `first used at ${entry.ageOfFirstUse}` : null].filter(Boolean).join(", "));
  return (
    <Confirmation
      title="Triage recorded"
      body={`${personName(person)}’s episode is now ${EPISODE_STATUSES.labelOf(episode.status).toLowerCase()}.`}
      saved={[
        { key: "Date of triage", value: displayDate(episode.triageDate) },
        {
          key: "Problem substances",
          value: (
            <ul className="value-list">
              {substances.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ),
        },
        { key: "Cohort", value: episode.cohort ? COHORTS.labelOf(episode.cohort) : null },
        { key: "Injecting", value: episode.injectingStatus ? INJECTING_STATUSES.labelOf(episode.injectingStatus) : null },
        { key: "Suicide-risk flag", value: <SuicideRiskFlagSummary flag={episode.suicideRisk} /> },
        { key: "Interim plan", value: plan ? `Agreed, starting ${displayDate(plan.startDate)}, with ${plan.goals.length} ${plan.goals.length === 1 ? "goal" : "goals"}` : "Not agreed yet" },
      ]}
      nextSteps={[
        { to: `/episodes/${encodeURIComponent(episode.id)}/assessment`, label: "Record the comprehensive assessment" },
        ...(plan ? [] : [{ to: `/episodes/${encodeURIComponent(episode.id)}/plan`, label: "Agree an interim plan" }]),
        { to: personRecordPath(person), label: `Go to ${personName(person)}’s record` },
      ]}
    />
  );
}
