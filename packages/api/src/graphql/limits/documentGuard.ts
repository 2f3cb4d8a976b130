import type { RequestHandler } from "express";
import { parse, type DocumentNode } from "graphql";
import { countDirectives } from "./directives.js";
import type { QueryLimits } from "./queryLimits.js";
import { refusalBody, REFUSAL_STATUS, tooManyDirectives, tooManyDirectivesInOnePlace, tooManyTokens, type LimitRefusal } from "./refusals.js";
import { countTokens } from "./tokens.js";

/** The query text of a GraphQL HTTP request: a POST's JSON `query`, or a GET's `?query=`. */
function queryTextsOf(body: unknown, searchQuery: unknown): string[] {
  const fromBody = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as { query?: unknown }).query : undefined;
  const fromSearch = (searchQuery as { query?: unknown } | undefined)?.query;
  return [fromBody, ...(Array.isArray(fromSearch) ? fromSearch : [fromSearch])].filter((text): text is string => typeof text === "string");
}

/** The first limit `query` breaks that can be seen without a schema, or null. */
export function checkDocument(query: string, limits: QueryLimits): LimitRefusal | null {
  const tokens = countTokens(query);
  if (tokens > limits.maxTokens) return tooManyTokens(tokens, limits.maxTokens);
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true, maxTokens: limits.maxTokens });
  } catch {
    // Apollo parses the text again and answers with the syntax error in its usual form.
    return null;
  }
  const directives = countDirectives(document);
  if (directives.mostInOnePlace > limits.maxDirectivesPerLocation && directives.busiestPlace) {
    return tooManyDirectivesInOnePlace(directives.busiestPlace, directives.mostInOnePlace, limits.maxDirectivesPerLocation);
  }
  if (directives.total > limits.maxDirectives) return tooManyDirectives(directives.total, limits.maxDirectives);
  return null;
}

/** Query texts already checked and accepted, most recently used last; the web app sends a few dozen. */
const ACCEPTED_CAPACITY = 500;
/** Longer texts are checked every time, so the memory the cache can hold stays small (500 × 20,000 characters at most). */
const LONGEST_REMEMBERED = 20_000;

/**
 * Express middleware for /graphql, installed before Apollo: refuses a document with too many tokens or
 * directives with HTTP 400 before it is parsed for execution or validated. These limits protect the parser
 * and validator themselves, so they cannot wait for Apollo's plugin hooks, which run after both.
 */
export function documentGuard(limits: QueryLimits): RequestHandler {
  // Counting a page's tokens and parsing it again cost as much as answering a small page: a text accepted
  // once is accepted again without either.
  const accepted = new Set<string>();
  return (request, response, next) => {
    for (const query of queryTextsOf(request.body, request.query)) {
      if (accepted.has(query)) {
        accepted.delete(query);
        accepted.add(query);
        continue;
      }
      const refusal = checkDocument(query, limits);
      if (refusal) {
        response.status(REFUSAL_STATUS).json(refusalBody(refusal));
        return;
      }
      if (query.length > LONGEST_REMEMBERED) continue;
      accepted.add(query);
      if (accepted.size > ACCEPTED_CAPACITY) accepted.delete(accepted.values().next().value as string);
    }
    next();
  };
}
