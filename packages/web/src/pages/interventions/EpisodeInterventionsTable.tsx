import { Link } from "react-router";
import { displayDate } from "../../components/formatting.js";
import type { GraphQLIntervention } from "./episodeForRules.js";

/**
 * The episode's interventions, so the keyworker sees what is running alongside a new one (R-ROSC-1), can end one
 * that has stopped, and can mark one recorded by mistake.
 */
export function EpisodeInterventionsTable({ episodeId, interventions }: { episodeId: string; interventions: readonly GraphQLIntervention[] }) {
  if (interventions.length === 0) return <p>No interventions are recorded in this episode yet.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Interventions in this episode, newest start first</caption>
      <thead>
        <tr>
          <th scope="col">Intervention</th>
          <th scope="col">Started</th>
          <th scope="col">Ended</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {interventions.map((intervention) => (
          <tr key={intervention.id}>
            <td>{intervention.catalogueItem.label}</td>
            <td>{displayDate(intervention.startDate)}</td>
            <td>{intervention.endDate ? displayDate(intervention.endDate) : "Still running"}</td>
            <td>
              <div className="record-actions record-actions--table">
                {intervention.endDate === null && (
                  <Link to={`/episodes/${episodeId}/interventions/${intervention.id}/end`}>
                    End<span className="visually-hidden"> {intervention.catalogueItem.label}</span>
                  </Link>
                )}
                <Link to={`/records/${intervention.id}/entered-in-error`}>
                  Entered in error<span className="visually-hidden"> for {intervention.catalogueItem.label}</span>
                </Link>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
