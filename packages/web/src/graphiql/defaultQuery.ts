/** The query GraphiQL opens with for someone who has not used it before: small, and runnable by every role. */
export const DEFAULT_QUERY = `# Waymark's GraphQL API. Run a query with the
# play button or Ctrl-Enter. The Docs panel lists
# every type and field. The cost of the last query
# is shown under the response.

{
  me {
    name
    roles
  }
}
`;
