import { ArgsType, Field, ID, Int, InterfaceType, ObjectType, type ClassType } from "type-graphql";
import { badUserInput } from "./errors.js";

/** Anything with a global ID that `node(id:)` can fetch. */
@InterfaceType({ description: "A record with a global ID, which `node(id:)` can fetch." })
export abstract class Node {
  @Field(() => ID, { description: "Opaque global ID. Pass it back as it is; do not build or parse it." })
  id!: string;
}

@ObjectType({ description: "Where a page of a list sits in the whole list." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when more items follow this page." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True when this page is not the first." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item on this page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item on this page; pass it as `after` for the next page." })
  endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Return items after this cursor (a previous page's `pageInfo.endCursor`)." })
  after?: string | null;
}

/** The page size asked for, refused when outside 1..100 so a query's cost stays bounded. */
export function pageSizeOf(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput("first", `first must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return size;
}

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** An item whose node was turned into another; its cursor is still read from the original, and only when asked for. */
class MappedEdge<From, To> implements Edge<To> {
  constructor(
    private readonly original: Edge<From>,
    readonly node: To,
  ) {}

  get cursor(): string {
    return this.original.cursor;
  }
}

/** The page with each item's node turned into `toNode`'s: its cursors, page info and count unchanged. */
export function mapNodes<From, To>(connection: ConnectionShape<From>, toNode: (node: From) => To): ConnectionShape<To> {
  return { edges: connection.edges.map((edge) => new MappedEdge(edge, toNode(edge.node))), pageInfo: connection.pageInfo, totalCount: connection.totalCount };
}

/**
 * Builds the GraphQL types of a Relay connection over `NodeClass`: `<Name>Edge` and `<Name>Connection`
 * with `edges { cursor node }`, `pageInfo` and `totalCount`.
 */
export function connectionType<T extends object>(NodeClass: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a list, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: "Opaque position of this item in the list." })
    cursor!: string;

    @Field(() => NodeClass, { description: "The item." })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionType {
    @Field(() => [EdgeType], { description: "The items of this page." })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: "Where this page sits in the whole list." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many items the whole list has, across all pages." })
    totalCount!: number;
  }
  return ConnectionType;
}
