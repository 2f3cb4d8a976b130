import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, visit, type DocumentNode } from "graphql";
import type { RequestContext } from "../context.js";
import { ERROR_CODES } from "../errors.js";

const NUL = "\u0000";

/** True when any string in a variables value, keys included, holds a NUL character. */
function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes(NUL);
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === "object") return Object.entries(value).some(([key, inner]) => key.includes(NUL) || holdsNul(inner));
  return false;
}

/** Documents already searched: Apollo keeps one parsed document per query text, and pages repeat their queries. */
const searched = new WeakMap<DocumentNode, boolean>();

function documentHoldsNul(document: DocumentNode): boolean {
  const known = searched.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes(NUL)) found = true;
    },
  });
  searched.set(document, found);
  return found;
}

/** Throws the refusal when the variables or the document's own text hold a NUL character. */
export function refuseNulCharacters(document: DocumentNode, variables: Record<string, unknown> | undefined): void {
  if (!holdsNul(variables) && !documentHoldsNul(document)) return;
  throw new GraphQLError("Text in the request holds a NUL character (U+0000), which no field accepts.", {
    extensions: { code: ERROR_CODES.badUserInput, http: { status: 400 } },
  });
}

/**
 * Refuses text holding a NUL character (U+0000), in the variables or written in the document, before any
 * resolver runs. No field means anything by one, and Postgres refuses it in text and JSON outright, so it
 * would otherwise fail the write as a server error instead of the caller's mistake.
 */
export function nulCharacterGuard(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          refuseNulCharacters(document, request.variables);
        },
      };
    },
  };
}
