import "./Pagination.css";

/**
 * Previous and next buttons for a keyset-paged list, with where the reader is in words
 * ("Showing 51 to 100 of 2,000 people"). Buttons, not links: moving page changes what is shown, not the address.
 * While a page loads the rows of the last one stay on screen, so the words say it is loading rather than
 * describing rows that are not there yet.
 */
export function Pagination(props: {
  label: string;
  pageNumber: number;
  pageSize: number;
  shownOnPage: number;
  totalCount: number;
  noun: { one: string; many: string };
  hasPrevious: boolean;
  hasNext: boolean;
  busy?: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const { label, pageNumber, pageSize, shownOnPage, totalCount, noun, hasPrevious, hasNext, busy = false, onPrevious, onNext } = props;
  const first = (pageNumber - 1) * pageSize + 1;
  const last = first + shownOnPage - 1;
  const count = (value: number) => value.toLocaleString("en-GB");
  const summary =
    shownOnPage === 0 ? `No ${noun.many}` : `Showing ${count(first)} to ${count(last)} of ${count(totalCount)} ${totalCount === 1 ? noun.one : noun.many}`;
  // A list that fits on one page needs no page buttons, only the count.
  if (!hasPrevious && !hasNext) {
    return <p className="pagination pagination__summary">{busy ? "Loading…" : summary}</p>;
  }
  return (
    <nav className="pagination" aria-label={label}>
      <button type="button" className="button button--secondary pagination__button" disabled={!hasPrevious || busy} onClick={onPrevious}>
        <span aria-hidden="true">← </span>Previous page
      </button>
      <p className="pagination__summary">
        {busy ? (
          `Loading page ${pageNumber}…`
        ) : (
          <>
            {summary}
            {shownOnPage > 0 && <span className="secondary"> (page {pageNumber})</span>}
          </>
        )}
      </p>
      <button type="button" className="button button--secondary pagination__button" disabled={!hasNext || busy} onClick={onNext}>
        Next page<span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
