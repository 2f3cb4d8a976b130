import {
  Kind,
  OperationTypeNode,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** Codes of the refusals of `startExport`'s query; the rest of the checks are the GraphQL server's own, run by the job. */
export const EXPORT_QUERY_CODES = {
  invalid: "EXPORT_QUERY_INVALID",
  notAQuery: "EXPORT_NOT_A_QUERY",
  noConnection: "EXPORT_CONNECTION_NOT_FOUND",
  ambiguousConnection: "EXPORT_CONNECTION_AMBIGUOUS",
} as const;

/** Why an export was refused: a code, the input field it is about, and what to do. Nothing is written. */
export interface ExportRefusal {
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

/** The parsed query and where the connection to page through sits in its answer. */
export interface ExportQuery {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Response keys (alias or field name) from the root of `data` to the connection field. */
  readonly connectionPath: readonly string[];
}

export const responseKeyOf = (field: FieldNode) => field.alias?.value ?? field.name.value;

/** The fields of a selection set with named and inline fragments spread in, in document order. */
export function fieldsOf(selectionSet: SelectionSetNode | undefined, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  if (!selectionSet) return [];
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments.get(name);
    // An unknown or cyclic fragment is left for the server's validation to refuse with its own message.
    if (!fragment || seen.has(name)) return [];
    return fieldsOf(fragment.selectionSet, fragments, new Set([...seen, name]));
  });
}

/** A field whose selection asks for `edges { node { … } }`: a Relay connection whose nodes become rows. */
function isConnectionSelection(field: FieldNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): boolean {
  return fieldsOf(field.selectionSet, fragments).some((edges) => edges.name.value === "edges" && fieldsOf(edges.selectionSet, fragments).some((node) => node.name.value === "node"));
}

/** Every connection field in the query, as paths of response keys; a connection's own nodes are not searched. */
function connectionPaths(selectionSet: SelectionSetNode | undefined, fragments: ReadonlyMap<string, FragmentDefinitionNode>, prefix: readonly string[] = []): string[][] {
  return fieldsOf(selectionSet, fragments).flatMap((field) => {
    const path = [...prefix, responseKeyOf(field)];
    if (isConnectionSelection(field, fragments)) return [path];
    return connectionPaths(field.selectionSet, fragments, path);
  });
}

/** The field at `path` (response keys) from the operation's root, or null. */
export function fieldAtPath(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, path: readonly string[]): FieldNode | null {
  let selectionSet: SelectionSetNode | undefined = operation.selectionSet;
  let found: FieldNode | null = null;
  for (const key of path) {
    found = fieldsOf(selectionSet, fragments).find((field) => responseKeyOf(field) === key) ?? null;
    if (!found) return null;
    selectionSet = found.selectionSet;
  }
  return found;
}

const refusal = (code: string, field: string, message: string): { violations: ExportRefusal[] } => ({ violations: [{ code, field, message }] });

/**
 * Reads an export's query: it must parse, hold exactly one operation, be a query (an export never runs a
 * mutation), and name a connection to page through, either by `connectionPath` or by having exactly one.
 * Whether its fields exist and the caller may read them is for the server to say when the job runs it.
 */
export function readExportQuery(text: string, connectionPath: readonly string[] | null | undefined): ExportQuery | { violations: ExportRefusal[] } {
  let document: DocumentNode;
  try {
    document = parse(text, { noLocation: true });
  } catch (error) {
    return refusal(EXPORT_QUERY_CODES.invalid, "query", `The query cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) return refusal(EXPORT_QUERY_CODES.invalid, "query", `An export runs exactly one operation; this query has ${operations.length}.`);
  const [operation] = operations as [OperationDefinitionNode];
  if (operation.operation !== OperationTypeNode.QUERY) return refusal(EXPORT_QUERY_CODES.notAQuery, "query", `An export runs a query only, not a ${operation.operation}.`);
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  if (connectionPath && connectionPath.length > 0) {
    const field = fieldAtPath(operation, fragments, connectionPath);
    if (!field || !isConnectionSelection(field, fragments)) {
      return refusal(EXPORT_QUERY_CODES.noConnection, "connectionPath", `The query has no connection at ${connectionPath.join(".")} that selects edges { node { … } }.`);
    }
    return { document, operation, fragments, connectionPath };
  }
  const found = connectionPaths(operation.selectionSet, fragments);
  if (found.length === 0) return refusal(EXPORT_QUERY_CODES.noConnection, "query", "The query has no connection selecting edges { node { … } } to export.");
  if (found.length > 1) {
    return refusal(EXPORT_QUERY_CODES.ambiguousConnection, "connectionPath", `The query has several connections (${found.map((path) => path.join(".")).join(", ")}); name the one to export in connectionPath.`);
  }
  return { document, operation, fragments, connectionPath: found[0] ?? [] };
}
