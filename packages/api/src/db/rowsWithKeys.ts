import { getTableName, sql, type Column, type InferSelectModel } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database } from "./database.js";

/** Reads the rows of a table whose key column holds any of the given values. */
export type RowsWithKeys<T extends SQLiteTable> = (keys: readonly string[]) => Promise<InferSelectModel<T>[]>;

const prepared = new WeakMap<Database, Map<string, RowsWithKeys<SQLiteTable>>>();

/**
 * `select * from table where column in (keys)` as one statement prepared once per database, however many
 * keys a request brings: the keys travel as a single parameter (a JSON array unpacked by json_each on SQLite,
 * an array on Postgres). A page of the product runs a dozen of these per request; building each afresh with
 * the query builder cost more than the database took to answer it.
 */
export function rowsWithKeys<T extends SQLiteTable>(database: Database, table: T, column: Column): RowsWithKeys<T> {
  let byName = prepared.get(database);
  if (!byName) prepared.set(database, (byName = new Map()));
  const name = `rows_with_keys_${getTableName(table)}_${column.name}`;
  const existing = byName.get(name);
  if (existing) return existing as unknown as RowsWithKeys<T>;
  const select = database.read.select().from(table as SQLiteTable);
  let read: RowsWithKeys<SQLiteTable>;
  if (database.dialect === "postgres") {
    const query = select.where(sql`${column} = any(${sql.placeholder("keys")})`) as unknown as { prepare(name: string): { execute(values: object): Promise<InferSelectModel<SQLiteTable>[]> } };
    const statement = query.prepare(name);
    read = (keys) => statement.execute({ keys: [...keys] });
  } else {
    const statement = select.where(sql`${column} in (select value from json_each(${sql.placeholder("keys")}))`).prepare();
    read = async (keys) => statement.all({ keys: JSON.stringify(keys) }) as InferSelectModel<SQLiteTable>[];
  }
  byName.set(name, read);
  return read as unknown as RowsWithKeys<T>;
}
