import { getTableName, type Column, type InferSelectModel } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database } from "./database.js";
import { inKeys, keysFor, preparedSelect } from "./preparedSelect.js";

/** Reads the rows of a table whose key column holds any of the given values. */
export type RowsWithKeys<T extends SQLiteTable> = (keys: readonly string[]) => Promise<InferSelectModel<T>[]>;

/**
 * `select * from table where column in (keys)` as one statement prepared once per database, however many
 * keys a request brings. A page of the product runs a dozen of these per request, one per relation.
 */
export function rowsWithKeys<T extends SQLiteTable>(database: Database, table: T, column: Column): RowsWithKeys<T> {
  const select = preparedSelect<InferSelectModel<T>>(database, `rows_with_keys_${getTableName(table)}_${column.name}`, (db) =>
    db.select().from(table as SQLiteTable).where(inKeys(database, column, "keys")),
  );
  return (keys) => select({ keys: keysFor(database, keys) });
}
