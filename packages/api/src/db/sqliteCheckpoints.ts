import type BetterSqlite3 from "better-sqlite3";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often the background connection copies committed pages from the write-ahead log into the database. */
const CHECKPOINT_EVERY_MS = 250;
/** SQLite's own default: after a commit that leaves the log this many pages long, that commit checkpoints. */
const AUTOMATIC_CHECKPOINT_PAGES = 1000;
/** A log that has grown past this is cut back to it once checkpointed, so a burst of writes does not keep the disk. */
const LOG_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
/** A log this long (16 MB), all checkpointed by the worker, is started over by the writer (see closeTheGap). */
const RESTART_LOG_PAGES = 4096;

// Plain CommonJS run as the worker's source, so it needs no file of its own beside the bundled server.
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const connection = new Database(workerData.file, { fileMustExist: true });
connection.pragma("busy_timeout = 5000");
connection.pragma("synchronous = FULL");
const timer = setInterval(() => {
  const [pass] = connection.pragma("wal_checkpoint(PASSIVE)");
  parentPort.postMessage(pass);
}, workerData.everyMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  connection.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** What a passive checkpoint reports: pages in the log, and how many of them are now in the database file. */
interface CheckpointPass {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

/**
 * Checkpoints the database from a worker thread instead of inside whichever commit happens to fill the log.
 *
 * SQLite checkpoints automatically at the end of a commit once the write-ahead log passes a thousand pages,
 * and a checkpoint writes those pages into the database file and syncs it. better-sqlite3 is synchronous, so
 * that stalled the whole server: every request waiting behind the unlucky commit, a read audit's most often.
 * A passive checkpoint on a connection of its own, in its own thread, does the same work while the server
 * goes on answering; it never blocks readers or the writer.
 *
 * SQLite starts the log over only when a write begins with every page of it already checkpointed. Under a steady
 * stream of commits (every request writes its read audit) that never happens: commits land while each pass
 * runs, so the pass always ends a few pages short, and the log grew by all that was written, some 16 MB a
 * second under the benchmark's load, each commit extending the file by blocks the filesystem had to allocate
 * and zero. So once a pass has checkpointed a log of 16 MB or more, the writer closes the gap itself between
 * two transactions (closeTheGap): a passive checkpoint of the few pages committed during the pass (a median of
 * 2 ms there, its syncs included), after which its next commit starts the log from the beginning.
 *
 * Should the worker stop, the writer takes automatic checkpoints back, so the log never grows without end.
 *
 * `betweenWrites` runs its work on the writer when no transaction is open on it (the write queue).
 */
export function checkpointInBackground(file: string, writer: BetterSqlite3.Database, betweenWrites: (work: () => void) => Promise<void>): Checkpointer {
  writer.pragma(`journal_size_limit = ${LOG_SIZE_LIMIT_BYTES}`);
  writer.pragma("wal_autocheckpoint = 0");
  const worker = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve("better-sqlite3"), everyMs: CHECKPOINT_EVERY_MS },
  });
  let stopping = false;
  const closeTheGap = () => {
    if (!stopping && writer.open && !writer.inTransaction) writer.pragma("wal_checkpoint(PASSIVE)");
  };
  worker.on("message", (pass: CheckpointPass) => {
    // A pass held short by a reader's older snapshot (a report running in the background) is left to the next.
    if (stopping || pass.log < RESTART_LOG_PAGES || pass.checkpointed < pass.log) return;
    betweenWrites(closeTheGap).catch((error: unknown) => {
      process.emitWarning(`Checkpointing the end of the write-ahead log failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  // The server may exit while the worker sleeps between checkpoints.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  const takeCheckpointsBack = (error?: unknown) => {
    if (stopping || !writer.open) return;
    writer.pragma(`wal_autocheckpoint = ${AUTOMATIC_CHECKPOINT_PAGES}`);
    process.emitWarning(`The background checkpoint worker stopped${error instanceof Error ? `: ${error.message}` : ""}; commits checkpoint the database again.`);
  };
  worker.once("error", takeCheckpointsBack);
  worker.once("exit", () => takeCheckpointsBack());
  return {
    async stop() {
      stopping = true;
      // Held again while it stops: otherwise a server with nothing else left to do would exit mid-shutdown.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
