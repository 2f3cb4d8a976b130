import {
  getNamedType,
  getNullableType,
  isIntrospectionType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { DEFAULT_PAGE_SIZE } from "../relay.js";
import { saturatingProduct, saturatingSum } from "./counting.js";
import type { FragmentMap } from "./fragments.js";

/** The request's variables as the client sent them, before coercion. */
export type RawVariables = Readonly<Record<string, unknown>> | undefined;

/**
 * What an aggregate (a `...Aggregate` type, e.g. an analyst's `aggregate(groupBy:)` on a connection) costs on
 * top of its fields: it is one SQL GROUP BY over every record its filter matches, however few groups it
 * returns, so it weighs like reading a full page of 100 records. Its `groups(first:)` list multiplies as any list.
 */
export const AGGREGATE_COST = 100;

/**
 * What the indicators report (`kpis`) costs on top of its fields: some fifteen statements, each over the
 * whole provider's episodes and their records for the period, so it weighs like ten full pages.
 */
export const KPI_REPORT_COST = 1000;

/** The extra cost of answering `type` because it scans records rather than reading a page of them. */
function scanCostOf(type: GraphQLNamedType): number {
  if (!isObjectType(type)) return 0;
  if (type.name === "KpiReport") return KPI_REPORT_COST;
  return type.name.endsWith("Aggregate") ? AGGREGATE_COST : 0;
}

/** A Relay connection type: its `first` decides how many items each of its fields is answered for. */
function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection");
}

/** The schema's definition of `field` on `parentType`, meta-fields included; undefined if unknown. */
function fieldDefinition(schema: GraphQLSchema, parentType: GraphQLNamedType, field: FieldNode): GraphQLField<unknown, unknown> | undefined {
  const name = field.name.value;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parentType === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
}

/** A count taken from a number the client sent: whole, and at least 1, so a bad value never lowers the cost. */
function asCount(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? Math.max(1, Math.ceil(value)) : undefined;
}

/**
 * Estimates the work of executing `operation` before it runs. Every field costs 1. A field that answers a
 * page of items multiplies the cost of what it selects by the page size: a connection, or a list of
 * objects, by its `first` argument whether written in the query or passed as a variable, and by
 * DEFAULT_PAGE_SIZE when `first` is absent. A connection's own `edges` list does not multiply again.
 * An aggregate adds AGGREGATE_COST for its scan, multiplied like its fields when it sits under a page, and
 * the indicators report KPI_REPORT_COST.
 * Introspection is answered from the schema in memory, so its lists do not multiply (graphql-js's
 * MaxIntrospectionDepthRule already bounds how far they nest). Fragments are followed, each costed once.
 */
export function operationCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: FragmentMap, variables: RawVariables): number {
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  }

  /** The page size a `first` written as `value` asks for; undefined when it asks for none. */
  function countOf(value: ValueNode | undefined): number | undefined {
    if (!value) return undefined;
    if (value.kind === Kind.INT) return asCount(Number(value.value));
    if (value.kind !== Kind.VARIABLE) return undefined;
    const name = value.name.value;
    // A variable sent as null means "no page size" (the resolver's default), not the variable's default.
    if (variables && name in variables) return asCount(variables[name]);
    return countOf(variableDefaults.get(name));
  }

  function pageSize(field: FieldNode, definition: GraphQLField<unknown, unknown>): number {
    const written = field.arguments?.find((argument) => argument.name.value === "first")?.value;
    const declaredDefault = definition.args.find((argument) => argument.name === "first")?.defaultValue;
    return countOf(written) ?? asCount(declaredDefault) ?? DEFAULT_PAGE_SIZE;
  }

  function multiplier(parentType: GraphQLNamedType, field: FieldNode, definition: GraphQLField<unknown, unknown>): number {
    if (isIntrospectionType(parentType) || definition === SchemaMetaFieldDef || definition === TypeMetaFieldDef) return 1;
    const answersList = isListType(getNullableType(definition.type));
    if (answersList && isConnection(parentType)) return 1;
    return answersList || isConnection(getNamedType(definition.type)) ? pageSize(field, definition) : 1;
  }

  const fragmentCosts = new Map<string, number>();

  function costOfFragment(name: string): number {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    const typeCondition = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
    // Validation has refused cyclic fragments already; a zero while costing one keeps recursion finite anyway.
    fragmentCosts.set(name, 0);
    const cost = fragment && typeCondition ? costOfSet(fragment.selectionSet, typeCondition) : 0;
    fragmentCosts.set(name, cost);
    return cost;
  }

  function costOfField(parentType: GraphQLNamedType, field: FieldNode): number {
    const definition = fieldDefinition(schema, parentType, field);
    if (!definition || !field.selectionSet) return 1;
    const namedType = getNamedType(definition.type);
    const selected = saturatingSum(costOfSet(field.selectionSet, namedType), scanCostOf(namedType));
    return saturatingSum(1, saturatingProduct(multiplier(parentType, field, definition), selected));
  }

  function costOfSet(selectionSet: SelectionSetNode, parentType: GraphQLNamedType): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost = saturatingSum(cost, costOfField(parentType, selection));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const narrowed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        // Fragments on different types of an interface are all counted: an over-estimate, never an under-estimate.
        cost = saturatingSum(cost, narrowed ? costOfSet(selection.selectionSet, narrowed) : 0);
      } else {
        cost = saturatingSum(cost, costOfFragment(selection.name.value));
      }
    }
    return cost;
  }

  const rootType = schema.getRootType(operation.operation);
  return rootType ? costOfSet(operation.selectionSet, rootType) : 0;
}
