import { displayDate } from "../../components/formatting.js";

/**
 * How many reviews fall due in each week of the window, as a table whose numbers are the content and whose
 * bars only echo them for a quick look, so it reads the same to a screen reader and in greyscale.
 */
export function ReviewWeeks({ weeks }: { weeks: readonly { weekStarting: string; count: number }[] }) {
  const most = Math.max(1, ...weeks.map((week) => week.count));
  return (
    <table className="table week-bars">
      <caption className="visually-hidden">Reviews due each week</caption>
      <thead>
        <tr>
          <th scope="col">Week starting</th>
          <th scope="col" className="week-bars__count-heading">
            Reviews due
          </th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.weekStarting}>
            <th scope="row" className="week-bars__week">
              {displayDate(week.weekStarting)}
            </th>
            <td>
              <div className="week-bars__cell">
                <span className="week-bars__number">{week.count}</span>
                <span className="week-bars__bar" aria-hidden="true" style={{ width: `${(week.count / most) * 100}%` }} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
