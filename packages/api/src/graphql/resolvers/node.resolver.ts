import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context.js";
import { unauthenticated } from "../errors.js";
import { fromGlobalId } from "../globalId.js";
import { nodeFetcherFor } from "../nodeRegistry.js";
import { Node } from "../relay.js";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any record by its global ID, or null when it does not exist or is outside your scope." })
  async node(@Arg("id", () => ID, { description: "Global ID of any record, as returned in an `id` field." }) id: string, @Ctx() context: RequestContext): Promise<object | null> {
    if (!context.viewer) throw unauthenticated();
    const parsed = fromGlobalId(id);
    if (!parsed) return null;
    const fetcher = nodeFetcherFor(parsed.type);
    return fetcher ? fetcher(parsed.id, context) : null;
  }
}
