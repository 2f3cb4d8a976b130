import type { Role } from "@waymark/core";

/** Who is asking: the signed-in staff member, their roles and teams, and how they signed in. */
export interface Viewer {
  readonly staffId: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly teamIds: readonly string[];
  readonly authenticatedBy: "SESSION" | "API_TOKEN";
  /** The session's token hash, so sign-out ends this session only. */
  readonly sessionTokenHash: string | null;
}

export const hasRole = (viewer: Viewer, role: Role): boolean => viewer.roles.includes(role);

/** Practitioners and team leads hold caseloads and may see clinical records (DOMAIN §1). */
export const isClinician = (viewer: Viewer): boolean => hasRole(viewer, "PRACTITIONER") || hasRole(viewer, "TEAM_LEAD");

export const isTeamLead = (viewer: Viewer): boolean => hasRole(viewer, "TEAM_LEAD");

export const isAdmin = (viewer: Viewer): boolean => hasRole(viewer, "ADMIN");
