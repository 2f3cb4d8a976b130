import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Viewer } from "../auth/viewer.js";
import { isAdmin, isClinician, isTeamLead } from "../auth/viewer.js";
import type { Tables } from "../db/database.js";

/**
 * Which staff accounts a viewer may list (the `staff` query, `Team.members`, `node`):
 * - an admin manages accounts, so sees every account, disabled ones included;
 * - a team lead sees every member of their own teams, disabled ones included, since they run the team;
 * - a practitioner sees the active members of their own teams: what a keyworker picker or a "who is
 *   covering" list needs, and no more (no other teams, no disabled accounts);
 * - anyone else (an analyst) sees no directory at all.
 * Everyone may see their own account (`me`).
 */
export type StaffVisibility =
  | { readonly kind: "ALL" }
  | { readonly kind: "TEAMS"; readonly teamIds: readonly string[]; readonly activeOnly: boolean }
  | { readonly kind: "NONE" };

/** The staff a viewer may see, by role (see StaffVisibility). */
export function staffVisibility(viewer: Viewer): StaffVisibility {
  if (isAdmin(viewer)) return { kind: "ALL" };
  if (isClinician(viewer)) return { kind: "TEAMS", teamIds: viewer.teamIds, activeOnly: !isTeamLead(viewer) };
  return { kind: "NONE" };
}

/**
 * The visibility as a condition on `staff`; undefined means no restriction. The viewer's own account is
 * always included.
 */
export function staffScopeCondition(viewer: Viewer, t: Tables): SQL | undefined {
  const visibility = staffVisibility(viewer);
  if (visibility.kind === "ALL") return undefined;
  const self = eq(t.staff.id, viewer.staffId);
  if (visibility.kind === "NONE" || visibility.teamIds.length === 0) return self;
  const inViewersTeams = sql`${t.staff.id} in (select ${t.staffTeams.staffId} from ${t.staffTeams} where ${inArray(t.staffTeams.teamId, [...visibility.teamIds])})`;
  const teammates = visibility.activeOnly ? and(inViewersTeams, eq(t.staff.active, true)) : inViewersTeams;
  return or(self, teammates);
}

/** Whether a viewer may see the members of one team: admins any team, clinicians their own. */
export function mayListTeamMembers(viewer: Viewer, teamId: string): boolean {
  const visibility = staffVisibility(viewer);
  return visibility.kind === "ALL" || (visibility.kind === "TEAMS" && visibility.teamIds.includes(teamId));
}
