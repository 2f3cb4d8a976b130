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
import { AssessmentConfirmation } from "./AssessmentConfirmation.js";
import { ASSESSMENT_FORM_CONTEXT, type AssessmentFormContextResult, type RecordedAssessment } from "./assessmentDocuments.js";
import { AssessmentForm } from "./AssessmentForm.js";

/** /episodes/:episodeId/assessment: a comprehensive assessment or reassessment, once the episode is triaged. */
export function AssessmentPage() {
  const { episodeId = "" } = useParams();
  const [result] = useQuery<AssessmentFormContextResult, { episodeId: string }>({ query: ASSESSMENT_FORM_CONTEXT, variables: { episodeId } });
  const [saved, setSaved] = useState<RecordedAssessment | null>(null);
  const episode = result.data?.episode;
  if (!episode) return <QueryProblem fetching={result.fetching} error={result.error} />;
  const person = episode.serviceUser;
  const record = (
    <p>
      <Link to={personRecordPath(person)}>Go to {personName(person)}’s record</Link>
    </p>
  );

  let body;
  if (saved) body = <AssessmentConfirmation person={person} episodeId={episode.id} assessment={saved} />;
  else if (!episodeIsOpen(episode)) body = <NotAvailable><p>This episode is closed, so no assessment can be added to it.</p>{record}</NotAvailable>;
  else if (episode.status === "REFERRED") {
    body = (
      <NotAvailable>
        <p>Record the triage first: the comprehensive assessment follows it.</p>
        <p>
          <Link to={`/episodes/${encodeURIComponent(episode.id)}/triage`}>Record the triage</Link>
        </p>
      </NotAvailable>
    );
  } else {
    body = (
      <>
        <p className="lead">Triaged on {displayDate(episode.triageDate)}.</p>
        <AssessmentForm key={episode.id} episode={episode} onSaved={setSaved} />
      </>
    );
  }
  return (
    <>
      <EpisodeFormHeading episode={episode} title="Assessment" />
      {body}
    </>
  );
}
