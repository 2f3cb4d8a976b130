import type BetterSqlite3 from "better-sqlite3";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often the background connection copies committed pages from the write-ahead log into the database. */
const CHECKPOINT_EVERY_MS = 250;
/** SQLite's own default: after a commit that leaves the log this many pages long, that commit checkpoints. */
const AUTOMATIC_CHECKPOINT_PAGES = 1000;
/** A log that has grown past this is cut back to it once checkpointed, so a burst of writes does not keep the disk. */
const LOG_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

// Plain CommonJS run as the worker's source, so it needs no file of its own beside the bundled server.
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const connection = new Database(workerData.file, { fileMustExist: true });
connection.pragma("busy_timeout = 5000");
connection.pragma("synchronous = FULL");
const timer = setInterval(() => connection.pragma("wal_checkpoint(PASSIVE)"), workerData.everyMs);
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

/**
 * Checkpoints the database from a worker thread instead of inside whichever commit happens to fill the log.
 *
 * SQLite checkpoints automatically at the end of a commit once the write-ahead log passes a thousand pages,
 * and a checkpoint writes those pages into the database file and syncs it. better-sqlite3 is synchronous, so
 * that stalled the whole server: every request waiting behind the unlucky commit, a read audit's most often.
 * A passive checkpoint on a connection of its own, in its own thread, does the same work while the server
 * goes on answering; it never blocks readers or the writer.
 *
 * Should the worker stop, the writer takes automatic checkpoints back, so the log never grows without end.
 */
export function checkpointInBackground(file: string, writer: BetterSqlite3.Database): Checkpointer {
  writer.pragma(`journal_size_limit = ${LOG_SIZE_LIMIT_BYTES}`);
  writer.pragma("wal_autocheckpoint = 0");
  const worker = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve("better-sqlite3"), everyMs: CHECKPOINT_EVERY_MS },
  });
  // The server may exit while the worker sleeps between checkpoints.
  worker.unref();
  let stopping = false;
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
