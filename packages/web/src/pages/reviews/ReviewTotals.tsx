import { displayDate } from "../../components/formatting.js";

/**
 * The three numbers a team lead looks at first: overdue, due within the week, and coming up later in the
 * window. Each is a link to its list further down the page.
 */
export function ReviewTotals({ overdue, due, upcoming, to }: { overdue: number; due: number; upcoming: number; to: string }) {
  const totals = [
    { id: "overdue-reviews", count: overdue, words: overdue === 1 ? "review overdue" : "reviews overdue", tone: "overdue" },
    { id: "due-reviews", count: due, words: due === 1 ? "review due in the next 7 days" : "reviews due in the next 7 days", tone: "due" },
    { id: "upcoming-reviews", count: upcoming, words: `${upcoming === 1 ? "review" : "reviews"} coming up by ${displayDate(to)}`, tone: "upcoming" },
  ];
  return (
    <ul className="totals" aria-label="Totals">
      {totals.map((total) => (
        <li key={total.id} className={`totals__item totals__item--${total.tone}`}>
          <a href={`#${total.id}`} className="totals__link">
            <span className="totals__number">{total.count}</span> <span className="totals__words">{total.words}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
