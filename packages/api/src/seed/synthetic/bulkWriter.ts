import type BetterSqlite3 from "better-sqlite3";
import { getTableColumns, getTableName, type Table } from "drizzle-orm";
import type pg from "pg";
import type { Database, Tables } from "../../db/database.js";

/** The clinical tables the generator fills, by their key in the schema module. */
export type BulkTable =
  | "serviceUsers"
  | "episodes"
  | "problemSubstances"
  | "assessments"
  | "recoveryPlans"
  | "planGoals"
  | "reviews"
  | "interventions"
  | "outcomeRecords"
  | "contacts"
  | "harmReductionRecords";

/** Rows keyed as in the schema module (camelCase), with the values drizzle would take. */
export type BulkRow = Record<string, unknown>;

interface ColumnPlan {
  readonly key: string;
  readonly name: string;
  readonly toDriver: (value: unknown) => unknown;
  readonly fallback: unknown;
}

/** Each column's name and driver conversion (JSON, booleans, instants) taken from the dialect's own schema. */
function columnPlan(table: Table): ColumnPlan[] {
  return Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    name: column.name,
    toDriver: (value: unknown) => column.mapToDriverValue(value),
    fallback: column.default ?? null,
  }));
}

function driverValues(plan: readonly ColumnPlan[], row: BulkRow): unknown[] {
  return plan.map((column) => {
    // A key left out takes the column's default (a version of 1, no DNAs yet), as an insert through the ORM would.
    const value = row[column.key] === undefined ? column.fallback : row[column.key];
    return value === null ? null : column.toDriver(value);
  });
}

/**
 * Writes generated rows straight to the tables, bypassing the API and the ORM's query building: a large
 * provider is millions of rows, and going through the mutations would take hours. What is written is still
 * computed by core (the episode summaries), so it is what the mutations would have written.
 */
export interface BulkWriter {
  /** Writes the rows of one batch of people in one transaction. */
  write(batch: ReadonlyMap<BulkTable, readonly BulkRow[]>): Promise<void>;
  finish(): Promise<void>;
}

const TABLE_ORDER: readonly BulkTable[] = [
  "serviceUsers",
  "episodes",
  "problemSubstances",
  "assessments",
  "recoveryPlans",
  "planGoals",
  "reviews",
  "interventions",
  "outcomeRecords",
  "contacts",
  "harmReductionRecords",
];

function sqliteWriter(connection: BetterSqlite3.Database, tables: Tables): BulkWriter {
  // FULL sync per batch would make the seed disk-bound for no gain: a seed that dies is simply run again.
  connection.pragma("synchronous = OFF");
  // Room for the indexes' pages while millions of rows go in; given back when the seed's connection closes.
  connection.pragma("cache_size = -262144");
  const statements = new Map<BulkTable, { plan: ColumnPlan[]; insert: BetterSqlite3.Statement }>();
  for (const key of TABLE_ORDER) {
    const table = tables[key] as unknown as Table;
    const plan = columnPlan(table);
    const sql = `insert into "${getTableName(table)}" (${plan.map((column) => `"${column.name}"`).join(", ")}) values (${plan.map(() => "?").join(", ")})`;
    statements.set(key, { plan, insert: connection.prepare(sql) });
  }
  const writeBatch = connection.transaction((batch: ReadonlyMap<BulkTable, readonly BulkRow[]>) => {
    for (const key of TABLE_ORDER) {
      const statement = statements.get(key);
      if (!statement) continue;
      for (const row of batch.get(key) ?? []) statement.insert.run(driverValues(statement.plan, row));
    }
  });
  return {
    async write(batch) {
      writeBatch(batch);
    },
    async finish() {
      connection.pragma("synchronous = FULL");
      connection.pragma("wal_checkpoint(TRUNCATE)");
      connection.exec("ANALYZE");
    },
  };
}

/** Postgres accepts at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;

function postgresWriter(pool: pg.Pool, tables: Tables): BulkWriter {
  const plans = new Map<BulkTable, { plan: ColumnPlan[]; name: string }>();
  for (const key of TABLE_ORDER) {
    const table = tables[key] as unknown as Table;
    plans.set(key, { plan: columnPlan(table), name: getTableName(table) });
  }
  return {
    async write(batch) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        for (const key of TABLE_ORDER) {
          const target = plans.get(key);
          const rows = batch.get(key) ?? [];
          if (!target || rows.length === 0) continue;
          const width = target.plan.length;
          const rowsPerStatement = Math.floor(MAX_PARAMETERS / width);
          for (let start = 0; start < rows.length; start += rowsPerStatement) {
            const chunk = rows.slice(start, start + rowsPerStatement);
            const values: unknown[] = [];
            const tuples = chunk.map((row, rowIndex) => {
              values.push(...driverValues(target.plan, row));
              return `(${target.plan.map((_, columnIndex) => `$${rowIndex * width + columnIndex + 1}`).join(", ")})`;
            });
            await client.query(`insert into "${target.name}" (${target.plan.map((column) => `"${column.name}"`).join(", ")}) values ${tuples.join(", ")}`, values);
          }
        }
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw error;
      } finally {
        client.release();
      }
    },
    async finish() {
      await pool.query("analyze");
    },
  };
}

/** A bulk writer for the database's dialect, on its own write connection. */
export function bulkWriterFor(database: Database): BulkWriter {
  const handles = database as Database & { writer?: BetterSqlite3.Database; pool?: pg.Pool };
  if (database.dialect === "sqlite" && handles.writer) return sqliteWriter(handles.writer, database.tables);
  if (database.dialect === "postgres" && handles.pool) return postgresWriter(handles.pool, database.tables);
  throw new Error(`No bulk writer for a ${database.dialect} database opened this way`);
}
