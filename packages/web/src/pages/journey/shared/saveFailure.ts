import type { CombinedError } from "urql";

/**
 * What to tell the person when the server did not answer with a decision on the record: the network failed,
 * or the request itself was refused (a record outside their scope, a forbidden action). Nothing was saved
 * in either case, and the form keeps what they entered.
 */
export function saveFailureMessage(error: CombinedError): string {
  if (error.networkError) return "Waymark could not be reached, so nothing was saved. Check your connection and try again.";
  const refusal = error.graphQLErrors.find((graphQLError) => graphQLError.extensions?.code === "FORBIDDEN");
  if (refusal) return `${refusal.message} Nothing was saved.`;
  const notFound = error.graphQLErrors.find((graphQLError) => graphQLError.extensions?.code === "NOT_FOUND");
  if (notFound) return "This record could not be found, or is no longer in your caseload. Nothing was saved.";
  return "Something went wrong and nothing was saved. Try again, and if it happens again tell your system administrator.";
}
