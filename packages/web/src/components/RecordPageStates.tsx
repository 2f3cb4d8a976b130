import { Link } from "react-router";

/** Shown while a form's record loads; announced politely so a screen reader hears when it is ready. */
export function LoadingRecord() {
  return <p aria-live="polite">Loading…</p>;
}

/**
 * A record that does not exist or is outside this person's scope: the API answers both the same way, and so
 * does this page, so it never reveals that a record exists.
 */
export function RecordNotFound({ what }: { what: string }) {
  return (
    <div className="narrow">
      <h1>{what.charAt(0).toUpperCase() + what.slice(1)} not found</h1>
      <p>There is no {what} at this address, or it is not on a caseload you have access to.</p>
      <p>
        <Link to="/caseload">Go to the caseload</Link>
      </p>
    </div>
  );
}

/** The server could not be reached or failed; nothing was saved and the page can be tried again. */
export function RecordLoadFailed({ retry }: { retry: () => void }) {
  return (
    <div className="narrow">
      <h1>Sorry, there is a problem</h1>
      <p>The record could not be loaded. Nothing has been changed.</p>
      <button type="button" className="button button--secondary" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
