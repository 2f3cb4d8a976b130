import { useState } from "react";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { personRecordPath } from "../../../components/EpisodeFormHeading.js";
import { displayDate } from "../../../components/formatting.js";
import { personName } from "../../../components/personName.js";
import { NotAvailable } from "../shared/NotAvailable.js";
import { QueryProblem } from "../shared/QueryProblem.js";
import "../journey.css";
import { PersonFormHeading } from "./PersonFormHeading.js";
import { ReferralConfirmation } from "./ReferralConfirmation.js";
import { REFERRAL_FORM_CONTEXT, type ReceivedReferral, type ReferralFormContextResult } from "./referralDocuments.js";
import { ReferralForm } from "./ReferralForm.js";

/**
 * /people/:serviceUserId/referral: a new referral for a person. A person with an open episode cannot have a
 * second (R-ELIG-2), so the page points to that episode instead of offering a form the server would refuse.
 */
export function ReferralPage() {
  const { serviceUserId = "" } = useParams();
  const [result] = useQuery<ReferralFormContextResult, { serviceUserId: string }>({ query: REFERRAL_FORM_CONTEXT, variables: { serviceUserId } });
  const [saved, setSaved] = useState<{ episode: ReceivedReferral | null } | null>(null);
  const person = result.data?.serviceUser;
  if (!person) return <QueryProblem fetching={result.fetching} error={result.error} />;

  const title = "Receive a referral";
  if (saved) {
    return (
      <>
        <PersonFormHeading person={person} title={title} />
        <ReferralConfirmation person={person} episode={saved.episode} />
      </>
    );
  }
  const open = person.episodes.find((episode) => episode.status !== "COMPLETED" && episode.status !== "CLOSED" && !episode.enteredInError);
  return (
    <>
      <PersonFormHeading person={person} title={title} />
      {open ? (
        <NotAvailable>
          <p>
            {personName(person)} already has an open episode with {open.team.name}, referred on {displayDate(open.referral.receivedDate)}. A person can have only one open episode at a time: add to
            that episode, or discharge it before receiving a new referral.
          </p>
          <p>
            <Link to={personRecordPath(person)}>Go to {personName(person)}’s record</Link>
          </p>
        </NotAvailable>
      ) : (
        <ReferralForm key={person.id} person={person} teams={result.data?.teams ?? []} onSaved={(episode) => setSaved({ episode })} />
      )}
    </>
  );
}
