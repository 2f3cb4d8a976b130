import { Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { saturatingSum } from "./counting.js";
import type { FragmentMap } from "./fragments.js";

/** How deep an operation nests and how many aliases it uses once its fragments are expanded. */
export interface OperationShape {
  /** Levels of nested fields: `{ me { name } }` is 2. Fragments add no level of their own. */
  readonly depth: number;
  /** Aliases, each counted as often as it is executed: a fragment used twice counts its aliases twice. */
  readonly aliases: number;
}

const EMPTY: OperationShape = { depth: 0, aliases: 0 };

/**
 * Measures `operation` as it will execute, following fragment spreads and inline fragments, so moving
 * fields into fragments hides nothing. Each fragment is measured once and reused, so a document that
 * spreads fragments inside fragments is measured in linear time even when its expansion is exponential.
 */
export function measureShape(operation: OperationDefinitionNode, fragments: FragmentMap): OperationShape {
  const measured = new Map<string, OperationShape>();

  function measureSet(selectionSet: SelectionSetNode): OperationShape {
    let depth = 0;
    let aliases = 0;
    for (const selection of selectionSet.selections) {
      let inner: OperationShape;
      if (selection.kind === Kind.FIELD) {
        const below = selection.selectionSet ? measureSet(selection.selectionSet) : EMPTY;
        inner = { depth: below.depth + 1, aliases: saturatingSum(below.aliases, selection.alias ? 1 : 0) };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measureSet(selection.selectionSet);
      } else {
        inner = measureFragment(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      aliases = saturatingSum(aliases, inner.aliases);
    }
    return { depth, aliases };
  }

  function measureFragment(name: string): OperationShape {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Validation has already refused unknown and cyclic fragments; marking this one empty while it is
    // measured keeps a cycle from recursing forever if validation were ever skipped.
    measured.set(name, EMPTY);
    const shape = fragment ? measureSet(fragment.selectionSet) : EMPTY;
    measured.set(name, shape);
    return shape;
  }

  return measureSet(operation.selectionSet);
}
