import { useState } from "react";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { EpisodeFormHeading, personRecordPath } from "../../../components/EpisodeFormHeading.js";
import { personName } from "../../../components/personName.js";
import { episodeIsOpen } from "../shared/episodeContext.js";
import { NotAvailable } from "../shared/NotAvailable.js";
import { QueryProblem } from "../shared/QueryProblem.js";
import "../journey.css";
import { currentPlan } from "./currentPlan.js";
import { ReviewConfirmation } from "./ReviewConfirmation.js";
import { REVIEW_FORM_CONTEXT, type CompletedReview, type ReviewFormContextResult } from "./reviewDocuments.js";
import { ReviewForm } from "./ReviewForm.js";

/**
 * /episodes/:episodeId/review: a review of the episode's current signed-off plan. Without one, or for a closed
 * episode, the page says why there is nothing to review (R-REV-3) instead of offering the form.
 */
export function ReviewPage() {
  const { episodeId = "" } = useParams();
  const [result] = useQuery<ReviewFormContextResult, { episodeId: string }>({ query: REVIEW_FORM_CONTEXT, variables: { episodeId } });
  const [saved, setSaved] = useState<CompletedReview | null>(null);
  const episode = result.data?.episode;
  if (!episode) return <QueryProblem fetching={result.fetching} error={result.error} />;
  const person = episode.serviceUser;
  const plan = currentPlan(episode.recoveryPlans.edges.map((edge) => edge.node));

  let body;
  if (saved) body = <ReviewConfirmation person={person} review={saved} />;
  else if (!episodeIsOpen(episode)) {
    body = (
      <NotAvailable>
        <p>This episode is closed, so its plan can no longer be reviewed.</p>
        <p>
          <Link to={personRecordPath(person)}>Go to {personName(person)}’s record</Link>
        </p>
      </NotAvailable>
    );
  } else if (!plan) {
    body = (
      <NotAvailable>
        <p>There is no signed-off recovery plan to review yet. Reviews start once a plan is signed off.</p>
        <p>
          <Link to={`/episodes/${encodeURIComponent(episode.id)}/plan`}>Agree and sign off a plan</Link>
        </p>
      </NotAvailable>
    );
  } else body = <ReviewForm key={plan.id} episode={episode} plan={plan} onSaved={setSaved} />;
  return (
    <>
      <EpisodeFormHeading episode={episode} title="Review the recovery plan" />
      {body}
    </>
  );
}
