import type { AuditAction } from "@waymark/core";
import { gql } from "urql";

export interface AuditEventRecord {
  readonly id: string;
  readonly at: string;
  readonly action: AuditAction;
  readonly actor: { readonly id: string; readonly name: string } | null;
  readonly recordType: string | null;
  readonly recordId: string | null;
  readonly serviceUserId: string | null;
  readonly fromAddress: string | null;
  readonly reason: string | null;
  readonly detail: string | null;
}

export interface AuditPage {
  readonly auditEvents: {
    readonly totalCount: number;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly edges: readonly { readonly node: AuditEventRecord }[];
  };
}

export interface AuditVariables {
  readonly filter: Record<string, unknown> | null;
  readonly direction: "ASC" | "DESC";
  readonly first: number;
  readonly after: string | null;
}

export const AUDIT_EVENTS = gql<AuditPage, AuditVariables>`
  query AdminAuditEvents($filter: AuditEventFilter, $direction: OrderDirection!, $first: Int, $after: String) {
    auditEvents(filter: $filter, orderBy: [{ field: AT, direction: $direction }], first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { id at action actor { id name } recordType recordId serviceUserId fromAddress reason detail }
      }
    }
  }
`;

/** The kinds of record the API writes audit events about, as it names them. */
export const AUDITED_RECORD_TYPES: readonly { value: string; label: string }[] = [
  { value: "ServiceUser", label: "Person" },
  { value: "Episode", label: "Episode" },
  { value: "Assessment", label: "Assessment" },
  { value: "RecoveryPlan", label: "Recovery plan" },
  { value: "Review", label: "Review" },
  { value: "Intervention", label: "Intervention" },
  { value: "OutcomeRecord", label: "Outcome record (TOP)" },
  { value: "Contact", label: "Contact" },
  { value: "HarmReductionRecord", label: "Harm reduction" },
  { value: "StaffMember", label: "Staff account" },
  { value: "Team", label: "Team" },
  { value: "CatalogueItem", label: "Catalogue item" },
  { value: "ApiToken", label: "API token" },
  { value: "ServiceSettings", label: "Service settings" },
];

export const recordTypeLabel = (recordType: string | null): string =>
  recordType === null ? "—" : (AUDITED_RECORD_TYPES.find((entry) => entry.value === recordType)?.label ?? recordType);
