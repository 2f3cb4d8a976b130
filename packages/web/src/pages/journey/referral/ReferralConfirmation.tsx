import { REFERRAL_SOURCES, REFERRAL_URGENCIES } from "@waymark/core";
import { personRecordPath } from "../../../components/EpisodeFormHeading.js";
import { displayDate } from "../../../components/formatting.js";
import { personName } from "../../../components/personName.js";
import { Confirmation } from "../shared/Confirmation.js";
import type { JourneyPerson } from "../shared/episodeContext.js";
import type { ReceivedReferral } from "./referralDocuments.js";

/** The referral as saved, and the next step: triage. */
export function ReferralConfirmation({ person, episode }: { person: JourneyPerson; episode: ReceivedReferral | null }) {
  const record = { to: personRecordPath(person), label: `Go to ${personName(person)}’s record` };
  if (!episode) {
    // The server saved it on another keyworker's caseload, which this person cannot open.
    return (
      <Confirmation
        title="Referral received"
        body={`${personName(person)}’s referral was saved on another keyworker’s caseload, so you cannot open the episode.`}
        saved={[]}
        nextSteps={[record]}
      />
    );
  }
  return (
    <Confirmation
      title="Referral received"
      body={`${personName(person)}’s episode is open with ${episode.team.name}, waiting for triage.`}
      saved={[
        { key: "Team", value: episode.team.name },
        { key: "Date received", value: displayDate(episode.referral.receivedDate) },
        { key: "Source", value: REFERRAL_SOURCES.labelOf(episode.referral.source) },
        { key: "Referrer", value: episode.referral.referrer },
        { key: "Reason", value: episode.referral.reason },
        { key: "Urgency", value: REFERRAL_URGENCIES.labelOf(episode.referral.urgency) },
        { key: "Keyworker", value: episode.keyworker?.name ?? "Not allocated yet" },
        ...(episode.ageBandOverride
          ? [{ key: "Accepted outside the age band", value: `${episode.ageBandOverride.reason}${episode.ageBandOverride.approvedBy ? ` (${episode.ageBandOverride.approvedBy.name})` : ""}` }]
          : []),
      ]}
      nextSteps={[{ to: `/episodes/${encodeURIComponent(episode.id)}/triage`, label: "Record the triage" }, record]}
    />
  );
}
