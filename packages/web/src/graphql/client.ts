import { Client, cacheExchange, fetchExchange, mapExchange } from "@urql/core";

const CSRF_COOKIE = "waymark_csrf";

/** The CSRF token the server set at sign-in, sent back in a header so other sites cannot act as the user. */
export function csrfToken(): string | null {
  const entry = document.cookie.split("; ").find((cookie) => cookie.startsWith(`${CSRF_COOKIE}=`));
  return entry ? decodeURIComponent(entry.slice(CSRF_COOKIE.length + 1)) : null;
}

/**
 * The GraphQL client. Pessimistic: nothing is shown as saved until the server says so. When the server
 * answers UNAUTHENTICATED the session has ended, and `onSessionEnded` takes the user to the expired page.
 */
export function createGraphQLClient(onSessionEnded: () => void): Client {
  return new Client({
    url: "/graphql",
    requestPolicy: "cache-and-network",
    // POST only: the server refuses GET requests that could be forged from another site.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => {
      const token = csrfToken();
      const headers: Record<string, string> = token ? { "x-csrf-token": token } : {};
      return { credentials: "same-origin", headers };
    },
    exchanges: [
      mapExchange({
        onError(error) {
          const codes = error.graphQLErrors.map((graphQLError) => graphQLError.extensions?.code);
          if (codes.includes("UNAUTHENTICATED") || error.response?.status === 403) onSessionEnded();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
