/** The bounds every GraphQL request must stay within before any resolver runs. */
export interface QueryLimits {
  /** Lexical tokens in the whole document, comments and commas not counted. */
  readonly maxTokens: number;
  /** Directives in the whole document. */
  readonly maxDirectives: number;
  /** Directives on any one field, fragment, variable or operation. */
  readonly maxDirectivesPerLocation: number;
  /** Levels of nested fields in the operation, fragments followed. */
  readonly maxDepth: number;
  /** Aliases in the operation, counted once per use of the fragment that holds them. */
  readonly maxAliases: number;
  /** The operation's cost, see `operationCost`. */
  readonly maxCost: number;
}

/**
 * Waymark's limits. Each is set well above what the web app and an analyst's hand-written report need, and
 * low enough that one request cannot tie up the single database writer or fill the server's memory.
 */
export const QUERY_LIMITS: QueryLimits = {
  // The web app's largest query is a few hundred tokens; 3,000 keeps parsing and validation trivially cheap.
  maxTokens: 3_000,
  // @include and @skip are the only directives a query can carry, so two per place is all that can be valid.
  maxDirectivesPerLocation: 2,
  maxDirectives: 20,
  // The standard introspection query that GraphiQL and code generators send nests 15 levels (its type
  // references unwrap `ofType` nine times); the deepest real Waymark query is well inside that.
  maxDepth: 15,
  maxAliases: 30,
  // A page of 100 people of ten fields, each with a page of 20 episodes of ten fields, costs about 25,000.
  maxCost: 50_000,
};
