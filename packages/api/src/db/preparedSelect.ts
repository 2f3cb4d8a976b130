import { Param, sql, type Column, type SQL } from "drizzle-orm";
import type { Database, Db } from "./database.js";
import { prepareSelect } from "./statementsByShape.js";

/** A statement prepared once per database, run with the values of its named placeholders. */
export type PreparedSelect<Row> = (values: Record<string, unknown>) => Promise<Row[]>;

const preparedByDatabase = new WeakMap<Database, Map<string, PreparedSelect<unknown>>>();

/**
 * A select that every request runs (signing in the viewer, loading a relation) is built by the query builder
 * once per database and prepared, instead of being built afresh on each request: building it cost more than
 * the database took to answer it. `build` writes the query with `sql.placeholder(name)` (or `valueOf` where a
 * column's encoding applies, as for instants) in place of the values; `name` must be unique to the statement,
 * as Postgres prepares it under that name.
 */
export function preparedSelect<Row>(database: Database, name: string, build: (db: Db) => unknown): PreparedSelect<Row> {
  let byName = preparedByDatabase.get(database);
  if (!byName) preparedByDatabase.set(database, (byName = new Map()));
  const existing = byName.get(name);
  if (existing) return existing as PreparedSelect<Row>;
  // SQLite's prepare takes no name and ignores one; Postgres's needs it.
  const statement = prepareSelect<Row>(build(database.read), name);
  const run: PreparedSelect<Row> = (values) => statement.execute(values);
  byName.set(name, run as PreparedSelect<unknown>);
  return run;
}

/** A placeholder for a value of `column`, encoded as the column stores it (an instant as a number on SQLite). */
export function valueOf(column: Column, placeholder: string): Param {
  return new Param(sql.placeholder(placeholder), column);
}

/**
 * `column in (the placeholder's keys)`, however many keys there are, in one statement text: the keys are a
 * JSON array unpacked by json_each on SQLite and an array on Postgres. Pass the keys through `keysFor`.
 */
export function inKeys(database: Database, column: Column, placeholder: string): SQL {
  return database.dialect === "postgres"
    ? sql`${column} = any(${sql.placeholder(placeholder)})`
    : sql`${column} in (select value from json_each(${sql.placeholder(placeholder)}))`;
}

/** The value for an `inKeys` placeholder. */
export function keysFor(database: Database, keys: readonly string[]): unknown {
  return database.dialect === "postgres" ? [...keys] : JSON.stringify(keys);
}
