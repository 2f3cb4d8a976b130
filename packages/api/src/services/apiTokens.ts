import { INPUT_CODES, type Violation } from "@waymark/core";
import { and, desc, eq, isNull } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { newSecret, tokenHash } from "../auth/secrets.js";
import { API_TOKEN_PREFIX } from "../auth/sessions.js";
import type { InferSelectModel } from "drizzle-orm";
import type { Db, Tables } from "../db/database.js";
import type * as schema from "../db/schema/sqlite.js";
import { TEXT_LIMITS } from "../graphql/mutations.js";

export type ApiTokenRow = InferSelectModel<typeof schema.apiTokens>;

/**
 * Tokens live 90 days unless asked otherwise, and at most a year: a script's token that leaks stops
 * working on its own, and a long-running job renews it on a schedule someone owns.
 */
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;
const DAY_MS = 86_400_000;

/** Where a token stands at a moment. */
export type ApiTokenStatus = "ACTIVE" | "EXPIRED" | "REVOKED";

export function apiTokenStatus(row: Pick<ApiTokenRow, "revokedAt" | "expiresAt">, now: Date): ApiTokenStatus {
  if (row.revokedAt) return "REVOKED";
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "ACTIVE";
}

/** The checks on a new token's name and lifetime. */
export function checkNewApiToken(name: string, expiresInDays: number): Violation[] {
  const found: Violation[] = [];
  const trimmed = name.trim();
  if (!trimmed) found.push({ code: INPUT_CODES.required, field: "name", message: "Name the token after the script or job that will use it, so you can tell tokens apart." });
  else if (trimmed.length > TEXT_LIMITS.short) found.push({ code: INPUT_CODES.tooLong, field: "name", message: `This is ${trimmed.length} characters long; the most allowed is ${TEXT_LIMITS.short}.` });
  if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > API_TOKEN_MAX_DAYS) {
    found.push({ code: INPUT_CODES.invalidValue, field: "expiresInDays", message: `A token lasts 1 to ${API_TOKEN_MAX_DAYS} days.` });
  }
  return found;
}

/**
 * Issues a token for `staffId`: `wm_` followed by 256 random bits. Only its SHA-256 is stored, so the secret
 * returned here is the only copy there will ever be.
 */
export async function issueApiToken(tx: Db, t: Tables, staffId: string, name: string, expiresInDays: number, now: Date): Promise<{ row: ApiTokenRow; secret: string }> {
  const secret = `${API_TOKEN_PREFIX}${newSecret()}`;
  const [row] = await tx
    .insert(t.apiTokens)
    .values({ id: randomUUID(), staffId, name: name.trim(), tokenHash: tokenHash(secret), createdAt: now, expiresAt: new Date(now.getTime() + expiresInDays * DAY_MS) })
    .returning();
  if (!row) throw new Error("Inserting an API token returned no row");
  return { row, secret };
}

/**
 * Revokes a token from `now` on. A token already revoked keeps its first revocation time, and
 * `revokedNow` says whether this call did it (only then is there something to audit).
 */
export async function revokeApiToken(tx: Db, t: Tables, token: ApiTokenRow, now: Date): Promise<{ row: ApiTokenRow; revokedNow: boolean }> {
  if (token.revokedAt) return { row: token, revokedNow: false };
  const [row] = await tx.update(t.apiTokens).set({ revokedAt: now }).where(and(eq(t.apiTokens.id, token.id), isNull(t.apiTokens.revokedAt))).returning();
  if (!row) throw new Error("Revoking an API token matched no row");
  return { row, revokedNow: true };
}

/** A staff member's tokens, newest first. */
export async function apiTokensOf(db: Db, t: Tables, staffId: string): Promise<ApiTokenRow[]> {
  return db.select().from(t.apiTokens).where(eq(t.apiTokens.staffId, staffId)).orderBy(desc(t.apiTokens.createdAt), desc(t.apiTokens.id));
}
