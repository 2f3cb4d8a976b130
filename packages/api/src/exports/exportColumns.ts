import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { fieldsOf, responseKeyOf, type ExportQuery } from "./exportQuery.js";

/** One column of an export: its dotted header and the response keys that lead to its value in a node. */
export interface ExportColumn {
  readonly header: string;
  readonly path: readonly string[];
}

/** Why a query that the server answers still cannot become a table. */
export class ExportShapeError extends Error {}

function fieldDefinition(type: GraphQLNamedType, fieldName: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[fieldName] : undefined;
}

/**
 * The columns of a node's selection: each leaf field a column, nested objects spread into dotted headers
 * (`keyworker.name`), a list of plain values one column (joined in the cell). A list of records cannot sit in
 * one row, so it is refused with a message saying to export it through its own connection.
 */
function columnsOf(schema: GraphQLSchema, query: ExportQuery, selectionSet: SelectionSetNode | undefined, type: GraphQLNamedType, path: readonly string[], into: Map<string, ExportColumn>): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const conditionType = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
      columnsOf(schema, query, selection.selectionSet, conditionType ?? type, path, into);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = query.fragments.get(selection.name.value);
      if (fragment) columnsOf(schema, query, fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? type, path, into);
      continue;
    }
    const key = responseKeyOf(selection);
    const columnPath = [...path, key];
    const header = columnPath.join(".");
    if (selection.name.value === "__typename") {
      if (!into.has(header)) into.set(header, { header, path: columnPath });
      continue;
    }
    const definition = fieldDefinition(type, selection.name.value);
    if (!definition) throw new ExportShapeError(`The field ${header} is not on ${type.name}.`);
    const nullable = getNullableType(definition.type);
    const named = getNamedType(definition.type);
    if (isLeafType(named)) {
      if (!into.has(header)) into.set(header, { header, path: columnPath });
    } else if (isListType(nullable)) {
      throw new ExportShapeError(`${header} is a list of records, which cannot fit in one row. Leave it out, or export it through its own connection.`);
    } else {
      columnsOf(schema, query, selection.selectionSet, named, columnPath, into);
    }
  }
}

/** The type a field at `path` (response keys) from the query root returns. */
function typeAtPath(schema: GraphQLSchema, query: ExportQuery): GraphQLNamedType {
  let type: GraphQLNamedType | null | undefined = schema.getQueryType();
  let selectionSet: SelectionSetNode | undefined = query.operation.selectionSet;
  for (const key of query.connectionPath) {
    const field: FieldNode | undefined = fieldsOf(selectionSet, query.fragments).find((candidate) => responseKeyOf(candidate) === key);
    const definition: GraphQLField<unknown, unknown> | undefined = field && type ? fieldDefinition(type, field.name.value) : undefined;
    if (!field || !definition) throw new ExportShapeError(`The connection ${query.connectionPath.join(".")} is not in the schema.`);
    type = getNamedType(definition.type);
    selectionSet = field.selectionSet;
  }
  if (!type) throw new ExportShapeError("The schema has no query type.");
  return type;
}

/**
 * The CSV columns of an export, in the order the query selects them. Worked out from the schema once the
 * server has accepted the query, so every field named is known to exist.
 */
export function exportColumns(schema: GraphQLSchema, query: ExportQuery, connectionField: SelectionSetNode | undefined): ExportColumn[] {
  const connectionType = typeAtPath(schema, query);
  const columns = new Map<string, ExportColumn>();
  for (const edges of fieldsOf(connectionField, query.fragments).filter((field) => field.name.value === "edges")) {
    const edgeType = getNamedType(fieldDefinition(connectionType, "edges")?.type);
    if (!edgeType) throw new ExportShapeError(`${query.connectionPath.join(".")} is not a connection.`);
    for (const node of fieldsOf(edges.selectionSet, query.fragments).filter((field) => field.name.value === "node")) {
      const nodeType = getNamedType(fieldDefinition(edgeType, "node")?.type);
      if (!nodeType) throw new ExportShapeError(`${query.connectionPath.join(".")} is not a connection.`);
      columnsOf(schema, query, node.selectionSet, nodeType, [], columns);
    }
  }
  if (columns.size === 0) throw new ExportShapeError("The query selects no fields of the connection's nodes to export.");
  return [...columns.values()];
}

/** A node's value for each column, in column order; a missing object on the way gives an empty cell. */
export function rowOf(node: unknown, columns: readonly ExportColumn[]): unknown[] {
  return columns.map((column) => {
    let value: unknown = node;
    for (const key of column.path) {
      if (value === null || typeof value !== "object") return null;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  });
}

/** The nodes of one page of the connection's answer: `edges[].node` under the response keys of `edges` and `node`. */
export function nodesOf(connection: unknown, edgesKeys: readonly string[], nodeKeys: readonly string[]): unknown[] {
  if (connection === null || typeof connection !== "object") return [];
  const record = connection as Record<string, unknown>;
  const edges = edgesKeys.map((key) => record[key]).find(Array.isArray) as unknown[] | undefined;
  return (edges ?? []).map((edge) => {
    if (edge === null || typeof edge !== "object") return null;
    const edgeRecord = edge as Record<string, unknown>;
    // Where the query selects `node` twice under different aliases, their fields are merged into one row.
    return Object.assign({}, ...nodeKeys.map((key) => edgeRecord[key] ?? {})) as unknown;
  });
}
