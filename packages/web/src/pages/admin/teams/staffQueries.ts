import type { Role } from "@waymark/core";
import { gql } from "urql";
import type { UserError } from "../../../graphql/userErrors.js";

export interface StaffRecord {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly active: boolean;
  readonly version: number;
  readonly teams: readonly { readonly id: string; readonly name: string }[];
}

const STAFF_FIELDS = "id name email roles active version teams { id name }";

export interface StaffPage {
  readonly staff: {
    readonly totalCount: number;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly edges: readonly { readonly node: StaffRecord }[];
  };
}

export interface StaffListVariables {
  readonly filter: Record<string, unknown> | null;
  readonly orderBy: readonly { field: "NAME" | "EMAIL"; direction: "ASC" | "DESC" }[];
  readonly first: number;
  readonly after: string | null;
}

export const STAFF_LIST = gql<StaffPage, StaffListVariables>`
  query AdminStaff($filter: StaffFilter, $orderBy: [StaffOrder!], $first: Int, $after: String) {
    staff(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${STAFF_FIELDS} } }
    }
  }
`;

export const STAFF_MEMBER = gql<{ node: (StaffRecord & { __typename: string }) | { __typename: string } | null }, { id: string }>`
  query AdminStaffMember($id: ID!) {
    node(id: $id) {
      __typename
      ... on StaffMember { ${STAFF_FIELDS} }
    }
  }
`;

interface StaffPayload {
  readonly staffMember: StaffRecord | null;
  /** A password Waymark made, returned this once. */
  readonly oneTimePassword: string | null;
  readonly userErrors: readonly UserError[];
}

export const CREATE_STAFF_MEMBER = gql<{ createStaffMember: StaffPayload }, { input: { name: string; email: string; roles: readonly Role[]; teamIds: readonly string[] } }>`
  mutation CreateStaffMember($input: CreateStaffMemberInput!) {
    createStaffMember(input: $input) {
      staffMember { ${STAFF_FIELDS} }
      oneTimePassword
      userErrors { code field message }
    }
  }
`;

export interface UpdateStaffInput {
  readonly id: string;
  readonly version: number;
  readonly name?: string;
  readonly email?: string;
  readonly roles?: readonly Role[];
  readonly teamIds?: readonly string[];
  readonly active?: boolean;
  readonly resetPassword?: boolean;
}

export const UPDATE_STAFF_MEMBER = gql<{ updateStaffMember: StaffPayload }, { input: UpdateStaffInput }>`
  mutation UpdateStaffMember($input: UpdateStaffMemberInput!) {
    updateStaffMember(input: $input) {
      staffMember { ${STAFF_FIELDS} }
      oneTimePassword
      userErrors { code field message }
    }
  }
`;
