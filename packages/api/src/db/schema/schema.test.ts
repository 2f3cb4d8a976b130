import { getTableConfig as pgTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { is, Table } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as pgSchema from "./pg.js";
import * as sqliteSchema from "./sqlite.js";

/** The shape both dialects must share: tables, columns with nullability and keys, indexes, references. */
function shapeOf(config: {
  name: string;
  columns: { name: string; notNull: boolean; primary: boolean; hasDefault: boolean }[];
  indexes: { config: { name: string; unique: boolean; columns: unknown[] } }[];
  foreignKeys: { reference(): { columns: { name: string }[]; foreignTable: unknown; foreignColumns: { name: string }[] } }[];
  primaryKeys: { columns: { name: string }[] }[];
}) {
  return {
    name: config.name,
    columns: config.columns.map((column) => ({ name: column.name, notNull: column.notNull, primary: column.primary, hasDefault: column.hasDefault })).sort((a, b) => a.name.localeCompare(b.name)),
    indexes: config.indexes.map((index) => ({ name: index.config.name, unique: index.config.unique, columns: index.config.columns.length })).sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: config.foreignKeys
      .map((key) => {
        const reference = key.reference();
        return `${reference.columns.map((column) => column.name).join(",")}->${reference.foreignColumns.map((column) => column.name).join(",")}`;
      })
      .sort(),
    primaryKeys: config.primaryKeys.map((key) => key.columns.map((column) => column.name).join(",")).sort(),
  };
}

/**
 * Drizzle marks every SQLite INTEGER PRIMARY KEY as having a default: SQLite makes such a column the row's id
 * and fills it when an insert leaves it out. Only one declared AUTOINCREMENT (a `serialId`) is meant to be
 * filled; any other (audit_event_people.event_id, always written) has no default in Postgres, and that is
 * SQLite's storage, not a difference between the schemas.
 */
function withoutRowidDefaults(config: ReturnType<typeof sqliteTableConfig>) {
  const columns = config.columns.map((column) => {
    const rowid = column.primary && column.getSQLType() === "integer" && !(column as { autoIncrement?: boolean }).autoIncrement;
    return rowid ? { name: column.name, notNull: column.notNull, primary: column.primary, hasDefault: column.default !== undefined } : column;
  });
  return { ...config, columns };
}

const tablesOf = (schema: Record<string, unknown>) => Object.entries(schema).filter(([, value]) => is(value, Table));

describe("the SQLite and Postgres schemas", () => {
  it("define the same tables under the same names", () => {
    expect(tablesOf(pgSchema).map(([name]) => name).sort()).toEqual(tablesOf(sqliteSchema).map(([name]) => name).sort());
  });

  for (const [name, sqliteTable] of tablesOf(sqliteSchema)) {
    it(`agree on table ${name}: columns, nullability, keys, indexes and references`, () => {
      const pgTable = (pgSchema as Record<string, unknown>)[name] as PgTable;
      expect(shapeOf(pgTableConfig(pgTable) as never)).toEqual(shapeOf(withoutRowidDefaults(sqliteTableConfig(sqliteTable as SQLiteTable)) as never));
    });
  }
});
