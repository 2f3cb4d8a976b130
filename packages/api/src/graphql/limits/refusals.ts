import { GraphQLError } from "graphql";

/** The codes, in `errors[].extensions.code`, of a request refused for exceeding a query limit. */
export const LIMIT_CODES = {
  tokens: "TOO_MANY_TOKENS",
  directives: "TOO_MANY_DIRECTIVES",
  depth: "QUERY_TOO_DEEP",
  aliases: "TOO_MANY_ALIASES",
  cost: "QUERY_TOO_COSTLY",
} as const;

export type LimitCode = (typeof LIMIT_CODES)[keyof typeof LIMIT_CODES];

/**
 * Why a request was refused before any resolver ran. `limit` and `measured` travel in the error's extensions
 * too, so a script can shrink its query without parsing the message.
 */
export interface LimitRefusal {
  readonly code: LimitCode;
  readonly message: string;
  readonly limit: number;
  readonly measured: number;
}

/** A limit refusal's HTTP status: the request itself is wrong, whoever sends it. */
export const REFUSAL_STATUS = 400;

/** Formats a count the way the messages print it: 50,000 rather than 50000. */
export function formatCount(value: number): string {
  return value.toLocaleString("en-GB");
}

/** The refusal as a GraphQL error for Apollo to send, with HTTP status 400. */
export function refusalError(refusal: LimitRefusal): GraphQLError {
  return new GraphQLError(refusal.message, {
    extensions: { code: refusal.code, limit: refusal.limit, measured: refusal.measured, http: { status: REFUSAL_STATUS } },
  });
}

/** The refusal as a GraphQL response body, for answering before Apollo has seen the request. */
export function refusalBody(refusal: LimitRefusal) {
  return { errors: [{ message: refusal.message, extensions: { code: refusal.code, limit: refusal.limit, measured: refusal.measured } }] };
}

export const tooManyTokens = (measured: number, limit: number): LimitRefusal => ({
  code: LIMIT_CODES.tokens,
  message: `The query has ${formatCount(measured)} tokens; the limit is ${formatCount(limit)}.`,
  limit,
  measured,
});

export const tooManyDirectives = (measured: number, limit: number): LimitRefusal => ({
  code: LIMIT_CODES.directives,
  message: `The query uses ${formatCount(measured)} directives; the limit is ${formatCount(limit)}.`,
  limit,
  measured,
});

/** `place` names where the directives sit, e.g. `the field "me"`. */
export const tooManyDirectivesInOnePlace = (place: string, measured: number, limit: number): LimitRefusal => ({
  code: LIMIT_CODES.directives,
  message: `${place.charAt(0).toUpperCase()}${place.slice(1)} carries ${formatCount(measured)} directives; the limit is ${formatCount(limit)} on any one field, fragment, variable or operation.`,
  limit,
  measured,
});

export const tooDeep = (measured: number, limit: number): LimitRefusal => ({
  code: LIMIT_CODES.depth,
  message: `The query nests fields ${formatCount(measured)} levels deep; the limit is ${formatCount(limit)}.`,
  limit,
  measured,
});

export const tooManyAliases = (measured: number, limit: number): LimitRefusal => ({
  code: LIMIT_CODES.aliases,
  message: `The query uses ${formatCount(measured)} aliases, counting each use of a fragment; the limit is ${formatCount(limit)}.`,
  limit,
  measured,
});

export const tooCostly = (measured: number, limit: number): LimitRefusal => ({
  code: LIMIT_CODES.cost,
  message: `The query's cost is ${formatCount(measured)}; the limit is ${formatCount(limit)}. Ask for smaller pages with \`first\`, or fewer fields.`,
  limit,
  measured,
});
