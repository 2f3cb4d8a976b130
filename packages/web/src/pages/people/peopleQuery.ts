import type { EpisodeStatus, IsoDate } from "@waymark/core";
import { gql } from "urql";

export type PeopleOrderField = "LAST_NAME" | "LOCAL_REFERENCE" | "DATE_OF_BIRTH";

export interface PersonListEntry {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly preferredName: string | null;
  readonly localReference: string;
  readonly dateOfBirth: IsoDate;
  readonly episodes: readonly {
    readonly id: string;
    readonly status: EpisodeStatus;
    readonly team: { readonly name: string };
    readonly enteredInError: { readonly reason: string } | null;
  }[];
}

export interface PeopleResult {
  readonly serviceUsers: {
    readonly totalCount: number;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly edges: readonly { readonly node: PersonListEntry }[];
  };
}

export interface PeopleVariables {
  readonly first: number;
  readonly after: string | null;
  readonly filter: unknown;
  readonly orderBy: readonly { readonly field: PeopleOrderField; readonly direction: "ASC" | "DESC" }[];
}

/** People in the user's scope matching a search, a page at a time. */
export const PEOPLE_QUERY = gql`
  query People($first: Int!, $after: String, $filter: ServiceUserFilter, $orderBy: [ServiceUserOrder!]) {
    serviceUsers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          firstName
          lastName
          preferredName
          localReference
          dateOfBirth
          episodes {
            id
            status
            team {
              name
            }
            enteredInError {
              reason
            }
          }
        }
      }
    }
  }
`;

/**
 * A search matches the name (first, last, "first last" or preferred) or the local reference, as one phrase:
 * "Dean Barnes" finds the full name, "SRS-00043" the reference.
 */
export function peopleFilter(words: string, openEpisodeOnly: boolean): unknown {
  const search = { or: [{ name: { contains: words } }, { localReference: { contains: words } }] };
  return openEpisodeOnly ? { and: [search, { hasOpenEpisode: true }] } : search;
}
