import { Link } from "react-router";
import { useQuery } from "urql";
import { hasRole, useSession } from "../../session/SessionContext.js";
import { episodeActions, isOpenStatus } from "./episodeActions.js";
import { EpisodeActionList } from "./EpisodeActionList.js";
import { EPISODE_RECORD_QUERY } from "./episodeRecordQuery.js";
import { EpisodeSummary } from "./EpisodeSummary.js";
import { EpisodeTimeline } from "./EpisodeTimeline.js";
import type { PersonEpisode } from "./personRecordQuery.js";
import { RiskAndSafeguarding } from "./RiskAndSafeguarding.js";

/**
 * The episode the keyworker is working on (the open one, or the latest when none is open): its facts, the
 * forms its state allows, risk and safeguarding, and its timeline.
 */
export function CurrentEpisode({ personId, episode }: { personId: string; episode: PersonEpisode }) {
  const { staff } = useSession();
  const [result, refetch] = useQuery({ query: EPISODE_RECORD_QUERY, variables: { id: episode.id } });
  const record = result.data?.episode;
  const open = isOpenStatus(episode.status);
  const heading = open ? "Current episode" : "Latest episode";

  if (!record) {
    return (
      <section aria-labelledby="episode-heading" className="person__section">
        <h2 id="episode-heading">{heading}</h2>
        {result.error && !result.fetching ? (
          <div className="inset">
            <p>The episode could not be loaded. Nothing has been changed.</p>
            <button type="button" className="button button--secondary" onClick={() => refetch({ requestPolicy: "network-only" })}>
              Try again
            </button>
          </div>
        ) : result.fetching ? (
          <p aria-live="polite">Loading the episode…</p>
        ) : (
          <p>This episode is not on a caseload you have access to.</p>
        )}
      </section>
    );
  }

  const actions = episodeActions({
    id: record.id,
    status: record.status,
    treatmentStarted: record.firstInterventionDate !== null,
    hasSignedOffPlan: record.recoveryPlans.edges.some(({ node }) => node.signedOffDate !== null),
    viewerIsTeamLead: hasRole(staff, "TEAM_LEAD"),
  });
  return (
    <>
      <section aria-labelledby="episode-heading" className="person__section">
        <h2 id="episode-heading">{heading}</h2>
        {!open && (
          <div className="inset">
            <p>This episode has ended. If the person has come back to the service, record a new referral.</p>
            <Link to={`/people/${personId}/referral`} className="button button--primary">
              Record a new referral
            </Link>
          </div>
        )}
        <EpisodeSummary episode={record} />
        <h3 id="actions-heading">Record on this episode</h3>
        <EpisodeActionList actions={actions} />
      </section>
      <RiskAndSafeguarding episode={record} />
      <section aria-labelledby="timeline-heading" className="person__section">
        <h2 id="timeline-heading">Timeline</h2>
        <EpisodeTimeline episode={record} idPrefix="current-timeline" />
      </section>
    </>
  );
}
