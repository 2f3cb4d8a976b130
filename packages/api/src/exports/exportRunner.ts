import type { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import type { Clock } from "../clock.js";
import type { Database } from "../db/database.js";
import type { RequestContext } from "../graphql/context.js";
import { waymarkSchema } from "../graphql/schema.js";
import type { Logger } from "../logger.js";
import { ExportShapeError } from "./exportColumns.js";
import { deleteExportFiles, ensureExportFolder } from "./exportFiles.js";
import type { ExportJobEnvironment, ExportJobOutcome } from "./exportJobOutcome.js";
import { exportJobById, expiredExportJobs, failInterruptedExports, finishExportJob, markExportFilesDeleted, markExportRunning } from "./exportJobStore.js";
import { runGraphqlExport } from "./graphqlExport.js";
import { runNationalExtract } from "./nationalExtract.js";

/** How often expired export files are looked for, besides at start. */
export const EXPORT_SWEEP_INTERVAL_MS = 15 * 60_000;

export interface ExportRunnerOptions {
  readonly database: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly folder: string;
}

/**
 * Runs export jobs in the background of the server process, one at a time (a report should not starve the
 * keyworkers' requests of the server's few cores), in the order they were started. Nothing survives a
 * restart: `start` fails the jobs a previous run left unfinished and deletes expired files, and a sweep
 * repeats the deletion every EXPORT_SWEEP_INTERVAL_MS.
 */
export class ExportRunner {
  private readonly queue: string[] = [];
  private working: Promise<void> | null = null;
  private stopping = false;
  private sweepTimer: NodeJS.Timeout | null = null;
  private apollo: ApolloServer<RequestContext> | null = null;

  constructor(private readonly options: ExportRunnerOptions) {}

  /** The folder jobs write to. */
  get folder(): string {
    return this.options.folder;
  }

  /** Prepares the folder, fails interrupted jobs, sweeps, and starts taking jobs. Call once Apollo has started. */
  async start(apollo: ApolloServer<RequestContext>): Promise<void> {
    const { database, clock } = this.options;
    this.apollo = apollo;
    ensureExportFolder(this.options.folder);
    const interrupted = await database.write((tx) => failInterruptedExports(tx, database.tables, clock.now()));
    for (const jobId of interrupted) deleteExportFiles(this.options.folder, jobId);
    await this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep().catch((error: unknown) => this.options.logger.error({ err: error }, "export sweep failed")), EXPORT_SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  /** Deletes the files of every expired job and notes it; returns how many jobs were swept. */
  async sweep(): Promise<number> {
    const { database, clock, folder } = this.options;
    const expired = await expiredExportJobs(database.read, database.tables, clock.now());
    for (const job of expired) deleteExportFiles(folder, job.id);
    await database.write((tx) => markExportFilesDeleted(tx, database.tables, expired.map((job) => job.id), clock.now()));
    return expired.length;
  }

  /** Queues a job that was just created; it runs after those before it. */
  enqueue(jobId: string): void {
    if (this.stopping) return;
    this.queue.push(jobId);
    this.working ??= this.drain().finally(() => {
      this.working = null;
    });
  }

  /** An Apollo plugin that stops the runner when the server stops, before the database is closed. */
  plugin(): ApolloServerPlugin<RequestContext> {
    return {
      serverWillStart: async () => ({
        serverWillStop: () => this.stop(),
      }),
    };
  }

  /** Stops taking jobs; the running one stops after its current page and is failed as interrupted. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.queue.length = 0;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.working;
  }

  private async drain(): Promise<void> {
    for (let jobId = this.queue.shift(); jobId !== undefined && !this.stopping; jobId = this.queue.shift()) {
      try {
        await this.run(jobId);
      } catch (error) {
        this.options.logger.error({ err: error, jobId }, "an export job could not be recorded as finished");
      }
    }
  }

  private environment(): ExportJobEnvironment {
    const { database, clock, logger, folder } = this.options;
    return { database, clock, logger, folder, isStopping: () => this.stopping };
  }

  private async run(jobId: string): Promise<void> {
    const { database, clock, logger, folder } = this.options;
    const t = database.tables;
    const job = await exportJobById(database.read, t, jobId);
    if (!job || !(await database.write((tx) => markExportRunning(tx, t, jobId, clock.now())))) return;
    const apollo = this.apollo;
    if (!apollo) throw new Error("The export runner ran a job before it was started");
    let outcome: ExportJobOutcome;
    try {
      outcome = job.kind === "NATIONAL_EXTRACT" ? await runNationalExtract(job, this.environment()) : await runGraphqlExport(job, this.environment(), apollo, await waymarkSchema());
    } catch (error) {
      if (error instanceof ExportShapeError) {
        outcome = { status: "FAILED", message: error.message };
      } else {
        logger.error({ err: error, jobId }, "an export job failed");
        outcome = { status: "FAILED", message: "Something went wrong on the server while exporting; the export stopped. Try again, or ask an admin to check the server's log." };
      }
    }
    if (outcome.status === "COMPLETED") {
      const completed = await database.write((tx) =>
        finishExportJob(tx, t, jobId, { status: "COMPLETED", rowsWritten: outcome.rowsWritten, ...(outcome.validation ? { validation: outcome.validation } : {}) }, clock.now()),
      );
      // Cancelled between its last page and now: the file goes, as for any cancelled job.
      if (!completed) deleteExportFiles(folder, jobId);
      return;
    }
    deleteExportFiles(folder, jobId);
    if (outcome.status === "CANCELLED") return;
    const message = outcome.status === "STOPPED" ? "The server stopped before this export finished. Start it again." : outcome.message;
    await database.write((tx) => finishExportJob(tx, t, jobId, { status: "FAILED", errorMessage: message }, clock.now()));
  }
}
