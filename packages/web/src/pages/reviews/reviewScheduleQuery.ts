import { gql } from "urql";

/** Where a review that is not yet done falls around today (R-REV-2), as the API names it. */
export type ReviewStatus = "OVERDUE" | "DUE" | "UPCOMING" | "LATER";

export interface ScheduleEntry {
  readonly id: string;
  readonly dueDate: string;
  readonly status: ReviewStatus;
  readonly episode: { readonly id: string };
  readonly serviceUser: { readonly id: string; readonly firstName: string; readonly lastName: string; readonly preferredName: string | null; readonly localReference: string };
  readonly keyworker: { readonly id: string; readonly name: string } | null;
  readonly team: { readonly id: string; readonly name: string };
}

export interface ScheduleEntryPage {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: readonly { readonly node: ScheduleEntry }[];
}

export interface KeyworkerSummary {
  readonly keyworker: { readonly id: string; readonly name: string } | null;
  readonly team: { readonly id: string; readonly name: string };
  readonly overdue: number;
  readonly due: number;
  readonly upcoming: number;
}

export interface ReviewScheduleData {
  readonly reviewSchedule: {
    readonly asOf: string;
    readonly from: string;
    readonly to: string;
    readonly overdue: number;
    readonly due: number;
    readonly upcoming: number;
    readonly weeks: readonly { readonly weekStarting: string; readonly count: number }[];
    readonly byKeyworker: readonly KeyworkerSummary[];
    readonly entries: ScheduleEntryPage;
  };
}

export interface ReviewScheduleVariables {
  readonly scope: "MINE" | "TEAM";
  readonly teamId: string | null;
  readonly keyworkerId: string | null;
  readonly to: string;
  readonly first: number;
  readonly after?: string | null;
}

/** Reviews fetched per request: the API's most, so a keyworker's whole schedule usually comes in one. */
export const ENTRIES_PER_PAGE = 100;

const ENTRY_FIELDS = `
  totalCount
  pageInfo { hasNextPage endCursor }
  edges {
    node {
      id
      dueDate
      status
      episode { id }
      serviceUser { id firstName lastName preferredName localReference }
      keyworker { id name }
      team { id name }
    }
  }
`;

export const REVIEW_SCHEDULE = gql<ReviewScheduleData, ReviewScheduleVariables>`
  query ReviewSchedule($scope: CaseloadScope!, $teamId: ID, $keyworkerId: ID, $to: Date, $first: Int, $after: String) {
    reviewSchedule(scope: $scope, teamId: $teamId, keyworkerId: $keyworkerId, to: $to) {
      asOf
      from
      to
      overdue
      due
      upcoming
      weeks { weekStarting count }
      byKeyworker {
        keyworker { id name }
        team { id name }
        overdue
        due
        upcoming
      }
      entries(first: $first, after: $after) { ${ENTRY_FIELDS} }
    }
  }
`;

/** A later page of the same schedule's reviews, for "Show more". */
export const MORE_REVIEW_ENTRIES = gql<{ reviewSchedule: { entries: ScheduleEntryPage } }, ReviewScheduleVariables>`
  query MoreReviewScheduleEntries($scope: CaseloadScope!, $teamId: ID, $keyworkerId: ID, $to: Date, $first: Int, $after: String) {
    reviewSchedule(scope: $scope, teamId: $teamId, keyworkerId: $keyworkerId, to: $to) {
      entries(first: $first, after: $after) { ${ENTRY_FIELDS} }
    }
  }
`;

export interface TeamMembersData {
  readonly staff: { readonly edges: readonly { readonly node: { readonly id: string; readonly name: string } }[] };
}

/** The keyworkers a team lead can narrow the schedule to: active practitioners and leads of the chosen teams. */
export const TEAM_KEYWORKERS = gql<TeamMembersData, { teamIds: readonly string[] }>`
  query ReviewScheduleKeyworkers($teamIds: [ID!]!) {
    staff(first: 100, filter: { active: true, teamId: { in: $teamIds }, role: { in: [PRACTITIONER, TEAM_LEAD] } }, orderBy: [{ field: NAME }]) {
      edges { node { id name } }
    }
  }
`;
