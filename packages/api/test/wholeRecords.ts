import { expect } from "vitest";
import type { GraphQLClient } from "./graphqlClient.js";

export interface WholeRecords {
  readonly serviceUser: Record<string, unknown>;
  readonly episode: Record<string, unknown>;
}

/**
 * A person and an episode as their own queries answer them (`serviceUser(id)`, `episode(id)`), with the fields
 * given: what a working list's entry must equal, however it read them.
 */
export async function wholeRecords(client: GraphQLClient, ids: { readonly personId: unknown; readonly episodeId: unknown }, fields: { readonly person: string; readonly episode: string }): Promise<WholeRecords> {
  const document = `
    query Whole($id: ID!, $episodeId: ID!) {
      serviceUser(id: $id) { ${fields.person} }
      episode(id: $episodeId) { ${fields.episode} }
    }`;
  const answer = await client.request<WholeRecords>(document, { id: ids.personId, episodeId: ids.episodeId });
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}
