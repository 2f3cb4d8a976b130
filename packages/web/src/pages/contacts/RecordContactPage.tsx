import { CONTACT_KINDS, CONTACT_OUTCOMES, isOpen } from "@waymark/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { SuccessBanner } from "../../components/Banner.js";
import { EpisodeFormHeading, personRecordPath } from "../../components/EpisodeFormHeading.js";
import { displayDate } from "../../components/formatting.js";
import { LoadingRecord, RecordLoadFailed, RecordNotFound } from "../../components/RecordPageStates.js";
import { SummaryList } from "../../components/SummaryList.js";
import { useServiceSettings } from "../../components/useServiceSettings.js";
import { ContactForm, type SavedContact } from "./ContactForm.js";
import { EPISODE_FOR_CONTACT } from "./contactQueries.js";
import { dnaFollowUpExplanation } from "./dnaFollowUp.js";

/**
 * /episodes/:episodeId/contact — record a contact or a missed appointment. The page stays after saving, with
 * the confirmation, because a missed appointment is often followed straight away by the call that chases it.
 */
export function RecordContactPage() {
  const { episodeId = "" } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: EPISODE_FOR_CONTACT, variables: { id: episodeId }, requestPolicy: "network-only" });
  const serviceSettings = useServiceSettings();
  const [saved, setSaved] = useState<SavedContact | null>(null);
  const [formKey, setFormKey] = useState(0);
  if (fetching && !data) return <LoadingRecord />;
  if (error && !data) return <RecordLoadFailed retry={() => reload()} />;
  const episode = data?.episode;
  if (!episode) return <RecordNotFound what="episode" />;
  const missed = saved?.outcome === "DID_NOT_ATTEND";
  return (
    <div className="record-form">
      <EpisodeFormHeading episode={episode} title="Record a contact" />
      {!isOpen(episode) && !saved ? (
        <>
          <p className="inset">This episode has ended, so contacts can no longer be added to it. Post-treatment check-ups are recorded as aftercare support.</p>
          <Link to={personRecordPath(episode.serviceUser)}>Back to the person's record</Link>
        </>
      ) : saved ? (
        <>
          <SuccessBanner title={missed ? "Missed appointment recorded" : "Contact recorded"}>{missed ? dnaFollowUpExplanation(saved.date, saved.kind, serviceSettings) : undefined}</SuccessBanner>
          <SummaryList
            rows={[
              { key: "Date", value: `${displayDate(saved.date)}${saved.time ? ` at ${saved.time}` : ""}` },
              { key: "Kind", value: CONTACT_KINDS.labelOf(saved.kind) },
              { key: "What happened", value: CONTACT_OUTCOMES.labelOf(saved.outcome) },
            ]}
          />
          <div className="record-actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSaved(null);
                setFormKey((key) => key + 1);
              }}
            >
              {missed ? "Record the follow-up" : "Record another contact"}
            </button>
            <Link to={personRecordPath(episode.serviceUser)}>Back to the person's record</Link>
          </div>
        </>
      ) : (
        <ContactForm key={formKey} episode={episode} serviceSettings={serviceSettings} onSaved={setSaved} />
      )}
    </div>
  );
}
