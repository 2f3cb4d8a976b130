import { Kind, visit, type ArgumentNode, type DocumentNode, type FieldNode, type OperationDefinitionNode, type SelectionNode, type VariableDefinitionNode } from "graphql";
import { fieldAtPath, type ExportQuery } from "./exportQuery.js";

/** Rows per page, the most a connection gives at once. */
export const EXPORT_PAGE_SIZE = 100;

/** Names the export adds to the caller's query; prefixed so they cannot clash with the caller's own aliases. */
export const PAGING = {
  afterVariable: "waymarkExportAfter",
  pageInfoKey: "waymarkExportPageInfo",
  totalCountKey: "waymarkExportTotalCount",
} as const;

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

function pagingArguments(existing: readonly ArgumentNode[] | undefined): ArgumentNode[] {
  const kept = (existing ?? []).filter((argument) => argument.name.value !== "first" && argument.name.value !== "after");
  return [
    ...kept,
    { kind: Kind.ARGUMENT, name: name("first"), value: { kind: Kind.INT, value: String(EXPORT_PAGE_SIZE) } },
    { kind: Kind.ARGUMENT, name: name("after"), value: { kind: Kind.VARIABLE, name: name(PAGING.afterVariable) } },
  ];
}

function pagingSelections(): SelectionNode[] {
  const leaf = (fieldName: string): FieldNode => ({ kind: Kind.FIELD, name: name(fieldName) });
  return [
    { kind: Kind.FIELD, alias: name(PAGING.pageInfoKey), name: name("pageInfo"), selectionSet: { kind: Kind.SELECTION_SET, selections: [leaf("hasNextPage"), leaf("endCursor")] } },
    { kind: Kind.FIELD, alias: name(PAGING.totalCountKey), name: name("totalCount") },
  ];
}

/** Names of the variables the document uses anywhere but in the operation's own definitions. */
function usedVariables(document: DocumentNode): Set<string> {
  const used = new Set<string>();
  for (const definition of document.definitions) {
    const body = definition.kind === Kind.OPERATION_DEFINITION ? { ...definition, variableDefinitions: [] } : definition;
    visit(body, { Variable: (variable) => void used.add(variable.name.value) });
  }
  return used;
}

/**
 * The caller's query made to page: the connection asks for `first: 100, after: $waymarkExportAfter` and also
 * for its pageInfo and totalCount under the export's own aliases. The caller's `first`/`after` on that field
 * are replaced, and variable definitions left unused by that are dropped (GraphQL refuses unused variables).
 */
export function pagedDocument(query: ExportQuery): { document: DocumentNode; droppedVariables: string[] } {
  const target = fieldAtPath(query.operation, query.fragments, query.connectionPath);
  if (!target) throw new Error("The export's connection is not in its query");
  const rewritten = visit(query.document, {
    Field: {
      enter(field) {
        if (field !== target) return undefined;
        return {
          ...field,
          arguments: pagingArguments(field.arguments),
          selectionSet: { kind: Kind.SELECTION_SET, selections: [...(field.selectionSet?.selections ?? []), ...pagingSelections()] },
        };
      },
    },
  });
  const used = usedVariables(rewritten);
  const droppedVariables: string[] = [];
  const afterDefinition: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: name(PAGING.afterVariable) },
    type: { kind: Kind.NAMED_TYPE, name: name("String") },
  };
  const document: DocumentNode = {
    ...rewritten,
    definitions: rewritten.definitions.map((definition) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION) return definition;
      const kept = (definition.variableDefinitions ?? []).filter((variable) => {
        const keep = used.has(variable.variable.name.value) && variable.variable.name.value !== PAGING.afterVariable;
        if (!keep) droppedVariables.push(variable.variable.name.value);
        return keep;
      });
      return { ...definition, variableDefinitions: [...kept, afterDefinition] } satisfies OperationDefinitionNode;
    }),
  };
  return { document, droppedVariables };
}
