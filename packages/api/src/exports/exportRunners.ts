import type { Database } from "../db/database.js";
import type { ExportRunner } from "./exportRunner.js";

/**
 * The runner serving each open database. The HTTP app registers its runner here, so resolvers reach it
 * without every request's context carrying it; a database without one (a script) cannot start exports.
 */
const runners = new WeakMap<Database, ExportRunner>();

export function registerExportRunner(database: Database, runner: ExportRunner): void {
  runners.set(database, runner);
}

/** The runner for the database, or null when this process does not run exports. */
export function exportRunnerOf(database: Database): ExportRunner | null {
  return runners.get(database) ?? null;
}
