import type { ExceptionKind } from "@waymark/core";
import { gql } from "urql";

export interface ExceptionLine {
  readonly id: string;
  readonly kind: ExceptionKind;
  readonly since: string | null;
  readonly detail: string;
  readonly episode: { readonly id: string };
  readonly serviceUser: { readonly id: string; readonly firstName: string; readonly lastName: string; readonly preferredName: string | null; readonly localReference: string };
  readonly keyworker: { readonly id: string; readonly name: string } | null;
  readonly team: { readonly id: string; readonly name: string };
}

export interface ExceptionPage {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: readonly { readonly node: ExceptionLine }[];
}

/** Lines shown per kind before "Show more". */
export const LINES_PER_PAGE = 25;

const PAGE_FIELDS = `
  totalCount
  pageInfo { hasNextPage endCursor }
  edges {
    node {
      id
      kind
      since
      detail
      episode { id }
      serviceUser { id firstName lastName preferredName localReference }
      keyworker { id name }
      team { id name }
    }
  }
`;

/** The field name each kind's page is answered under, one alias per kind. */
export const ALIAS_OF: Record<ExceptionKind, string> = {
  REVIEW_OVERDUE: "reviewOverdue",
  TOP_MISSING: "topMissing",
  SAFEGUARDING_NO_HOME_VISIT: "safeguardingNoHomeVisit",
  DNA_FOLLOW_UP_OVERDUE: "dnaFollowUpOverdue",
  DISENGAGING: "disengaging",
  NO_KEYWORKER: "noKeyworker",
};

export type ExceptionsData = Record<string, ExceptionPage>;

/**
 * Every kind's first page in one request. The report is asked for one kind at a time, so each kind gets its
 * own count (totalCount) and its own "show more", rather than a long kind crowding out the others.
 */
export const EXCEPTIONS_REPORT = gql<ExceptionsData, { teamId: string | null; first: number }>`
  query ExceptionsReport($teamId: ID, $first: Int) {
    ${Object.entries(ALIAS_OF)
      .map(([kind, alias]) => `${alias}: exceptions(kinds: [${kind}], teamId: $teamId, first: $first) { ${PAGE_FIELDS} }`)
      .join("\n")}
  }
`;

/** A later page of one kind. */
export const MORE_EXCEPTIONS = gql<{ exceptions: ExceptionPage }, { kind: ExceptionKind; teamId: string | null; first: number; after: string | null }>`
  query MoreExceptions($kind: ExceptionKind!, $teamId: ID, $first: Int, $after: String) {
    exceptions(kinds: [$kind], teamId: $teamId, first: $first, after: $after) { ${PAGE_FIELDS} }
  }
`;
