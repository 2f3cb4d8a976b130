import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/**
 * How many report statements run at once. better-sqlite3 is synchronous: a statement run in the server's thread
 * holds up every other request until it ends, and a year's indicators on a large provider are statements of up
 * to two seconds each. On connections of their own in worker threads they run beside the requests, and, WAL
 * letting readers read side by side, two of them run at once where the machine has the cores: a report's
 * independent statements then take about half as long. Two at most, so a report never takes every core from
 * the keyworkers' requests on a bigger machine either, and its statements' working memory stays bounded.
 */
const READERS = Math.max(1, Math.min(2, availableParallelism()));

/** Statements a reader keeps prepared: a report's fifteen, whichever breakdown and filter. */
const PREPARED_PER_READER = 64;

/**
 * Page cache per reader, in KiB: SQLite's own default of 2 MB. A year's indicators scan more of the file than
 * any cache would keep, so a bigger one gains them nothing (on 100,000 people a report took as long with 2 MB
 * as with 4 MB), while the readers' caches come on top of the server's own: the driver's default of 16 MB each
 * took a report's run past the server's memory budget, and 2 MB keeps it some 40 MB lower than 4 MB did.
 */
const CACHE_KIB_PER_READER = 2000;

/**
 * A reader's young generation, in MB. V8 lets each thread's grow to some 48 MB, and a reader turning a report's
 * rows into objects would take that much on top of the server's own: its objects live for one batch or one
 * answer, so a small nursery collects them as well.
 */
const YOUNG_GENERATION_MB_PER_READER = 8;

/**
 * How long readers are kept once no statement is left for them. A report leaves each reader holding some 50 MB
 * (its thread's heap, and what SQLite allocated for the statements' temporary tables): measured on 100,000
 * people, the server stood at 300 MB after one report with its readers kept, and at 188 MB once they stopped.
 * Reports come a few times a day, and a reader starts again in some 30 to 40 ms (a report takes seconds); ten
 * seconds still keeps them for an analyst moving from one breakdown to the next.
 */
const IDLE_MS = 10_000;

/** Rows a streamed statement sends per message, and messages it may have sent ahead of those visited. */
const STREAM_BATCH_ROWS = 1000;
const STREAM_BATCHES_AHEAD = 2;

// Plain CommonJS run as the worker's source, so it needs no file of its own beside the bundled server.
// A streamed statement waits (Atomics.wait on the shared counters: [batches visited, stop asked]) whenever it is
// more than a couple of batches ahead of the server, so rows never pile up in memory faster than they are used.
const READER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const connection = new Database(workerData.file, { readonly: true, fileMustExist: true });
connection.pragma("busy_timeout = 5000");
connection.pragma("cache_size = -" + workerData.cacheKib);
const prepared = new Map();
function statementOf(source) {
  let statement = prepared.get(source);
  if (!statement) {
    if (prepared.size >= workerData.preparedLimit) prepared.clear();
    statement = connection.prepare(source);
    prepared.set(source, statement);
  }
  return statement;
}
function stream(message) {
  const flow = new Int32Array(message.flow);
  let sent = 0;
  let batch = [];
  const send = () => {
    parentPort.postMessage({ batch });
    batch = [];
    sent += 1;
    while (Atomics.load(flow, 1) === 0 && sent - Atomics.load(flow, 0) > workerData.batchesAhead) Atomics.wait(flow, 0, Atomics.load(flow, 0), 1000);
  };
  for (const row of statementOf(message.sql).iterate(...message.params)) {
    batch.push(row);
    if (batch.length >= workerData.batchRows) {
      send();
      if (Atomics.load(flow, 1) !== 0) return;
    }
  }
  if (batch.length > 0) send();
}
parentPort.on("message", (message) => {
  if (message === "stop") {
    connection.close();
    parentPort.close();
    return;
  }
  try {
    if (message.flow) {
      stream(message);
      parentPort.postMessage({ done: true });
    } else {
      parentPort.postMessage({ rows: statementOf(message.sql).all(...message.params) });
    }
  } catch (error) {
    parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

interface Job {
  readonly sql: string;
  readonly params: readonly unknown[];
  /** For a streamed statement: where its rows go, and the counters it waits on. */
  readonly stream?: { readonly visit: (row: unknown) => void; readonly flow: Int32Array; failure?: unknown };
  resolve(rows: unknown[]): void;
  reject(error: unknown): void;
}

interface Reader {
  readonly worker: Worker;
  job: Job | null;
}

type Answer = { rows: unknown[] } | { batch: unknown[] } | { done: true } | { error: { message: string; code?: string } };

export interface BackgroundReads {
  /** Runs a read-only statement on a reader connection outside the server's thread and resolves with its rows (objects keyed by column alias). */
  all<Row>(sql: string, params: readonly unknown[]): Promise<Row[]>;
  /**
   * Runs a read-only statement there and hands its rows to `visit` as they arrive, a batch at a time, holding
   * only a few batches at once; resolves when the last has been visited. Should `visit` throw, the statement
   * stops and the promise rejects with that error.
   */
  each<Row>(sql: string, params: readonly unknown[], visit: (row: Row) => void): Promise<void>;
  /** Reader threads running now: none until a statement comes, and none again once they have been idle a while. */
  readersRunning(): number;
  /** Stops the readers; statements not yet started are refused. */
  stop(): Promise<void>;
}

/** A failed statement, with SQLite's message and code as the driver gives them in the server's own thread. */
export class BackgroundReadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "SqliteError";
  }
}

/**
 * Read-only connections to the SQLite file, each in a worker thread of its own, started when needed (a server
 * that never runs a report pays nothing) and stopped when idle for a while. Statements queue in the
 * order asked and go to whichever reader is free. Each sees the database as last committed when it starts, as
 * the server's own read connection does.
 */
export function backgroundReads(file: string, readers = READERS, idleMs = IDLE_MS): BackgroundReads {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const running: Reader[] = [];
  const waiting: Job[] = [];
  let stopped = false;

  const finish = (reader: Reader, settle: (job: Job) => void) => {
    const job = reader.job;
    reader.job = null;
    if (job) settle(job);
    next();
  };

  const answered = (reader: Reader, answer: Answer) => {
    const job = reader.job;
    if ("batch" in answer) {
      const stream = job?.stream;
      if (!stream) return;
      if (stream.failure === undefined) {
        try {
          for (const row of answer.batch) stream.visit(row);
        } catch (error) {
          stream.failure = error;
          Atomics.store(stream.flow, 1, 1);
        }
      }
      Atomics.add(stream.flow, 0, 1);
      Atomics.notify(stream.flow, 0);
      return;
    }
    if ("error" in answer) return finish(reader, (done) => done.reject(new BackgroundReadError(answer.error.message, answer.error.code)));
    if ("done" in answer) return finish(reader, (done) => (done.stream?.failure !== undefined ? done.reject(done.stream.failure) : done.resolve([])));
    finish(reader, (done) => done.resolve(answer.rows));
  };

  const start = (): Reader => {
    const worker = new Worker(READER_SOURCE, {
      eval: true,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB_PER_READER },
      workerData: { file, driver, cacheKib: CACHE_KIB_PER_READER, preparedLimit: PREPARED_PER_READER, batchRows: STREAM_BATCH_ROWS, batchesAhead: STREAM_BATCHES_AHEAD },
    });
    // An idle reader must not keep a finished process alive.
    worker.unref();
    const reader: Reader = { worker, job: null };
    worker.on("message", (answer: Answer) => answered(reader, answer));
    // A reader that dies fails its own statement only; the next statement starts a new one.
    const lost = (error: Error) => {
      const index = running.indexOf(reader);
      if (index >= 0) running.splice(index, 1);
      finish(reader, (job) => job.reject(error));
    };
    worker.once("error", lost);
    worker.once("exit", (code) => lost(new Error(`A background reader stopped (exit ${code})`)));
    running.push(reader);
    return reader;
  };

  // Readers left with nothing to do for IDLE_MS are stopped, and started again when the next statement comes.
  let idleTimer: NodeJS.Timeout | null = null;
  const stopIdleReaders = () => {
    idleTimer = null;
    for (const reader of running.filter((candidate) => candidate.job === null)) {
      running.splice(running.indexOf(reader), 1);
      reader.worker.postMessage("stop");
    }
  };

  const next = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    while (!stopped && waiting.length > 0) {
      const reader = running.find((candidate) => candidate.job === null) ?? (running.length < readers ? start() : null);
      if (!reader) break;
      const job = waiting.shift() as Job;
      reader.job = job;
      // Held while it works, so a shutdown waits for the statement rather than cutting it off.
      reader.worker.ref();
      reader.worker.postMessage({ sql: job.sql, params: job.params, flow: job.stream?.flow.buffer });
    }
    for (const reader of running) if (reader.job === null) reader.worker.unref();
    if (!stopped && running.length > 0 && running.every((reader) => reader.job === null)) {
      idleTimer = setTimeout(stopIdleReaders, idleMs);
      idleTimer.unref();
    }
  };

  const enqueue = (job: Omit<Job, "resolve" | "reject">) =>
    new Promise<unknown[]>((resolve, reject) => {
      if (stopped) return reject(new Error("The database is closed"));
      waiting.push({ ...job, resolve, reject });
      next();
    });

  return {
    all: <Row>(sql: string, params: readonly unknown[]) => enqueue({ sql, params }) as Promise<Row[]>,
    async each<Row>(sql: string, params: readonly unknown[], visit: (row: Row) => void) {
      const flow = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
      await enqueue({ sql, params, stream: { visit: visit as (row: unknown) => void, flow } });
    },
    readersRunning: () => running.length,
    async stop() {
      stopped = true;
      if (idleTimer) clearTimeout(idleTimer);
      for (const job of waiting.splice(0)) job.reject(new Error("The database is closed"));
      await Promise.all(
        running.splice(0).map(
          (reader) =>
            new Promise<void>((resolve) => {
              reader.worker.once("exit", () => resolve());
              reader.worker.postMessage("stop");
            }),
        ),
      );
    },
  };
}
