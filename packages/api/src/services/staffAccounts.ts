import { checkStaffAccount, type Role } from "./staffAccountRules.js";
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { hashPassword } from "../auth/secrets.js";
import type { Db, Tables } from "../db/database.js";
import { RefusedByRules } from "../graphql/userErrors.js";

export interface NewStaffAccount {
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly teamIds: readonly string[];
  readonly password: string | null;
}

/**
 * Creates a staff account. Throws RefusedByRules (nothing written) for an invalid name, email, role set or
 * password, or an email already in use.
 */
export async function createStaffAccount(tx: Db, t: Tables, account: NewStaffAccount, now: Date): Promise<string> {
  const email = account.email.trim().toLowerCase();
  const [existing] = await tx.select({ id: t.staff.id }).from(t.staff).where(eq(t.staff.email, email));
  const violations = checkStaffAccount({ ...account, email }, existing !== undefined);
  if (violations.length > 0) throw new RefusedByRules(violations);
  const id = randomUUID();
  await tx.insert(t.staff).values({
    id,
    name: account.name.trim(),
    email,
    passwordHash: account.password ? await hashPassword(account.password) : null,
    roles: [...account.roles],
    active: true,
    createdAt: now,
    updatedAt: now,
  });
  if (account.teamIds.length > 0) await tx.insert(t.staffTeams).values(account.teamIds.map((teamId) => ({ staffId: id, teamId })));
  return id;
}
