import { TOP_STAGES, type IsoDate, type TopStage } from "@waymark/core";
import { useParams } from "react-router";
import { gql, useQuery } from "urql";
import { EPISODE_HEADING_FIELDS, EpisodeFormHeading } from "../../components/EpisodeFormHeading.js";
import { displayDate } from "../../components/formatting.js";
import { LoadingRecord, RecordLoadFailed, RecordNotFound } from "../../components/RecordPageStates.js";
import { OutcomeForm, type EpisodeForOutcome } from "./OutcomeForm.js";

const EPISODE_FOR_OUTCOME = gql<
  { episode: (EpisodeForOutcome & { outcomes: { totalCount: number; edges: { node: { id: string; stage: TopStage; date: IsoDate } }[] } }) | null },
  { id: string }
>`
  query EpisodeForOutcome($id: ID!) {
    episode(id: $id) {
      ${EPISODE_HEADING_FIELDS}
      referral { receivedDate source referrer reason urgency }
      outcomes(first: 5) { totalCount edges { node { id stage date } } }
    }
  }
`;

/** /episodes/:episodeId/outcome — record a Treatment Outcomes Profile (TOP). */
export function RecordOutcomePage() {
  const { episodeId = "" } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: EPISODE_FOR_OUTCOME, variables: { id: episodeId }, requestPolicy: "network-only" });
  if (fetching && !data) return <LoadingRecord />;
  if (error && !data) return <RecordLoadFailed retry={() => reload()} />;
  const episode = data?.episode;
  if (!episode) return <RecordNotFound what="episode" />;
  const recent = episode.outcomes.edges.map(({ node }) => node);
  return (
    <div className="record-form record-form--wide">
      <EpisodeFormHeading episode={episode} title="Record a Treatment Outcomes Profile (TOP)" />
      <p>
        {recent.length === 0
          ? "No TOP is recorded in this episode yet."
          : `Latest TOPs in this episode: ${recent.map((outcome) => `${TOP_STAGES.labelOf(outcome.stage)} on ${displayDate(outcome.date)}`).join("; ")}.`}
      </p>
      <OutcomeForm episode={episode} />
    </div>
  );
}
