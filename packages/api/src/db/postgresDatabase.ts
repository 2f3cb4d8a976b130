import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as pgSchema from "./schema/pg.js";
import type { Database, Db, Tables } from "./database.js";

/** Postgres error code for a transaction that lost a race under SERIALIZABLE. */
const SERIALIZATION_FAILURE = "40001";
const DEADLOCK_DETECTED = "40P01";
const MAX_ATTEMPTS = 5;

/** Opens a Postgres connection pool for `url` (postgres://…). */
export function openPostgresDatabase(url: string, onConnectionError: (error: Error) => void = () => undefined): Database & { readonly pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (a restart, a failover) must not crash the process: the pool
  // replaces it, and the next query either succeeds or fails on its own request.
  pool.on("error", onConnectionError);
  let statements = 0;
  const logger = { logQuery: () => void (statements += 1) };
  const db = drizzle(pool, { schema: pgSchema, logger });
  // Same tables and columns as SQLite (schema.test.ts proves it), so repositories use one set of types.
  const tables = pgSchema as unknown as Tables;
  const asDb = (handle: unknown) => handle as Db;

  return {
    dialect: "postgres",
    tables,
    read: asDb(db),
    pool,
    async write<T>(work: (tx: Db) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await db.transaction((tx) => work(asDb(tx)), { isolationLevel: "serializable" });
        } catch (error) {
          const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
          if ((code === SERIALIZATION_FAILURE || code === DEADLOCK_DETECTED) && attempt < MAX_ATTEMPTS) continue;
          throw error;
        }
      }
    },
    statementCount: () => statements,
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
