import type { GraphiQLProps } from "graphiql";
import { csrfToken } from "../graphql/client.js";

/** What the API reports in `extensions.cost` for an answered query. */
export interface QueryCost {
  readonly requested: number;
  readonly limit: number;
}

type Fetcher = GraphiQLProps["fetcher"];

function costOf(body: unknown): QueryCost | null {
  const cost = (body as { extensions?: { cost?: Partial<QueryCost> } } | null)?.extensions?.cost;
  return typeof cost?.requested === "number" && typeof cost.limit === "number" ? { requested: cost.requested, limit: cost.limit } : null;
}

/**
 * GraphiQL's fetcher for Waymark: POSTs to the same origin's /graphql with the session cookie and the CSRF token
 * the API asks of every browser request (it refuses GET), exactly as the web app's own client does. Headers typed
 * into GraphiQL's header editor (an `Authorization: Bearer` token, say) are sent as well. Each answer's cost is
 * passed to `onCost` so the page can show it; refusals and errors carry none, and report `null`.
 */
export function waymarkFetcher(onCost: (cost: QueryCost | null) => void): Fetcher {
  return async (params, options) => {
    const token = csrfToken();
    const response = await fetch("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...(token ? { "x-csrf-token": token } : {}),
        ...(options?.headers as Record<string, string> | undefined),
      },
      body: JSON.stringify(params),
    });
    const body: unknown = await response.json();
    // Introspection for the documentation explorer runs too; only the user's own operations set the cost shown.
    if (params.operationName !== "IntrospectionQuery") onCost(costOf(body));
    return body as Awaited<ReturnType<Fetcher>>;
  };
}
