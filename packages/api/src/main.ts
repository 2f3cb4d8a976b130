import "reflect-metadata";
import { parseArgs } from "node:util";
import { systemClock } from "./clock.js";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/openDatabase.js";
import { createLogger } from "./logger.js";
import { runAdminCreate } from "./cli/adminCreate.js";
import { runBackup } from "./cli/backup.js";
import { runRestore } from "./cli/restore.js";
import { runSeed } from "./cli/seed.js";
import { runSyntheticSeed } from "./cli/syntheticSeed.js";
import { serve } from "./serve.js";

const USAGE = `Usage: waymark <command>

Commands:
  serve                      Start the server (the default).
  migrate                    Bring the database schema up to date and exit.
  admin create --email E --name N [--password-stdin]
                             Create an admin account. Without --password-stdin a strong password is made and printed once.
  seed --demo [--if-empty]   Fill the database with a realistic small demo provider.
  seed --synthetic --people N [--seed S]
                             Fill an empty database with a large made-up provider for measuring (see docs/performance.md).
  backup <file>              Write a checked copy of the SQLite database to a new file, while the server runs.
  restore <file> [--replace] Put a backup in place as the database (the server must be stopped to replace one).

Environment: DATABASE_URL (a SQLite file path, or postgres://…), PORT, HOST, WAYMARK_TIME_ZONE, LOG_LEVEL,
WAYMARK_SECURE_COOKIES, WAYMARK_WEB_ROOT, WAYMARK_SHUTDOWN_TIMEOUT_SECONDS. See docs/deployment.md.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean" },
      demo: { type: "boolean" },
      "if-empty": { type: "boolean" },
      synthetic: { type: "boolean" },
      people: { type: "string" },
      seed: { type: "string" },
      replace: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  const [command = "serve", subcommand] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const clock = systemClock(config.timeZone);
  switch (command) {
    case "serve":
      await serve(config, logger, clock);
      return -1;
    case "migrate": {
      const database = await openDatabase(config.databaseUrl);
      await database.close();
      console.log("The database schema is up to date.");
      return 0;
    }
    case "admin":
      if (subcommand !== "create") break;
      return runAdminCreate(config, clock, { email: values.email, name: values.name, passwordFromStdin: values["password-stdin"] === true });
    case "backup":
      return runBackup(config, subcommand);
    case "restore":
      return runRestore(config, subcommand, { replace: values.replace === true });
    case "seed":
      if (values.synthetic) return runSyntheticSeed(config, clock, { people: values.people, seed: values.seed });
      if (!values.demo) break;
      return runSeed(config, clock, { ifEmpty: values["if-empty"] === true });
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
