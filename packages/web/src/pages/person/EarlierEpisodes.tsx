import { DISCHARGE_REASONS } from "@waymark/core";
import { useState } from "react";
import { useQuery } from "urql";
import { displayDate } from "../../components/formatting.js";
import { Tag } from "../../components/Tag.js";
import { EPISODE_RECORD_QUERY } from "./episodeRecordQuery.js";
import { EpisodeStatusTag } from "./EpisodeStatusTag.js";
import { EpisodeTimeline } from "./EpisodeTimeline.js";
import type { PersonEpisode } from "./personRecordQuery.js";
import "../../components/Details.css";

/** An earlier episode's timeline, fetched only when someone opens it: each read of an episode is audited. */
function EarlierTimeline({ episodeId }: { episodeId: string }) {
  const [result] = useQuery({ query: EPISODE_RECORD_QUERY, variables: { id: episodeId } });
  if (result.fetching && !result.data) return <p aria-live="polite">Loading the timeline…</p>;
  if (!result.data?.episode) return <p>The timeline of this episode could not be loaded.</p>;
  return <EpisodeTimeline episode={result.data.episode} idPrefix={`timeline-${episodeId}`} />;
}

function EarlierEpisode({ episode }: { episode: PersonEpisode }) {
  const [opened, setOpened] = useState(false);
  return (
    <li className="earlier-episode">
      <h3 className="earlier-episode__title">
        Referred {displayDate(episode.referral.receivedDate)}
        {episode.dischargeDate && `, discharged ${displayDate(episode.dischargeDate)}`}
      </h3>
      <p>
        <EpisodeStatusTag status={episode.status} />
        {episode.enteredInError && <Tag tone="grey">Entered in error</Tag>}
        {episode.team.name}
        {episode.keyworker && `, keyworker ${episode.keyworker.name}`}
        {episode.dischargeReason && `. ${DISCHARGE_REASONS.labelOf(episode.dischargeReason)}.`}
      </p>
      {episode.enteredInError && <p className="secondary">Marked as entered in error: {episode.enteredInError.reason}</p>}
      <details className="details" onToggle={(event) => setOpened(opened || event.currentTarget.open)}>
        <summary className="details__summary">Show the timeline of this episode</summary>
        <div className="details__text">{opened && <EarlierTimeline episodeId={episode.id} />}</div>
      </details>
    </li>
  );
}

/** The person's other episodes, most recent first, each with its timeline on request. */
export function EarlierEpisodes({ episodes }: { episodes: readonly PersonEpisode[] }) {
  return (
    <section aria-labelledby="earlier-heading" className="person__section">
      <h2 id="earlier-heading">Earlier episodes</h2>
      {episodes.length === 0 ? (
        <p className="secondary">No earlier episodes.</p>
      ) : (
        <ol className="earlier-episodes">
          {[...episodes].reverse().map((episode) => (
            <EarlierEpisode key={episode.id} episode={episode} />
          ))}
        </ol>
      )}
    </section>
  );
}
