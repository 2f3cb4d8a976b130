import { createInterface } from "node:readline/promises";
import { newSecret } from "../auth/secrets.js";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import { openDatabase } from "../db/openDatabase.js";
import { RefusedByRules } from "../graphql/userErrors.js";
import { createStaffAccount } from "../services/staffAccounts.js";

async function readPasswordFromStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}

/** `waymark admin create`: the first account of a new install, or a spare admin. */
export async function runAdminCreate(config: Config, clock: Clock, options: { email?: string; name?: string; passwordFromStdin: boolean }): Promise<number> {
  if (!options.email || !options.name) {
    console.error("Give the admin's --email and --name.");
    return 2;
  }
  const generated = !options.passwordFromStdin;
  const password = generated ? newSecret().slice(0, 24) : await readPasswordFromStdin();
  const database = await openDatabase(config.databaseUrl);
  try {
    await database.write((tx) => createStaffAccount(tx, database.tables, { name: options.name ?? "", email: options.email ?? "", roles: ["ADMIN"], teamIds: [], password }, clock.now()));
  } catch (error) {
    if (error instanceof RefusedByRules) {
      for (const violation of error.violations) console.error(`${violation.field}: ${violation.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
  console.log(`Created admin ${options.email.trim().toLowerCase()}.`);
  if (generated) console.log(`Password (shown once; sign in and keep it safe): ${password}`);
  return 0;
}
