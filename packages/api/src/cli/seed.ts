import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import { openDatabase } from "../db/openDatabase.js";
import { seedDemoProvider, DEMO_PASSWORD } from "../seed/demoProvider.js";
import { ensureReferenceData } from "../services/bootstrap.js";

/** `waymark seed --demo`: a realistic small provider to explore Waymark with. */
export async function runSeed(config: Config, clock: Clock, options: { ifEmpty: boolean }): Promise<number> {
  const database = await openDatabase(config.databaseUrl);
  try {
    await ensureReferenceData(database, clock.now());
    const result = await seedDemoProvider(database, clock, { ifEmpty: options.ifEmpty });
    if (result.skipped) {
      console.log("The database already holds staff accounts; the demo provider was not added.");
      return 0;
    }
    console.log(`Added a demo provider: ${result.teams} teams, ${result.staff} staff, ${result.people} people.`);
    console.log(`Sign in as any of: ${result.emails.join(", ")} — password: ${DEMO_PASSWORD}`);
    return 0;
  } finally {
    await database.close();
  }
}
