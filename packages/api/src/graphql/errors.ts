import { GraphQLError } from "graphql";

/** The error codes of ENGINEERING.md's conventions, in `errors[].extensions.code`. */
export const ERROR_CODES = {
  unauthenticated: "UNAUTHENTICATED",
  forbidden: "FORBIDDEN",
  notFound: "NOT_FOUND",
  badUserInput: "BAD_USER_INPUT",
  staleVersion: "STALE_VERSION",
} as const;

export function unauthenticated(): GraphQLError {
  return new GraphQLError("Sign in to use Waymark.", { extensions: { code: ERROR_CODES.unauthenticated } });
}

export function forbidden(message = "Your role does not allow this."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ERROR_CODES.forbidden } });
}

/**
 * A record that does not exist and one outside the caller's scope get the same answer, so a caseload's
 * edges cannot be probed by guessing IDs.
 */
export function notFound(what = "record"): GraphQLError {
  return new GraphQLError(`No ${what} with that ID was found.`, { extensions: { code: ERROR_CODES.notFound } });
}

export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ERROR_CODES.badUserInput, field } });
}
