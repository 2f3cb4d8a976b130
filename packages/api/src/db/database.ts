import type { SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as sqliteSchema from "./schema/sqlite.js";

/**
 * The query builder every repository uses. Both dialects' schemas have the same tables and columns, and the
 * parts of drizzle's builder Waymark uses (select, insert, update with `returning`, awaited) behave the same
 * on both, so repositories are written once against the SQLite types and run on either.
 */
export type Db = BetterSQLite3Database<typeof sqliteSchema>;
export type Tables = typeof sqliteSchema;
export type Dialect = "sqlite" | "postgres";

export interface Database {
  readonly dialect: Dialect;
  readonly tables: Tables;
  /** For reads outside a write. On SQLite this is its own connection, so it never sees uncommitted work. */
  readonly read: Db;
  /**
   * Runs `work` in one transaction: all of it is written or none. Writes are serialised (SQLite has one
   * writer; on Postgres the transaction is SERIALIZABLE and retried on a conflict), so two keyworkers racing
   * on one episode cannot both succeed on stale reads.
   */
  write<T>(work: (tx: Db) => Promise<T>, options?: WriteOptions): Promise<T>;
  /**
   * Runs a read statement and hands its rows (plain objects keyed by column alias) to `visit` one at a time.
   * On SQLite the statement runs on a background reader (db/backgroundReads) and its rows stream from there a
   * batch at a time, only a few batches held at once, so a report over a large provider's records neither holds
   * them all in memory nor the server's thread while it reads; on Postgres they arrive in one answer.
   */
  eachRow<Row>(query: SQL, visit: (row: Row) => void): Promise<void>;
  /**
   * Runs a long read statement (a report's) without holding up other requests, and resolves with its rows
   * (plain objects keyed by column alias). On SQLite it runs on a read-only connection in a worker thread
   * (db/backgroundReads), so the server's own thread goes on answering meanwhile; on Postgres it is a read like
   * any other, which waits on the network.
   */
  readInBackground<Row>(query: SQL): Promise<Row[]>;
  /**
   * A mark that moves whenever anything but the read audit trail may have been committed since it was last
   * taken: by this server's own writes or, on SQLite, by any other connection or process (a command run beside
   * the server). A value read from the database may be used again for as long as the mark stands (see
   * db/keptUntilChanged). Null where no such mark can be kept: on Postgres another server or a command may
   * commit unseen, so every value is read afresh.
   */
  changeMark(): string | null;
  /** SQL statements issued since start, for tests and benchmarks that count them. */
  statementCount(): number;
  /**
   * Counts a statement run on the driver itself rather than through the query builder (the read audit's insert
   * on SQLite), and shows it to observers, so statement counts and the query plan test see it like any other.
   */
  noteStatement(sql: string, params: readonly unknown[]): void;
  /**
   * Calls `listener` with every statement and its parameters until the returned function is called: for the
   * test that checks each benchmarked query's plan. Never used while serving (parameters hold personal data).
   */
  observeStatements(listener: StatementListener): () => void;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface WriteOptions {
  /**
   * "process" commits without waiting for the disk: the write survives the server process dying at once
   * (SIGKILL), and is made durable against power loss by the next full commit or checkpoint, moments later.
   * For the read audit trail only, which every page of the product writes; clinical records always take the
   * default, "disk", and are on disk before the caller hears they are saved. A "process" write changes
   * nothing else, so it leaves the database's change mark where it was.
   */
  readonly durability?: "disk" | "process";
}

export type StatementListener = (sql: string, params: readonly unknown[]) => void;

/** Counts statements and passes them to any observers: the drizzle logger both dialects use. */
export function statementLog() {
  let count = 0;
  const listeners = new Set<StatementListener>();
  const note = (sql: string, params: readonly unknown[]) => {
    count += 1;
    for (const listener of listeners) listener(sql, params);
  };
  return {
    logger: { logQuery: note },
    count: () => count,
    /** Counts and shows a statement the query builder did not run (Database.noteStatement). */
    note,
    observe(listener: StatementListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export { sqliteSchema };
