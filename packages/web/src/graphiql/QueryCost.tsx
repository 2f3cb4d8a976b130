import type { QueryCost } from "./waymarkFetcher.js";

/** The cost of the last answered query against the API's limit, so analysts see how close a query runs to refusal. */
export function QueryCostSummary({ cost }: { readonly cost: QueryCost | null }) {
  return (
    <p className="waymark-graphiql__cost" role="status" aria-live="polite">
      {cost
        ? `Cost of the last query: ${cost.requested.toLocaleString("en-GB")} of ${cost.limit.toLocaleString("en-GB")}`
        : "Run a query to see its cost. Each list costs its page size (first) times the cost of one item."}
    </p>
  );
}
