import type { Clock } from "../clock.js";
import type { Database } from "../db/database.js";
import type { Logger } from "../logger.js";

/** What a job runs with. */
export interface ExportJobEnvironment {
  readonly database: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The folder the job's files are written to. */
  readonly folder: string;
  /** True once the server is shutting down: a job stops after its current page. */
  isStopping(): boolean;
}

/** How a job ended. STOPPED: the server is shutting down; the job is failed as interrupted. */
export type ExportJobOutcome =
  | { readonly status: "COMPLETED"; readonly rowsWritten: number; readonly validation?: Record<string, unknown> }
  | { readonly status: "FAILED"; readonly message: string }
  | { readonly status: "CANCELLED" }
  | { readonly status: "STOPPED" };
