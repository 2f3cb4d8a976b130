import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context.js";
import { operationCost } from "./cost.js";
import { fragmentsOf } from "./fragments.js";
import { introspectionRefused, selectsIntrospection } from "./introspection.js";
import type { QueryLimits } from "./queryLimits.js";
import { refusalError, tooCostly, tooDeep, tooManyAliases } from "./refusals.js";
import { measureShape, type OperationShape } from "./shape.js";
import type { FragmentMap } from "./fragments.js";
import { Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type TypeNode } from "graphql";

/**
 * Each operation's fragments and shape, worked out once: Apollo keeps one parsed document per query text. Its
 * cost is kept too, by the values of its Int variables: a cost depends on variables only through page sizes,
 * which are Int arguments, so a page sent again with other filters or cursors costs what it cost before.
 */
interface MeasuredOperation {
  readonly fragments: FragmentMap;
  readonly shape: OperationShape;
  readonly intVariables: readonly string[];
  readonly costs: Map<string, number>;
}
const measured = new WeakMap<OperationDefinitionNode, MeasuredOperation>();
/** Costs kept per operation: a few page sizes are usual, and a client sending many cannot grow the map. */
const COSTS_KEPT = 32;

function intVariablesOf(operation: OperationDefinitionNode): string[] {
  return (operation.variableDefinitions ?? []).filter((definition) => namedTypeOf(definition.type) === "Int").map((definition) => definition.variable.name.value);
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

/** The operation's cost for these variables, computed once per distinct set of page sizes. */
function costOf(checked: CheckedOperation, known: MeasuredOperation): number {
  const { variables } = checked;
  // Sent as null and left out differ (null asks for no page size, left out takes the default): keyed apart.
  const key = known.intVariables.map((name) => (variables && name in variables ? JSON.stringify(variables[name]) : "-")).join(",");
  let cost = known.costs.get(key);
  if (cost === undefined) {
    cost = operationCost(checked.schema, checked.operation, known.fragments, variables);
    if (known.costs.size >= COSTS_KEPT) known.costs.clear();
    known.costs.set(key, cost);
  }
  return cost;
}

/** What an answered response carries in `extensions.cost`. */
export interface CostReport {
  readonly requested: number;
  readonly limit: number;
}

/** An operation about to be executed, as the guards see it: validated, with its variables and its caller. */
export interface CheckedOperation {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly variables: Record<string, unknown> | undefined;
  readonly signedIn: boolean;
}

/**
 * Checks an operation about to be executed and returns its cost, or throws the refusal. Runs after
 * validation, so fragments are known to resolve, and with the variables, so a `first` passed as a variable is
 * costed like one written in the query. No resolver has run yet.
 */
export function checkOperation(checked: CheckedOperation, limits: QueryLimits): number {
  const { document, operation } = checked;
  let known = measured.get(operation);
  if (!known) {
    const fragments = fragmentsOf(document);
    known = { fragments, shape: measureShape(operation, fragments), intVariables: intVariablesOf(operation), costs: new Map() };
    measured.set(operation, known);
  }
  const { fragments, shape } = known;
  if (shape.depth > limits.maxDepth) throw refusalError(tooDeep(shape.depth, limits.maxDepth));
  if (shape.aliases > limits.maxAliases) throw refusalError(tooManyAliases(shape.aliases, limits.maxAliases));
  const cost = costOf(checked, known);
  if (cost > limits.maxCost) throw refusalError(tooCostly(cost, limits.maxCost));
  if (!checked.signedIn && selectsIntrospection(operation, fragments)) throw introspectionRefused();
  return cost;
}

/** The report of an answered operation's cost, in its `extensions.cost`. */
export const costReport = (cost: number, limits: QueryLimits): CostReport => ({ requested: cost, limit: limits.maxCost });

/**
 * The Apollo plugin that enforces depth, alias and cost limits and closes introspection to anonymous
 * callers, then reports the cost of every answered operation in the response's `extensions.cost`.
 */
export function operationGuardPlugin(limits: QueryLimits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let cost: number | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          // No operation matched the request's operationName: Apollo refuses it next, without executing anything.
          if (!operation) return;
          cost = checkOperation({ schema, document, operation, variables: request.variables, signedIn: Boolean(contextValue.viewer) }, limits);
        },
        async willSendResponse({ response }) {
          if (cost === undefined || response.body.kind !== "single") return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: costReport(cost, limits) };
        },
      };
    },
  };
}
