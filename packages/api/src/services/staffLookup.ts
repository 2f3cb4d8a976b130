import type { StaffMember } from "@waymark/core";
import { eq } from "drizzle-orm";
import type { Db, Tables } from "../db/database.js";
import { toStaffMember } from "../db/mappers.js";

/** A staff member with their teams, as core's keyworker and sign-off rules take them; null when there is none. */
export async function loadStaffMember(db: Db, t: Tables, staffId: string | null): Promise<StaffMember | null> {
  if (!staffId) return null;
  const [row] = await db.select().from(t.staff).where(eq(t.staff.id, staffId));
  if (!row) return null;
  const teams = await db.select({ teamId: t.staffTeams.teamId }).from(t.staffTeams).where(eq(t.staffTeams.staffId, staffId));
  return toStaffMember(row, teams.map((team) => team.teamId));
}
