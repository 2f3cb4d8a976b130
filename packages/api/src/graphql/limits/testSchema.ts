import { buildSchema, Kind, parse, type OperationDefinitionNode } from "graphql";
import { fragmentsOf, type FragmentMap } from "./fragments.js";

/** A small schema shaped like Waymark's: connections with `first`, plain lists, an interface. */
export const LIMITS_TEST_SCHEMA = buildSchema(`
  interface Node { id: ID! }
  type Query {
    me: Staff
    people(first: Int, after: String): PersonConnection!
    search(text: String, first: Int = 5): [Person!]!
    teams: [Team!]!
    node(id: ID!): Node
  }
  type Mutation { renameTeam(name: String!): Team! }
  type Staff { name: String! roles: [String!]! teams: [Team!]! }
  type Team { id: ID! name: String! }
  type PersonConnection { edges: [PersonEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type PersonEdge { cursor: String! node: Person! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Person implements Node { id: ID! name: String! episodes(first: Int): EpisodeConnection! }
  type EpisodeConnection { edges: [EpisodeEdge!]! totalCount: Int! }
  type EpisodeEdge { node: Episode! }
  type Episode implements Node { id: ID! status: String! }
`);

/** The first operation of `query` and the document's fragments, as the limit checks receive them. */
export function operationOf(query: string): { operation: OperationDefinitionNode; fragments: FragmentMap } {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error("the test query has no operation");
  return { operation, fragments: fragmentsOf(document) };
}

/**
 * A document whose fragments each spread the next one twice, `levels` deep: small to write, but it
 * expands to 2^levels copies of its innermost field.
 */
export function fragmentBomb(levels: number, innermost: string): string {
  const fragments = Array.from({ length: levels }, (_, level) =>
    level === levels - 1 ? `fragment F${level} on Query { ${innermost} }` : `fragment F${level} on Query { ...F${level + 1} ... on Query { ...F${level + 1} } }`,
  );
  return `query Bomb { ...F0 } ${fragments.join(" ")}`;
}
