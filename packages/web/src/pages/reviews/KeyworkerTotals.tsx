import { Link } from "react-router";
import type { KeyworkerSummary } from "./reviewScheduleQuery.js";
import { paramsOf, type ScheduleView } from "./scheduleView.js";

/**
 * The schedule per keyworker and team, most overdue first as the API orders it. A team lead follows a
 * keyworker's name to that person's reviews alone.
 */
export function KeyworkerTotals({ rows, view, canNarrow }: { rows: readonly KeyworkerSummary[]; view: ScheduleView; canNarrow: boolean }) {
  if (rows.length === 0) return <p>No keyworker has a review overdue or coming up in this window.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Reviews by keyworker and team</caption>
      <thead>
        <tr>
          <th scope="col">Keyworker</th>
          <th scope="col">Team</th>
          <th scope="col" className="table__numeric">
            Overdue
          </th>
          <th scope="col" className="table__numeric">
            Due in 7 days
          </th>
          <th scope="col" className="table__numeric">
            Upcoming
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const name = row.keyworker?.name ?? "No keyworker allocated";
          const narrowed = row.keyworker ? paramsOf({ ...view, scope: "TEAM", teamId: row.team.id, keyworkerId: row.keyworker.id }) : null;
          return (
            <tr key={`${row.keyworker?.id ?? "none"}-${row.team.id}`}>
              <th scope="row">{canNarrow && narrowed ? <Link to={`/reviews?${narrowed.toString()}`}>{name}</Link> : name}</th>
              <td>{row.team.name}</td>
              <td className="table__numeric">{row.overdue}</td>
              <td className="table__numeric">{row.due}</td>
              <td className="table__numeric">{row.upcoming}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
