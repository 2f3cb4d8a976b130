import { Lexer, Source, TokenKind } from "graphql";

/**
 * The number of lexical tokens in a GraphQL document, counted as graphql-js's own `maxTokens` counts them:
 * comments and commas are not tokens. Counting only lexes, so a document too big to be worth parsing is
 * measured at the cost of one linear scan. A syntax error stops the count; the parser reports the error.
 */
export function countTokens(document: string): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // Lexing stops at the first character that cannot start a token; what came before still counts.
  }
  return count;
}
