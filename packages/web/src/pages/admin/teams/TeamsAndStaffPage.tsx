import { Link, useLocation } from "react-router";
import { useQuery } from "urql";
import { SuccessBanner } from "../../../components/Banner.js";
import { StaffList } from "./StaffList.js";
import { ageBandWords, TEAMS } from "./teamQueries.js";
import "../../../components/lists.css";

/** A confirmation carried over from the screen that made the change, in navigation state (never in the address). */
export interface TeamsBanner {
  readonly banner?: string;
}

/** The provider's teams with their age bands and schedule settings, and every staff account. */
export function TeamsAndStaffPage() {
  const [teams] = useQuery({ query: TEAMS, variables: {} });
  const banner = (useLocation().state as TeamsBanner | null)?.banner;
  return (
    <>
      {banner && <SuccessBanner title={banner} />}
      <h1>Teams and staff</h1>
      <h2>Teams</h2>
      <Link to="/admin/teams/new" className="button button--secondary">
        Add a team
      </Link>
      {!teams.data ? (
        teams.error ? <p className="error-message">The teams could not be loaded. Refresh the page to try again.</p> : <p aria-live="polite">Loading teams…</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Teams</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Ages served</th>
              <th scope="col" className="table__numeric">
                Weeks between reviews
              </th>
              <th scope="col" className="table__numeric">
                Waiting-time target (days)
              </th>
            </tr>
          </thead>
          <tbody>
            {teams.data.teams.map((team) => (
              <tr key={team.id}>
                <td>
                  <Link to={`/admin/teams/${team.id}`}>{team.name}</Link>
                </td>
                <td>{ageBandWords(team)}</td>
                <td className="table__numeric">{team.reviewIntervalWeeks}</td>
                <td className="table__numeric">{team.waitingTimeTargetDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Staff</h2>
      <Link to="/admin/teams/staff/new" className="button button--secondary">
        Add a staff member
      </Link>
      <StaffList teams={teams.data?.teams ?? []} />
    </>
  );
}
