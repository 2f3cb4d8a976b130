import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as pgSchema from "./schema/pg.js";
import { sql, type SQL } from "drizzle-orm";
import { statementLog, type Database, type Db, type Tables, type WriteOptions } from "./database.js";

/** Postgres error code for a transaction that lost a race under SERIALIZABLE. */
const SERIALIZATION_FAILURE = "40001";
const DEADLOCK_DETECTED = "40P01";
const MAX_ATTEMPTS = 12;

/**
 * How long to wait before another attempt: a random share of a window that doubles each time (capped), so
 * transactions that collided once do not collide again in lockstep.
 */
function retryDelayMs(attempt: number): number {
  return Math.random() * Math.min(200, 5 * 2 ** attempt);
}

/** The SQLSTATE of a driver error, whether drizzle wrapped it or not. */
function sqlStateOf(error: unknown): string | undefined {
  for (let current: unknown = error; current && typeof current === "object"; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** Opens a Postgres connection pool for `url` (postgres://…). */
export function openPostgresDatabase(url: string, onConnectionError: (error: Error) => void = () => undefined): Database & { readonly pool: pg.Pool } {
  // Without PostgreSQL's JIT compilation (on by default since 13): it compiles every plan whose estimated cost
  // passes a threshold, and Waymark's statements run for milliseconds or, for a year's indicators, a second or
  // two. On 20,000 people the K-1..K-14 report took 3.1 to 3.4 s with it (K-3's plan alone spent 1.3 s being
  // compiled for 0.7 s of running) and 1.6 to 2.4 s without.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: "-c jit=off" });
  // An idle connection dropped by the server (a restart, a failover) must not crash the process: the pool
  // replaces it, and the next query either succeeds or fails on its own request.
  pool.on("error", onConnectionError);
  const log = statementLog();
  const logger = log.logger;
  const db = drizzle(pool, { schema: pgSchema, logger });
  // Same tables and columns as SQLite (schema.test.ts proves it), so repositories use one set of types.
  const tables = pgSchema as unknown as Tables;
  const asDb = (handle: unknown) => handle as Db;

  return {
    dialect: "postgres",
    tables,
    read: asDb(db),
    pool,
    async write<T>(work: (tx: Db) => Promise<T>, options: WriteOptions = {}): Promise<T> {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await db.transaction(
            async (tx) => {
              // Postgres's equivalent of SQLite's deferred sync: the commit is in the WAL buffers (the server
              // process dying loses nothing already answered by it) and the WAL writer flushes it moments later.
              if (options.durability === "process") await tx.execute(sql`set local synchronous_commit = off`);
              return work(asDb(tx));
            },
            { isolationLevel: "serializable" },
          );
        } catch (error) {
          const code = sqlStateOf(error);
          if ((code === SERIALIZATION_FAILURE || code === DEADLOCK_DETECTED) && attempt < MAX_ATTEMPTS) {
            await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt)));
            continue;
          }
          throw error;
        }
      }
    },
    async eachRow<Row>(query: SQL, visit: (row: Row) => void): Promise<void> {
      const result = await db.execute(query);
      for (const row of result.rows) visit(row as Row);
    },
    async readInBackground<Row>(query: SQL): Promise<Row[]> {
      return (await db.execute(query)).rows as Row[];
    },
    changeMark: () => null,
    statementCount: log.count,
    noteStatement: log.note,
    observeStatements: log.observe,
    async ping() {
      try {
        await pool.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}
