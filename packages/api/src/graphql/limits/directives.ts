import { Kind, visit, type ASTNode, type DocumentNode } from "graphql";

/** How many directives a document carries, in all and in its most decorated place. */
export interface DirectiveCount {
  readonly total: number;
  readonly mostInOnePlace: number;
  /** Where `mostInOnePlace` directives sit, e.g. `the field "me"`; null when the document has none. */
  readonly busiestPlace: string | null;
}

/** Names a place that can carry directives the way an analyst would find it in their query. */
function describePlace(node: ASTNode): string {
  switch (node.kind) {
    case Kind.FIELD:
      return `the field "${node.alias?.value ?? node.name.value}"`;
    case Kind.FRAGMENT_SPREAD:
      return `the fragment spread "...${node.name.value}"`;
    case Kind.INLINE_FRAGMENT:
      return node.typeCondition ? `the inline fragment on "${node.typeCondition.name.value}"` : "an inline fragment";
    case Kind.FRAGMENT_DEFINITION:
      return `the fragment "${node.name.value}"`;
    case Kind.VARIABLE_DEFINITION:
      return `the variable "$${node.variable.name.value}"`;
    case Kind.OPERATION_DEFINITION:
      return node.name ? `the operation "${node.name.value}"` : "the operation";
    default:
      return "one place";
  }
}

/**
 * Counts the directives of a parsed (not yet validated) document. Counted before validation on purpose:
 * a field repeating `@include` hundreds of times is invalid, but validating it is the work to avoid.
 */
export function countDirectives(document: DocumentNode): DirectiveCount {
  let total = 0;
  let mostInOnePlace = 0;
  let busiestPlace: string | null = null;
  visit(document, {
    enter(node) {
      if (!("directives" in node) || !node.directives || node.directives.length === 0) return;
      total += node.directives.length;
      if (node.directives.length > mostInOnePlace) {
        mostInOnePlace = node.directives.length;
        busiestPlace = describePlace(node);
      }
    },
  });
  return { total, mostInOnePlace, busiestPlace };
}
