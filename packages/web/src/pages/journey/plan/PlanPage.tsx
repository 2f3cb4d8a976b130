import type { EpisodeStatus } from "@waymark/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { EpisodeFormHeading, personRecordPath } from "../../../components/EpisodeFormHeading.js";
import { personName } from "../../../components/personName.js";
import { episodeIsOpen } from "../shared/episodeContext.js";
import { NotAvailable } from "../shared/NotAvailable.js";
import { QueryProblem } from "../shared/QueryProblem.js";
import "../journey.css";
import { PLAN_FORM_CONTEXT, type AgreedPlan, type PlanFormContextResult } from "./planDocuments.js";
import { PlanConfirmation } from "./PlanConfirmation.js";
import { PlanForm } from "./PlanForm.js";

/** /episodes/:episodeId/plan: a recovery plan for an open episode that has been triaged. */
export function PlanPage() {
  const { episodeId = "" } = useParams();
  const [result] = useQuery<PlanFormContextResult, { episodeId: string }>({ query: PLAN_FORM_CONTEXT, variables: { episodeId } });
  const [saved, setSaved] = useState<{ plan: AgreedPlan; status: EpisodeStatus | null } | null>(null);
  const episode = result.data?.episode;
  if (!episode) return <QueryProblem fetching={result.fetching} error={result.error} />;
  const person = episode.serviceUser;

  let body;
  if (saved) body = <PlanConfirmation person={person} episodeId={episode.id} episodeStatus={saved.status} plan={saved.plan} />;
  else if (!episodeIsOpen(episode)) {
    body = (
      <NotAvailable>
        <p>This episode is closed, so no plan can be added to it.</p>
        <p>
          <Link to={personRecordPath(person)}>Go to {personName(person)}’s record</Link>
        </p>
      </NotAvailable>
    );
  } else if (episode.status === "REFERRED") {
    body = (
      <NotAvailable>
        <p>Record the triage first: an interim plan follows triage, and a full plan follows the comprehensive assessment.</p>
        <p>
          <Link to={`/episodes/${encodeURIComponent(episode.id)}/triage`}>Record the triage</Link>
        </p>
      </NotAvailable>
    );
  } else body = <PlanForm key={episode.id} episode={episode} onSaved={(plan, status) => setSaved({ plan, status })} />;
  return (
    <>
      <EpisodeFormHeading episode={episode} title="Recovery plan" />
      {body}
    </>
  );
}
