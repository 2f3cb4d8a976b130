import type { EpisodeStatus, IsoDate } from "@waymark/core";
import { gql } from "urql";
import type { CaseloadFlag } from "./caseloadFlags.js";

/** Whose open episodes the caseload shows (CaseloadScope). */
export type CaseloadScope = "MINE" | "TEAM";

/** What the server can sort the caseload by (CaseloadOrderField). */
export type CaseloadOrderField = "LAST_NAME" | "STATUS" | "NEXT_REVIEW_DUE" | "DAYS_SINCE_LAST_ATTENDED_CONTACT" | "REFERRAL_DATE";

export type ReviewStatus = "OVERDUE" | "DUE" | "UPCOMING" | "LATER";

export interface CaseloadEntry {
  readonly id: string;
  readonly status: EpisodeStatus;
  readonly nextReviewDue: IsoDate | null;
  readonly reviewStatus: ReviewStatus | null;
  readonly daysSinceLastAttendedContact: number | null;
  readonly lastAttendedContactDate: IsoDate | null;
  readonly flags: readonly CaseloadFlag[];
  readonly flagDetails: readonly { readonly flag: CaseloadFlag; readonly label: string }[];
  readonly serviceUser: {
    readonly id: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly preferredName: string | null;
    readonly localReference: string;
  };
  readonly keyworker: { readonly id: string; readonly name: string } | null;
  readonly team: { readonly id: string; readonly name: string };
  readonly episode: { readonly id: string; readonly referral: { readonly receivedDate: IsoDate } };
}

export interface CaseloadResult {
  readonly caseload: {
    readonly totalCount: number;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly edges: readonly { readonly node: CaseloadEntry }[];
  };
}

export interface CaseloadFilterInput {
  readonly flags?: { readonly includesAny: readonly CaseloadFlag[] };
  readonly status?: { readonly in: readonly EpisodeStatus[] };
}

export interface CaseloadVariables {
  readonly scope: CaseloadScope;
  readonly first: number;
  readonly after: string | null;
  readonly orderBy: readonly { readonly field: CaseloadOrderField; readonly direction: "ASC" | "DESC" }[];
  readonly filter: CaseloadFilterInput | null;
  readonly search: string | null;
}

/** One page of the caseload, sorted, filtered and searched by the server. */
export const CASELOAD_QUERY = gql`
  query Caseload($scope: CaseloadScope!, $first: Int!, $after: String, $orderBy: [CaseloadOrder!], $filter: CaseloadFilter, $search: String) {
    caseload(scope: $scope, first: $first, after: $after, orderBy: $orderBy, filter: $filter, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          nextReviewDue
          reviewStatus
          daysSinceLastAttendedContact
          lastAttendedContactDate
          flags
          flagDetails {
            flag
            label
          }
          serviceUser {
            id
            firstName
            lastName
            preferredName
            localReference
          }
          keyworker {
            id
            name
          }
          team {
            id
            name
          }
          episode {
            id
            referral {
              receivedDate
            }
          }
        }
      }
    }
  }
`;
