import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { SuccessBanner } from "../../../components/Banner.js";
import { CREATE_TEAM, TEAM, UPDATE_TEAM, type TeamRecord } from "./teamQueries.js";
import { TeamForm } from "./TeamForm.js";
import type { TeamsBanner } from "./TeamsAndStaffPage.js";
import "../../../components/lists.css";

/** Adds a team, then returns to the teams and staff list with a confirmation. */
export function NewTeamPage() {
  const [, create] = useMutation(CREATE_TEAM);
  const navigate = useNavigate();
  return (
    <div className="narrow">
      <Link to="/admin/teams" className="back-link">
        Back to teams and staff
      </Link>
      <h1>Add a team</h1>
      <TeamForm
        submitLabel="Add team"
        onSave={async (input) => {
          const payload = (await create({ input })).data?.createTeam;
          if (!payload?.team) return payload?.userErrors ?? [];
          const state: TeamsBanner = { banner: `${payload.team.name} added` };
          navigate("/admin/teams", { state });
          return null;
        }}
      />
    </div>
  );
}

const isTeam = (node: unknown): node is TeamRecord => typeof node === "object" && node !== null && (node as { __typename?: string }).__typename === "Team";

/** Changes a team's name, age band and schedule settings. */
export function EditTeamPage() {
  const { teamId = "" } = useParams();
  const [result] = useQuery({ query: TEAM, variables: { id: teamId } });
  const [, update] = useMutation(UPDATE_TEAM);
  const [banner, setBanner] = useState<string | null>(null);
  const team = result.data?.node;
  if (!isTeam(team)) {
    if (result.fetching) return <p aria-live="polite">Loading…</p>;
    return (
      <div className="narrow">
        <h1>Team not found</h1>
        <p>
          <Link to="/admin/teams">Go back to teams and staff</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <Link to="/admin/teams" className="back-link">
        Back to teams and staff
      </Link>
      {banner && <SuccessBanner title={banner} />}
      <h1>{team.name}</h1>
      <TeamForm
        key={team.version}
        team={team}
        submitLabel="Save changes"
        onSave={async (input) => {
          setBanner(null);
          const payload = (await update({ input: { ...input, id: team.id, version: team.version } })).data?.updateTeam;
          if (!payload?.team) return payload?.userErrors ?? [];
          setBanner("Changes saved");
          return null;
        }}
      />
    </div>
  );
}
