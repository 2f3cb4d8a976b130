import type { CombinedError } from "urql";
import { NotFoundPage } from "../../NotFoundPage.js";

/**
 * What a journey page shows before its record is in hand: loading, a failure to load, or the not-found page
 * for a record that does not exist or is outside the person's access (the server answers both the same).
 */
export function QueryProblem({ fetching, error }: { fetching: boolean; error: CombinedError | undefined }) {
  if (fetching) return <p aria-live="polite">Loading…</p>;
  if (error?.networkError) {
    return (
      <div className="narrow">
        <h1>Waymark could not be reached</h1>
        <p>Check your connection, then reload the page.</p>
      </div>
    );
  }
  if (error && !error.graphQLErrors.some((graphQLError) => graphQLError.extensions?.code === "NOT_FOUND")) {
    return (
      <div className="narrow">
        <h1>This page could not be loaded</h1>
        <p>{error.graphQLErrors[0]?.message ?? "Something went wrong. Reload the page to try again."}</p>
      </div>
    );
  }
  return <NotFoundPage />;
}
