import { expect } from "vitest";
import type { GraphQLClient } from "../graphqlClient.js";

/** The members of staff whose lists are compared: the keyworker, the team lead and the two other practitioners. */
export type Viewer = "keyworker" | "lead" | "otherKeyworker" | "youngPeopleKeyworker";

type Data = Record<string, unknown>;

/** A page of a list: people (with their IDs) or entries about episodes. */
export interface ListedPage {
  readonly totalCount: number;
  readonly edges: readonly { readonly node: { readonly id?: string; readonly episode?: { readonly id: string } } }[];
}

/** One list a person or episode can appear in, and who should find the keyworker's record there. */
export interface ListProbe {
  readonly name: string;
  /** Which of the keyworker's records the list holds. */
  readonly holds: "serviceUserId" | "episodeId";
  readonly document: string;
  /** The connection within the answer. */
  readonly connection: (data: Data) => ListedPage;
  /** Who sees the keyworker's record in this list; nobody else may. */
  readonly seenBy: readonly Viewer[];
}

const PAGE = 100;

/**
 * The lists of DOMAIN §1's caseloads. A practitioner's MINE lists hold their own episodes; the team lists
 * hold the whole team for a team lead, and only their own episodes (and unallocated referrals) for a practitioner.
 */
export const LIST_PROBES: readonly ListProbe[] = [
  {
    name: "serviceUsers",
    holds: "serviceUserId",
    document: `query { serviceUsers(first: ${PAGE}) { totalCount edges { node { id } } } }`,
    connection: (data) => data.serviceUsers as ListedPage,
    seenBy: ["keyworker", "lead"],
  },
  {
    name: "caseload (MINE)",
    holds: "episodeId",
    document: `query { caseload(scope: MINE, first: ${PAGE}) { totalCount edges { node { episode { id } } } } }`,
    connection: (data) => data.caseload as ListedPage,
    seenBy: ["keyworker"],
  },
  {
    name: "caseload (TEAM)",
    holds: "episodeId",
    document: `query { caseload(scope: TEAM, first: ${PAGE}) { totalCount edges { node { episode { id } } } } }`,
    connection: (data) => data.caseload as ListedPage,
    seenBy: ["keyworker", "lead"],
  },
  {
    name: "exceptions",
    holds: "episodeId",
    document: `query { exceptions(first: ${PAGE}) { totalCount edges { node { episode { id } } } } }`,
    connection: (data) => data.exceptions as ListedPage,
    seenBy: ["keyworker", "lead"],
  },
  {
    name: "reviewSchedule (TEAM)",
    holds: "episodeId",
    document: `query { reviewSchedule(scope: TEAM) { entries(first: ${PAGE}) { totalCount edges { node { episode { id } } } } } }`,
    connection: (data) => (data.reviewSchedule as Data).entries as ListedPage,
    seenBy: ["keyworker", "lead"],
  },
];

/**
 * The IDs a list shows the client (people's IDs, or episodes' for episode lists). The whole list must fit on
 * the page, so that a record missing from it is missing from the list, not from the page.
 */
export async function idsListed(client: GraphQLClient, probe: ListProbe): Promise<string[]> {
  const result = await client.request(probe.document);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const connection = probe.connection(result.data as Data);
  expect(connection.totalCount).toBeLessThanOrEqual(PAGE);
  return connection.edges.map((edge) => (probe.holds === "serviceUserId" ? edge.node.id! : edge.node.episode!.id));
}
