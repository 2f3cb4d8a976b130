import { eq } from "drizzle-orm";
import { createHmac, randomBytes } from "node:crypto";
import type { Database } from "../db/database.js";

/** The one row of `pseudonymisation_keys` this installation uses. */
const KEY_ROW_ID = "person-id";

/**
 * Turns a person's database id into the pseudonymous ID analysts see: HMAC-SHA256 under a secret that never
 * leaves the database, so the same person has the same ID in every query and export, while nobody holding
 * only analyst output can recompute it from an id or check a guess.
 */
export type PersonPseudonymiser = (serviceUserId: string) => string;

const secretsByDatabase = new WeakMap<Database, Promise<string>>();

async function readOrCreateSecret(database: Database): Promise<string> {
  const t = database.tables;
  const [existing] = await database.read.select({ secret: t.pseudonymisationKeys.secret }).from(t.pseudonymisationKeys).where(eq(t.pseudonymisationKeys.id, KEY_ROW_ID));
  if (existing) return existing.secret;
  // Two first uses racing both try to insert; the loser's insert is ignored and both then read the winner's key.
  await database.write(async (tx) => {
    await tx
      .insert(t.pseudonymisationKeys)
      .values({ id: KEY_ROW_ID, secret: randomBytes(32).toString("base64url"), createdAt: new Date() })
      .onConflictDoNothing();
  });
  const [created] = await database.read.select({ secret: t.pseudonymisationKeys.secret }).from(t.pseudonymisationKeys).where(eq(t.pseudonymisationKeys.id, KEY_ROW_ID));
  if (!created) throw new Error("The pseudonymisation key could not be stored.");
  return created.secret;
}

/**
 * The installation's person pseudonymiser, generating and storing its secret key on first use. The key is
 * read once per database connection and kept in memory.
 */
export async function personPseudonymiser(database: Database): Promise<PersonPseudonymiser> {
  let secret = secretsByDatabase.get(database);
  if (!secret) {
    secret = readOrCreateSecret(database);
    secretsByDatabase.set(database, secret);
    secret.catch(() => secretsByDatabase.delete(database));
  }
  const key = await secret;
  return (serviceUserId) => createHmac("sha256", key).update(serviceUserId, "utf8").digest("hex");
}
