import { z } from "zod";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import { openDatabase } from "../db/openDatabase.js";
import { SYNTHETIC_EMAIL_DOMAIN, SYNTHETIC_PASSWORD } from "../seed/synthetic/organisation.js";
import { seedSyntheticProvider } from "../seed/synthetic/syntheticProvider.js";

const options = z.object({
  people: z.coerce.number({ error: "--people must be a whole number" }).int("--people must be a whole number").min(1, "--people must be at least 1").max(5_000_000, "--people can be at most 5,000,000"),
  seed: z.coerce.number({ error: "--seed must be a whole number" }).int("--seed must be a whole number").default(20_260_101),
});

/** `waymark seed --synthetic --people N [--seed S]`: a large made-up provider, written in bulk, for benchmarks. */
export async function runSyntheticSeed(config: Config, clock: Clock, raw: { people: string | undefined; seed: string | undefined }): Promise<number> {
  const parsed = options.safeParse({ people: raw.people ?? "", seed: raw.seed });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => issue.message).join("\n"));
    return 2;
  }
  const database = await openDatabase(config.databaseUrl);
  try {
    const result = await seedSyntheticProvider(database, { people: parsed.data.people, seed: parsed.data.seed, today: clock.today(), progress: process.stderr.isTTY === true });
    console.log(
      `Wrote a synthetic provider in ${result.seconds.toFixed(1)}s: ${result.people.toLocaleString("en-GB")} people, ${result.episodes.toLocaleString("en-GB")} episodes, ` +
        `${result.rows.toLocaleString("en-GB")} rows (${result.rowsPerSecond.toLocaleString("en-GB")} rows/s). Everyone in it is made up.`,
    );
    for (const [table, rows] of Object.entries(result.rowsByTable)) console.log(`  ${table.padEnd(22)} ${rows.toLocaleString("en-GB").padStart(12)}`);
    console.log(`Sign in as keyworker01..keyworker40, lead1..lead4, admin or analyst @${SYNTHETIC_EMAIL_DOMAIN}; password: ${SYNTHETIC_PASSWORD}`);
    return 0;
  } finally {
    await database.close();
  }
}
