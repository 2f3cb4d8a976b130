import { useMemo } from "react";
import { useParams } from "react-router";
import { gql, useQuery } from "urql";
import { EpisodeFormHeading } from "../../components/EpisodeFormHeading.js";
import { LoadingRecord, RecordLoadFailed, RecordNotFound } from "../../components/RecordPageStates.js";
import { useServiceSettings } from "../../components/useServiceSettings.js";
import { useSession } from "../../session/SessionContext.js";
import { EpisodeInterventionsTable } from "./EpisodeInterventionsTable.js";
import { InterventionForm } from "./InterventionForm.js";
import { useEpisodeForRules } from "./loadEpisodeForRules.js";
import { whyNothingOffered } from "./offeredItems.js";

const TEAM_STAFF = gql<{ staff: { edges: { node: { id: string; name: string } }[] } }, { teamId: string }>`
  query TeamStaffForIntervention($teamId: ID!) {
    staff(first: 100, filter: { teamId: { eq: $teamId }, active: true }) {
      edges { node { id name } }
    }
  }
`;

/** /episodes/:episodeId/intervention — record an intervention, recovery support (ROSC) included. */
export function RecordInterventionPage() {
  const { episodeId = "" } = useParams();
  const { staff } = useSession();
  const { loaded, reload } = useEpisodeForRules(episodeId, true);
  const serviceSettings = useServiceSettings();
  const teamId = loaded.state === "ready" ? loaded.value.source.team.id : "";
  const [teamStaff] = useQuery({ query: TEAM_STAFF, variables: { teamId }, pause: teamId === "" });
  // If the team's staff cannot be listed, the person recording is still offered, rather than only "another agency".
  const staffOptions = useMemo(
    () => teamStaff.data?.staff.edges.map(({ node }) => ({ value: node.id, label: node.name })) ?? (staff ? [{ value: staff.id, label: staff.name }] : []),
    [teamStaff.data, staff],
  );

  if (loaded.state === "loading") return <LoadingRecord />;
  if (loaded.state === "missing") return <RecordNotFound what="episode" />;
  if (loaded.state === "failed") return <RecordLoadFailed retry={reload} />;
  const records = loaded.value;
  const nothingOffered = whyNothingOffered(records.episode);
  return (
    <div className="record-form">
      <EpisodeFormHeading episode={records.source} title="Record an intervention" />
      {nothingOffered ? (
        <p className="inset">{nothingOffered}</p>
      ) : teamStaff.fetching || (!teamStaff.data && !teamStaff.error) ? (
        <LoadingRecord />
      ) : (
        <InterventionForm records={records} serviceSettings={serviceSettings} staffOptions={staffOptions} signedInStaffId={staff?.id ?? ""} />
      )}
      <h2>Interventions in this episode</h2>
      <EpisodeInterventionsTable episodeId={records.episode.id} interventions={records.interventionRecords} />
    </div>
  );
}
