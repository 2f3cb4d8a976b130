import { inArray } from "drizzle-orm";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import { openDatabase } from "../db/openDatabase.js";
import { seedDemoProvider, DEMO_PASSWORD } from "../seed/demoProvider.js";
import { DEMO_STAFF } from "../seed/organisation.js";
import { ensureReferenceData } from "../services/bootstrap.js";

/** The demo accounts present in the database, in the order a visitor would try them. */
async function demoAccountsIn(database: Database): Promise<typeof DEMO_STAFF> {
  const t = database.tables;
  const rows = await database.read.select({ email: t.staff.email }).from(t.staff).where(inArray(t.staff.email, DEMO_STAFF.map((member) => member.email)));
  const present = new Set(rows.map((row) => row.email));
  return DEMO_STAFF.filter((member) => present.has(member.email));
}

function printSignIns(accounts: typeof DEMO_STAFF): void {
  if (accounts.length === 0) return;
  console.log(`Demo sign-in (password for every account: ${DEMO_PASSWORD}):`);
  const width = Math.max(...accounts.map((member) => member.email.length));
  for (const member of accounts) console.log(`  ${member.email.padEnd(width)}  ${member.name}, ${member.part}`);
}

/** `waymark seed --demo [--if-empty]`: a realistic small provider to explore Waymark with. */
export async function runSeed(config: Config, clock: Clock, options: { ifEmpty: boolean }): Promise<number> {
  const database = await openDatabase(config.databaseUrl);
  try {
    await ensureReferenceData(database, clock.now());
    const started = Date.now();
    const result = await seedDemoProvider(database, clock, { ifEmpty: options.ifEmpty });
    if (result.skipped) {
      console.log("The database already holds staff accounts; the demo provider was not added.");
    } else {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`Added a demo provider in ${seconds}s: ${result.teams} teams, ${result.staff} staff, ${result.people} people. Everyone in it is made up.`);
    }
    printSignIns(await demoAccountsIn(database));
    return 0;
  } finally {
    await database.close();
  }
}
