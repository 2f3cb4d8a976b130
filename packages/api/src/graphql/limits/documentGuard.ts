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

/**
 * Express middleware for /graphql, installed before Apollo: refuses a document with too many tokens or
 * directives with HTTP 400 before it is parsed for execution or validated. These limits protect the parser
 * and validator themselves, so they cannot wait for Apollo's plugin hooks, which run after both.
 */
export function documentGuard(limits: QueryLimits): RequestHandler {
  return (request, response, next) => {
    for (const query of queryTextsOf(request.body, request.query)) {
      const refusal = checkDocument(query, limits);
      if (refusal) {
        response.status(REFUSAL_STATUS).json(refusalBody(refusal));
        return;
      }
    }
    next();
  };
}
