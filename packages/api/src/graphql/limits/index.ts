import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import type { RequestContext } from "../context.js";
import { documentGuard } from "./documentGuard.js";
import { nulCharacterGuard, refuseNulCharacters } from "./nulCharacters.js";
import { checkOperation, costReport, operationGuardPlugin, type CheckedOperation, type CostReport } from "./plugin.js";
import { QUERY_LIMITS } from "./queryLimits.js";

export { QUERY_LIMITS, type QueryLimits } from "./queryLimits.js";
export { LIMIT_CODES } from "./refusals.js";
export type { CheckedOperation, CostReport } from "./plugin.js";

/**
 * Guards run on every operation before any resolver: query limits, the rule that only signed-in users
 * may introspect, and no NUL character in text. Apollo calls them once it has validated the operation and
 * knows its variables.
 */
export function operationGuards(): ApolloServerPlugin<RequestContext>[] {
  return [operationGuardPlugin(QUERY_LIMITS), nulCharacterGuard()];
}

/**
 * The same guards as operationGuards(), in the same order, for an operation answered without Apollo
 * (graphql/repeatedQueries.ts): returns the cost report the answer carries, or throws the refusal.
 */
export function guardOperation(checked: CheckedOperation): CostReport {
  const cost = checkOperation(checked, QUERY_LIMITS);
  refuseNulCharacters(checked.document, checked.variables);
  return costReport(cost, QUERY_LIMITS);
}

/**
 * Express middleware for /graphql, to install after the JSON body parser and before Apollo: refuses a
 * document with too many tokens or directives before it is parsed and validated.
 */
export function documentGuards(): RequestHandler {
  return documentGuard(QUERY_LIMITS);
}
