import type { RequestContext } from "./context.js";

/**
 * How `node(id:)` fetches each type: a resolver module registers a fetcher for the types it owns. A fetcher
 * applies the same scope as the type's own query and returns null for anything out of scope, so `node`
 * never becomes a way round it.
 */
export type NodeFetcher = (localId: string, context: RequestContext) => Promise<object | null>;

const fetchers = new Map<string, NodeFetcher>();

export function registerNodeType(typeName: string, fetcher: NodeFetcher): void {
  fetchers.set(typeName, fetcher);
}

export function nodeFetcherFor(typeName: string): NodeFetcher | undefined {
  return fetchers.get(typeName);
}
