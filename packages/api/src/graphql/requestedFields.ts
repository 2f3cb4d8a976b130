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

/** The selection below the field being resolved. */
export function selectionOf(info: GraphQLResolveInfo): readonly ResolveTree[] {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  return tree ? [tree] : [];
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
