import { Kind, type DocumentNode, type FragmentDefinitionNode } from "graphql";

/** A document's fragment definitions by name. */
export type FragmentMap = ReadonlyMap<string, FragmentDefinitionNode>;

/** Collects the fragment definitions of `document`, so measures can follow spreads into them. */
export function fragmentsOf(document: DocumentNode): FragmentMap {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}
