import { EPISODE_STATUSES } from "@waymark/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { EpisodeFormHeading, personRecordPath } from "../../../components/EpisodeFormHeading.js";
import { displayDate } from "../../../components/formatting.js";
import { personName } from "../../../components/personName.js";
import { episodeIsOpen } from "../shared/episodeContext.js";
import { NotAvailable } from "../shared/NotAvailable.js";
import { QueryProblem } from "../shared/QueryProblem.js";
import "../journey.css";
import { TRIAGE_FORM_CONTEXT, type TriagedEpisode, type TriageFormContextResult } from "./triageDocuments.js";
import { TriageConfirmation } from "./TriageConfirmation.js";
import { TriageForm } from "./TriageForm.js";

/** /episodes/:episodeId/triage: the triage of a referred episode; an episode past referral says when it was triaged. */
export function TriagePage() {
  const { episodeId = "" } = useParams();
  const [result] = useQuery<TriageFormContextResult, { episodeId: string }>({ query: TRIAGE_FORM_CONTEXT, variables: { episodeId } });
  const [saved, setSaved] = useState<TriagedEpisode | null>(null);
  const episode = result.data?.episode;
  if (!episode) return <QueryProblem fetching={result.fetching} error={result.error} />;
  const person = episode.serviceUser;
  const record = personRecordPath(person);

  let body;
  if (saved) body = <TriageConfirmation person={person} episode={saved} />;
  else if (!episodeIsOpen(episode) || episode.status !== "REFERRED") {
    body = (
      <NotAvailable>
        <p>
          {episode.status === "REFERRED" || !episode.triageDate
            ? `This episode is ${EPISODE_STATUSES.labelOf(episode.status).toLowerCase()}${episode.enteredInError ? " and was marked as entered in error" : ""}, so it cannot be triaged.`
            : `This episode was triaged on ${displayDate(episode.triageDate)}. A later change in needs or risk is recorded as a reassessment.`}
        </p>
        <p>
          <Link to={record}>Go to {personName(person)}’s record</Link>
        </p>
      </NotAvailable>
    );
  } else {
    body = (
      <>
        <p className="lead">Referred on {displayDate(episode.referral.receivedDate)}.</p>
        <TriageForm key={episode.id} episode={episode} onSaved={setSaved} />
      </>
    );
  }
  return (
    <>
      <EpisodeFormHeading episode={episode} title="Triage" />
      {body}
    </>
  );
}
