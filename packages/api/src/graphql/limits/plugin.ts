import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from "@apollo/server";
import type { RequestContext } from "../context.js";
import { operationCost } from "./cost.js";
import { fragmentsOf } from "./fragments.js";
import { introspectionRefused, selectsIntrospection } from "./introspection.js";
import type { QueryLimits } from "./queryLimits.js";
import { refusalError, tooCostly, tooDeep, tooManyAliases } from "./refusals.js";
import { measureShape, type OperationShape } from "./shape.js";
import type { FragmentMap } from "./fragments.js";
import type { OperationDefinitionNode } from "graphql";

/** Each operation's fragments and shape, worked out once: Apollo keeps one parsed document per query text. */
const measured = new WeakMap<OperationDefinitionNode, { fragments: FragmentMap; shape: OperationShape }>();

/** What an answered response carries in `extensions.cost`. */
export interface CostReport {
  readonly requested: number;
  readonly limit: number;
}

/**
 * Checks the operation Apollo is about to execute and returns its cost, or throws the refusal. Runs at
 * `didResolveOperation`: after validation, so fragments are known to resolve, and with the variables, so
 * a `first` passed as a variable is costed like one written in the query. No resolver has run yet.
 */
function checkOperation(request: GraphQLRequestContextDidResolveOperation<RequestContext>, limits: QueryLimits): number | undefined {
  const { document, operation, schema, contextValue } = request;
  // No operation matched the request's operationName: Apollo refuses it next, without executing anything.
  if (!operation) return undefined;
  let known = measured.get(operation);
  if (!known) {
    const fragments = fragmentsOf(document);
    known = { fragments, shape: measureShape(operation, fragments) };
    measured.set(operation, known);
  }
  const { fragments, shape } = known;
  if (shape.depth > limits.maxDepth) throw refusalError(tooDeep(shape.depth, limits.maxDepth));
  if (shape.aliases > limits.maxAliases) throw refusalError(tooManyAliases(shape.aliases, limits.maxAliases));
  const cost = operationCost(schema, operation, fragments, request.request.variables);
  if (cost > limits.maxCost) throw refusalError(tooCostly(cost, limits.maxCost));
  if (!contextValue.viewer && selectsIntrospection(operation, fragments)) throw introspectionRefused();
  return cost;
}

/**
 * The Apollo plugin that enforces depth, alias and cost limits and closes introspection to anonymous
 * callers, then reports the cost of every answered operation in the response's `extensions.cost`.
 */
export function operationGuardPlugin(limits: QueryLimits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let cost: number | undefined;
      return {
        async didResolveOperation(request) {
          cost = checkOperation(request, limits);
        },
        async willSendResponse({ response }) {
          if (cost === undefined || response.body.kind !== "single") return;
          const report: CostReport = { requested: cost, limit: limits.maxCost };
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: report };
        },
      };
    },
  };
}
