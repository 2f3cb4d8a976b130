import { INPUT_CODES, type Violation } from "@waymark/core";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { hashPassword, newSecret } from "../auth/secrets.js";
import { endAllSessions } from "../auth/sessions.js";
import type { Db, Tables } from "../db/database.js";
import type { StaffRow } from "../db/mappers.js";
import { checkVersion, refuseIfAny } from "../graphql/mutations.js";
import { staffHasRole } from "./staffDirectory.js";
import { checkKeepsAnActiveAdmin, checkStaffAccount, type Role } from "./staffAccountRules.js";

export interface NewStaffAccount {
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly teamIds: readonly string[];
  readonly password: string | null;
  /** A generated provider names its own IDs so the same seed gives the same records; otherwise a random one. */
  readonly id?: string;
}

/** A change to a staff account: `undefined` (or null) leaves a field as it is. */
export interface StaffAccountChange {
  readonly version: number | null;
  readonly name?: string | null;
  readonly email?: string | null;
  readonly roles?: readonly Role[] | null;
  readonly teamIds?: readonly string[] | null;
  readonly active?: boolean | null;
  /** The hash of a new one-time password when the password is being reset, or null. Hashed before the
   *  transaction so the slow hash does not hold up other writes. */
  readonly newPasswordHash: string | null;
}

/**
 * A password for an admin to hand over once, when an account is created or its password reset: 120 random
 * bits, so it is as strong as anything a person would choose. Only its hash is stored.
 */
export function oneTimePassword(): string {
  return newSecret().slice(0, 20);
}

const normalisedEmail = (email: string) => email.trim().toLowerCase();

async function emailTaken(tx: Db, t: Tables, email: string, exceptStaffId: string | null): Promise<boolean> {
  const sameEmail = eq(t.staff.email, email);
  const [row] = await tx.select({ id: t.staff.id }).from(t.staff).where(exceptStaffId ? and(sameEmail, ne(t.staff.id, exceptStaffId)) : sameEmail);
  return row !== undefined;
}

/** Each team id that names no team, as a violation on `teamIds.<index>`. */
async function unknownTeams(tx: Db, t: Tables, teamIds: readonly string[]): Promise<Violation[]> {
  if (teamIds.length === 0) return [];
  const known = new Set((await tx.select({ id: t.teams.id }).from(t.teams).where(inArray(t.teams.id, [...teamIds]))).map((row) => row.id));
  return teamIds.flatMap((teamId, index) => (known.has(teamId) ? [] : [{ code: INPUT_CODES.invalidValue, field: `teamIds.${index}`, message: "There is no team with this ID." }]));
}

async function replaceTeams(tx: Db, t: Tables, staffId: string, teamIds: readonly string[]): Promise<void> {
  await tx.delete(t.staffTeams).where(eq(t.staffTeams.staffId, staffId));
  if (teamIds.length > 0) await tx.insert(t.staffTeams).values(teamIds.map((teamId) => ({ staffId, teamId })));
}

/**
 * Creates a staff account. Throws RefusedByRules (nothing written) for an invalid name, email, role set,
 * team or password, or an email already in use.
 */
export async function createStaffAccount(tx: Db, t: Tables, account: NewStaffAccount, now: Date): Promise<string> {
  const email = normalisedEmail(account.email);
  const teamIds = [...new Set(account.teamIds)];
  refuseIfAny([...checkStaffAccount({ ...account, email, teamIds }, await emailTaken(tx, t, email, null)), ...(await unknownTeams(tx, t, teamIds))]);
  const id = account.id ?? randomUUID();
  await tx.insert(t.staff).values({
    id,
    name: account.name.trim(),
    email,
    passwordHash: account.password ? await hashPassword(account.password) : null,
    roles: [...new Set(account.roles)],
    active: true,
    createdAt: now,
    updatedAt: now,
  });
  await replaceTeams(tx, t, id, teamIds);
  return id;
}

/** The ids of a staff member's teams. */
export async function teamIdsOf(tx: Db, t: Tables, staffId: string): Promise<string[]> {
  return (await tx.select({ teamId: t.staffTeams.teamId }).from(t.staffTeams).where(eq(t.staffTeams.staffId, staffId))).map((row) => row.teamId);
}

/** Active admin accounts other than `staffId`. */
async function otherActiveAdmins(tx: Db, t: Tables, staffId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)` })
    .from(t.staff)
    .where(and(ne(t.staff.id, staffId), eq(t.staff.active, true), staffHasRole(t, "ADMIN")));
  return Number(row?.count ?? 0);
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));

/**
 * Changes a staff account. Disabling it or resetting its password ends all its sessions in the same
 * transaction, so the next request of any browser it was signed in on is refused; its API tokens are left
 * as they are (a disabled account's tokens are refused while it stays disabled, and work again if it is
 * re-enabled). Refuses removing the last active admin. Returns the saved row and what changed, for the
 * audit trail.
 */
export async function updateStaffAccount(
  tx: Db,
  t: Tables,
  current: StaffRow,
  change: StaffAccountChange,
  now: Date,
): Promise<{ row: StaffRow; changes: Record<string, { from: unknown; to: unknown }>; passwordReset: boolean }> {
  checkVersion(current.version, change.version, "staff member");
  const currentTeamIds = await teamIdsOf(tx, t, current.id);
  const currentRoles = current.roles as Role[];
  const next = {
    name: change.name != null ? change.name.trim() : current.name,
    email: change.email != null ? normalisedEmail(change.email) : current.email,
    roles: change.roles != null ? [...new Set(change.roles)] : currentRoles,
    teamIds: change.teamIds != null ? [...new Set(change.teamIds)] : currentTeamIds,
    active: change.active ?? current.active,
  };
  refuseIfAny([
    ...checkStaffAccount({ ...next, password: null }, await emailTaken(tx, t, next.email, current.id)),
    ...(await unknownTeams(tx, t, next.teamIds)),
    ...checkKeepsAnActiveAdmin({ roles: currentRoles, active: current.active }, next, await otherActiveAdmins(tx, t, current.id)),
  ]);

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (next.name !== current.name) changes.name = { from: current.name, to: next.name };
  if (next.email !== current.email) changes.email = { from: current.email, to: next.email };
  if (!sameSet(next.roles, currentRoles)) changes.roles = { from: currentRoles, to: next.roles };
  if (!sameSet(next.teamIds, currentTeamIds)) changes.teamIds = { from: currentTeamIds, to: next.teamIds };
  if (next.active !== current.active) changes.active = { from: current.active, to: next.active };
  const passwordReset = change.newPasswordHash !== null;
  if (Object.keys(changes).length === 0 && !passwordReset) return { row: current, changes, passwordReset };

  const [row] = await tx
    .update(t.staff)
    .set({
      name: next.name,
      email: next.email,
      roles: next.roles,
      active: next.active,
      // A reset also lifts a lock: the sign-in lock message sends people to an admin for exactly this.
      ...(change.newPasswordHash !== null ? { passwordHash: change.newPasswordHash, failedSignIns: 0, lockedUntil: null } : {}),
      updatedAt: now,
      version: current.version + 1,
    })
    .where(and(eq(t.staff.id, current.id), eq(t.staff.version, current.version)))
    .returning();
  if (!row) throw new Error("Updating a staff member matched no row");
  if (changes.teamIds) await replaceTeams(tx, t, current.id, next.teamIds);
  if ((changes.active && !next.active) || passwordReset) await endAllSessions(tx, t, current.id);
  return { row, changes, passwordReset };
}
