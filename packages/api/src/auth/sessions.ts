import { and, eq, gt, isNull, lt, or, sql, type InferSelectModel } from "drizzle-orm";
import type { Role } from "@waymark/core";
import type { Database, Db, Tables } from "../db/database.js";
import { KeptUntilChanged } from "../db/keptUntilChanged.js";
import { preparedSelect } from "../db/preparedSelect.js";
import { newSecret, sameSecret, tokenHash } from "./secrets.js";
import type { Viewer } from "./viewer.js";

/** A session ends after this long without a request: an unattended screen does not stay signed in. */
export const SESSION_IDLE_MINUTES = 60;
/** …and after this long whatever happens, so a stolen cookie has a bounded life. */
export const SESSION_MAX_HOURS = 12;
/** Last-seen is written at most this often, so reads do not each cost a write. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export const SESSION_COOKIE = "waymark_session";
export const CSRF_COOKIE = "waymark_csrf";
export const CSRF_HEADER = "x-csrf-token";
export const API_TOKEN_PREFIX = "wm_";

export interface NewSession {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export async function createSession(tx: Db, t: Tables, staffId: string, fromAddress: string | null, now: Date): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_HOURS * 3_600_000);
  await tx.insert(t.sessions).values({ tokenHash: tokenHash(token), staffId, csrfToken, createdAt: now, lastSeenAt: now, expiresAt, fromAddress });
  return { token, csrfToken, expiresAt };
}

export async function endSession(tx: Db, t: Tables, sessionTokenHash: string): Promise<void> {
  await tx.delete(t.sessions).where(eq(t.sessions.tokenHash, sessionTokenHash));
}

/** Ends every session of a staff member: used when their account is disabled or their password changes. */
export async function endAllSessions(tx: Db, t: Tables, staffId: string): Promise<void> {
  await tx.delete(t.sessions).where(eq(t.sessions.staffId, staffId));
}

type SessionRow = InferSelectModel<Tables["sessions"]>;
type StaffMember = Pick<Viewer, "staffId" | "name" | "email" | "roles" | "teamIds">;

/**
 * Sessions and staff as last read, for each database. Every request is signed in by them and they change
 * rarely: kept until anything but the read audit trail is committed (a sign-in, a sign-out, an account
 * disabled or moved between teams, a session's last-seen time, written once a minute), so the next request sees
 * the change.
 */
const signInReads = new WeakMap<Database, { readonly sessions: KeptUntilChanged<string, SessionRow | undefined>; readonly staff: KeptUntilChanged<string, StaffMember | null> }>();

function signInReadsOf(database: Database) {
  let reads = signInReads.get(database);
  if (!reads) {
    // An unknown token is not kept: anyone may send one.
    reads = { sessions: new KeptUntilChanged(database, (session) => session !== undefined), staff: new KeptUntilChanged(database) };
    signInReads.set(database, reads);
  }
  return reads;
}

/** An active member of staff with their teams as the database holds them now, or null when disabled or gone. */
async function activeStaffMember(database: Database, staffId: string): Promise<StaffMember | null> {
  const t = database.tables;
  const staffById = preparedSelect<InferSelectModel<Tables["staff"]>>(database, "viewer_staff", (db) => db.select().from(t.staff).where(eq(t.staff.id, sql.placeholder("staffId"))));
  const teamsOfStaff = preparedSelect<{ teamId: string }>(database, "viewer_teams", (db) =>
    db.select({ teamId: t.staffTeams.teamId }).from(t.staffTeams).where(eq(t.staffTeams.staffId, sql.placeholder("staffId"))),
  );
  const [member] = await staffById({ staffId });
  if (!member || !member.active) return null;
  const teams = await teamsOfStaff({ staffId });
  return { staffId: member.id, name: member.name, email: member.email, roles: member.roles as Role[], teamIds: teams.map((team) => team.teamId) };
}

/**
 * A member of staff as a viewer: roles, teams and scope as they are now. Null when the account is disabled or
 * gone: a disabled account is refused on its very next request, whatever sessions or tokens it still holds.
 */
export async function viewerFor(database: Database, staffId: string, authenticatedBy: Viewer["authenticatedBy"], sessionTokenHash: string | null): Promise<Viewer | null> {
  const member = await signInReadsOf(database).staff.get(staffId, () => activeStaffMember(database, staffId));
  return member && { ...member, authenticatedBy, sessionTokenHash };
}

export type SessionCheck =
  | { readonly kind: "NONE" }
  | { readonly kind: "EXPIRED" }
  | { readonly kind: "CSRF_FAILED" }
  | { readonly kind: "SIGNED_IN"; readonly viewer: Viewer };

/**
 * Who a request comes from. A browser session must also present its CSRF token on anything but a read-only
 * GET, so another site cannot make the browser act on a keyworker's behalf.
 */
export async function authenticate(
  database: Database,
  request: { readonly sessionToken: string | null; readonly bearerToken: string | null; readonly csrfToken: string | null; readonly needsCsrf: boolean },
  now: Date,
): Promise<SessionCheck> {
  const t = database.tables;
  if (request.bearerToken) {
    const [token] = await database.read
      .select()
      .from(t.apiTokens)
      .where(and(eq(t.apiTokens.tokenHash, tokenHash(request.bearerToken)), isNull(t.apiTokens.revokedAt), or(isNull(t.apiTokens.expiresAt), gt(t.apiTokens.expiresAt, now))));
    if (!token) return { kind: "EXPIRED" };
    const viewer = await viewerFor(database, token.staffId, "API_TOKEN", null);
    if (!viewer) return { kind: "EXPIRED" };
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
      await database.write((tx) => tx.update(t.apiTokens).set({ lastUsedAt: now }).where(eq(t.apiTokens.id, token.id)));
    }
    return { kind: "SIGNED_IN", viewer };
  }
  if (!request.sessionToken) return { kind: "NONE" };
  const hashOfToken = tokenHash(request.sessionToken);
  const sessionByToken = preparedSelect<SessionRow>(database, "session_by_token", (db) => db.select().from(t.sessions).where(eq(t.sessions.tokenHash, sql.placeholder("tokenHash"))));
  const session = await signInReadsOf(database).sessions.get(hashOfToken, async () => (await sessionByToken({ tokenHash: hashOfToken }))[0]);
  // Its end is checked against the clock here rather than in the statement, so the session read can be kept.
  const idleCutoff = now.getTime() - SESSION_IDLE_MINUTES * 60_000;
  if (!session || session.expiresAt.getTime() <= now.getTime() || session.lastSeenAt.getTime() <= idleCutoff) return { kind: "EXPIRED" };
  if (request.needsCsrf && !(request.csrfToken && sameSecret(request.csrfToken, session.csrfToken))) return { kind: "CSRF_FAILED" };
  const viewer = await viewerFor(database, session.staffId, "SESSION", hashOfToken);
  if (!viewer) return { kind: "EXPIRED" };
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await database.write((tx) => tx.update(t.sessions).set({ lastSeenAt: now }).where(eq(t.sessions.tokenHash, hashOfToken)));
  }
  return { kind: "SIGNED_IN", viewer };
}

/** Deletes sessions past their end, so the table holds only live ones. */
export async function purgeExpiredSessions(tx: Db, t: Tables, now: Date): Promise<void> {
  const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000);
  await tx.delete(t.sessions).where(or(lt(t.sessions.expiresAt, now), lt(t.sessions.lastSeenAt, idleCutoff)));
}
