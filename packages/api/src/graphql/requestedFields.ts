import type { GraphQLResolveInfo } from "graphql";
import { parseResolveInfo, type ResolveTree } from "graphql-parse-resolve-info";

/**
 * What a caller's document asks for below a resolver's field, so a list can read only the columns its answer
 * needs. Fragments, aliases and @skip/@include are resolved by graphql-parse-resolve-info.
 */

/** Fields an object answers from part of its row: `true` for a field answered whatever is asked below it. */
export interface FieldsServed {
  readonly [field: string]: true | FieldsServed;
}

/**
 * Selections worked out before, by the field's nodes and parent type and then by the variables (which decide
 * @skip/@include and the trees' arguments). A document answered by its compiled function (graphql/
 * compiledExecution.ts) hands every request the same fieldNodes array, so a page sent again is not walked
 * again; graphql-js builds the array afresh each time, and those entries simply go unused and are collected.
 */
const selectionsKept = new WeakMap<GraphQLResolveInfo["fieldNodes"], Map<GraphQLResolveInfo["parentType"], Map<string, readonly ResolveTree[]>>>();
/** Sets of variables kept per field: a page is sent again with other cursors and filters, and a client sending many cannot grow the map. */
const VARIABLE_SETS_KEPT = 32;

/** The selection below the field being resolved. The trees are shared between requests: read them, never change them. */
export function selectionOf(info: GraphQLResolveInfo): readonly ResolveTree[] {
  let byParent = selectionsKept.get(info.fieldNodes);
  if (!byParent) selectionsKept.set(info.fieldNodes, (byParent = new Map()));
  let byVariables = byParent.get(info.parentType);
  if (!byVariables) byParent.set(info.parentType, (byVariables = new Map()));
  const variables = JSON.stringify(info.variableValues);
  let selection = byVariables.get(variables);
  if (!selection) {
    const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
    selection = tree ? [tree] : [];
    if (byVariables.size >= VARIABLE_SETS_KEPT) byVariables.clear();
    byVariables.set(variables, selection);
  }
  return selection;
}

/** Every selection of `field` (under any alias or type condition) directly below the given selections. */
export function selectionsOf(trees: readonly ResolveTree[], field: string): ResolveTree[] {
  return trees.flatMap((tree) => Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields).filter((child) => child.name === field)));
}

/** Follows a path of fields down from the given selections. */
export function selectionsAt(trees: readonly ResolveTree[], path: readonly string[]): ResolveTree[] {
  return path.reduce<ResolveTree[]>((current, field) => selectionsOf(current, field), [...trees]);
}

/** True when everything selected below `trees` is among the fields `served` answers. */
export function onlyServed(trees: readonly ResolveTree[], served: FieldsServed): boolean {
  return trees.every((tree) =>
    Object.values(tree.fieldsByTypeName).every((fields) =>
      Object.values(fields).every((child) => {
        if (child.name === "__typename") return true;
        const below = Object.hasOwn(served, child.name) ? served[child.name] : undefined;
        return below === true || (below !== undefined && onlyServed([child], below));
      }),
    ),
  );
}
