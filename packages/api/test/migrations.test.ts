import BetterSqlite3 from "better-sqlite3";
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, expect, it } from "vitest";
import type { Dialect } from "../src/db/database.js";
import { migratePostgresDatabase, migrateSqliteDatabase } from "../src/db/migrate.js";
import * as pgSchema from "../src/db/schema/pg.js";
import { migrationsFolder } from "../src/paths.js";
import { describeEachDialect, freshDatabaseUrl } from "./databases.js";

/**
 * Migrations are tested on databases that hold data (ENGINEERING.md): a migration that rebuilds a table can
 * silently lose or orphan rows, which an empty test database never shows. Tables and columns are read from
 * the database itself, not from the current schema modules, so a database at any earlier migration gets
 * rows in exactly the tables and columns it has.
 */

interface JournalEntry {
  readonly idx: number;
  readonly when: number;
  readonly tag: string;
  readonly [key: string]: unknown;
}
interface Journal {
  readonly entries: readonly JournalEntry[];
  readonly [key: string]: unknown;
}

interface ColumnInfo {
  readonly name: string;
  readonly sqlType: string;
  /** Filled in by the database (identity or rowid alias), so the test leaves it out of inserts. */
  readonly generated: boolean;
}
interface ForeignKey {
  readonly column: string;
  readonly refTable: string;
  readonly refColumn: string;
  readonly onDelete: string;
}
interface TableInfo {
  readonly name: string;
  readonly columns: readonly ColumnInfo[];
  readonly primaryKey: readonly string[];
  readonly foreignKeys: readonly ForeignKey[];
}

type Row = Record<string, unknown>;

/** One database under test, in either dialect, reached without the application's own layers. */
interface MigrationTarget {
  readonly dialect: Dialect;
  migrate(folder: string): Promise<void>;
  tables(): Promise<TableInfo[]>;
  insert(table: string, row: Row): Promise<Row>;
  select(table: string, orderBy: readonly string[]): Promise<Row[]>;
  appliedMigrations(): Promise<number>;
  close(): Promise<void>;
}

const MIGRATIONS_TABLE = "__drizzle_migrations";
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function openSqliteTarget(): Promise<MigrationTarget & { readonly connection: BetterSqlite3.Database }> {
  const folder = mkdtempSync(join(tmpdir(), "waymark-migrations-"));
  const connection = new BetterSqlite3(join(folder, "waymark.sqlite"));
  connection.pragma("foreign_keys = ON");
  return {
    dialect: "sqlite",
    connection,
    async migrate(migrations) {
      migrateSqliteDatabase(connection, migrations);
    },
    async tables() {
      const names = connection
        .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> ? order by name`)
        .pluck()
        .all(MIGRATIONS_TABLE) as string[];
      return names.map((name) => {
        const columns = connection.prepare(`select * from pragma_table_info(?)`).all(name) as { name: string; type: string; pk: number }[];
        const keys = connection.prepare(`select * from pragma_foreign_key_list(?)`).all(name) as { from: string; table: string; to: string | null; on_delete: string }[];
        const primaryKey = columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
        const rowidAlias = primaryKey.length === 1 && columns.some((column) => column.pk === 1 && column.type.toUpperCase() === "INTEGER");
        return {
          name,
          columns: columns.map((column) => ({ name: column.name, sqlType: column.type.toLowerCase(), generated: rowidAlias && column.pk === 1 })),
          primaryKey,
          foreignKeys: keys.map((key) => ({ column: key.from, refTable: key.table, refColumn: key.to ?? "rowid", onDelete: key.on_delete.toUpperCase() })),
        };
      });
    },
    async insert(table, row) {
      const names = Object.keys(row);
      const values = names.map((name) => sqliteValue(row[name]));
      const columnList = names.length ? `(${names.map(quote).join(", ")}) values (${names.map(() => "?").join(", ")})` : "default values";
      return connection.prepare(`insert into ${quote(table)} ${columnList} returning *`).get(...values) as Row;
    },
    async select(table, orderBy) {
      return connection.prepare(`select * from ${quote(table)} order by ${orderBy.map(quote).join(", ")}`).all() as Row[];
    },
    async appliedMigrations() {
      return connection.prepare(`select count(*) from ${quote(MIGRATIONS_TABLE)}`).pluck().get() as number;
    },
    async close() {
      connection.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** better-sqlite3 binds numbers, strings and null; booleans and moments are stored as integers. */
function sqliteValue(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  return value;
}

async function openPostgresTarget(): Promise<MigrationTarget> {
  const { url, drop } = await freshDatabaseUrl("postgres");
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // Dropping the database at close ends any connection still shutting down; that is expected, not a failure.
  pool.on("error", () => undefined);
  return {
    dialect: "postgres",
    async migrate(migrations) {
      await migratePostgresDatabase(pool, migrations);
    },
    async tables() {
      const { rows: columns } = await pool.query<{ table_name: string; column_name: string; data_type: string; is_identity: string }>(
        `select table_name, column_name, data_type, is_identity from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
      );
      const { rows: keys } = await pool.query<{ table_name: string; column_name: string; ref_table: string; ref_column: string; delete_rule: string }>(`
        select cl.relname as table_name, att.attname as column_name, ref.relname as ref_table, refatt.attname as ref_column,
               case c.confdeltype when 'c' then 'CASCADE' when 'n' then 'SET NULL' when 'd' then 'SET DEFAULT' when 'r' then 'RESTRICT' else 'NO ACTION' end as delete_rule
        from pg_constraint c
        join pg_class cl on cl.oid = c.conrelid
        join pg_namespace ns on ns.oid = cl.relnamespace
        join pg_class ref on ref.oid = c.confrelid
        cross join lateral unnest(c.conkey, c.confkey) as k(from_attnum, to_attnum)
        join pg_attribute att on att.attrelid = c.conrelid and att.attnum = k.from_attnum
        join pg_attribute refatt on refatt.attrelid = c.confrelid and refatt.attnum = k.to_attnum
        where c.contype = 'f' and ns.nspname = 'public'`);
      const { rows: primaryKeys } = await pool.query<{ table_name: string; column_name: string }>(`
        select cl.relname as table_name, att.attname as column_name
        from pg_index i
        join pg_class cl on cl.oid = i.indrelid
        join pg_namespace ns on ns.oid = cl.relnamespace
        cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
        join pg_attribute att on att.attrelid = i.indrelid and att.attnum = k.attnum
        where i.indisprimary and ns.nspname = 'public'
        order by cl.relname, k.position`);
      const names = [...new Set(columns.map((column) => column.table_name))].sort();
      return names.map((name) => ({
        name,
        columns: columns
          .filter((column) => column.table_name === name)
          .map((column) => ({ name: column.column_name, sqlType: column.data_type, generated: column.is_identity === "YES" })),
        primaryKey: primaryKeys.filter((key) => key.table_name === name).map((key) => key.column_name),
        foreignKeys: keys
          .filter((key) => key.table_name === name)
          .map((key) => ({ column: key.column_name, refTable: key.ref_table, refColumn: key.ref_column, onDelete: key.delete_rule })),
      }));
    },
    async insert(table, row) {
      const names = Object.keys(row);
      const columnList = names.length ? `(${names.map(quote).join(", ")}) values (${names.map((_, index) => `$${index + 1}`).join(", ")})` : "default values";
      const { rows } = await pool.query(`insert into ${quote(table)} ${columnList} returning *`, names.map((name) => row[name]));
      return rows[0] as Row;
    },
    async select(table, orderBy) {
      return (await pool.query(`select * from ${quote(table)} order by ${orderBy.map(quote).join(", ")}`)).rows as Row[];
    },
    async appliedMigrations() {
      const { rows } = await pool.query<{ count: string }>(`select count(*) as count from drizzle.${quote(MIGRATIONS_TABLE)}`);
      return Number(rows[0]?.count);
    },
    async close() {
      await pool.end();
      await drop();
    },
  };
}

const openTarget = (dialect: Dialect) => (dialect === "sqlite" ? openSqliteTarget() : openPostgresTarget());

/**
 * What kind of value each known column holds, from the Postgres schema module, whose column types say more
 * than SQLite's (a calendar date and a JSON document are both TEXT there). Columns the current schema no
 * longer has fall back to their SQL type.
 */
const KNOWN_COLUMN_KINDS: ReadonlyMap<string, string> = new Map(
  Object.values(pgSchema as Record<string, unknown>)
    .filter((value): value is PgTable => is(value, PgTable))
    .flatMap((table) => {
      const config = getTableConfig(table);
      return config.columns.map((column) => [`${config.name}.${column.name}`, column.columnType] as const);
    }),
);

/** A plausible value of the column's kind; `index` makes values of the same column differ between rows. */
function sampleValue(table: string, column: ColumnInfo, index: number): unknown {
  const kind = KNOWN_COLUMN_KINDS.get(`${table}.${column.name}`) ?? column.sqlType;
  if (/Boolean|^boolean$/.test(kind)) return index % 2 === 0;
  if (/DateString|^date$/.test(kind)) return `2024-0${index + 1}-15`;
  if (/Timestamp|^timestamp/.test(kind)) return new Date(Date.UTC(2024, index, 15, 9, 30));
  if (/Jsonb|^jsonb?$/.test(kind)) return JSON.stringify([`${column.name} ${index + 1}`]);
  if (/Integer|BigInt|Serial|^integer$|^bigint$|^smallint$|^numeric$|^real$/.test(kind)) return index + 1;
  return `${table}.${column.name} #${index + 1}`;
}

/** Parents before children, so every foreign key can point at a row already written. */
function insertionOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: TableInfo[] = [];
  const visiting = new Set<string>();
  const visit = (table: TableInfo) => {
    if (ordered.includes(table) || visiting.has(table.name)) return;
    visiting.add(table.name);
    for (const key of table.foreignKeys) {
      const parent = byName.get(key.refTable);
      if (parent && parent !== table) visit(parent);
    }
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

const ROWS_PER_TABLE = 2;

/** Writes ROWS_PER_TABLE rows into every table, each foreign key pointing at a real parent row. */
async function insertRepresentativeRows(target: MigrationTarget): Promise<Map<string, number>> {
  const tables = await target.tables();
  const written = new Map<string, Row[]>();
  for (const table of insertionOrder(tables)) {
    const rows: Row[] = [];
    for (let index = 0; index < ROWS_PER_TABLE; index += 1) {
      const row: Row = {};
      for (const column of table.columns) {
        if (column.generated) continue;
        const key = table.foreignKeys.find((candidate) => candidate.column === column.name);
        const parentRows = key ? written.get(key.refTable) : undefined;
        row[column.name] = key && parentRows?.length ? parentRows[index % parentRows.length]![key.refColumn] : sampleValue(table.name, column, index);
      }
      rows.push(await target.insert(table.name, row));
    }
    written.set(table.name, rows);
  }
  return new Map([...written].map(([name, rows]) => [name, rows.length]));
}

/** Each table's primary keys as strings, to show the same rows (not just as many) are there. */
async function primaryKeysByTable(target: MigrationTarget): Promise<Map<string, string[]>> {
  const snapshot = new Map<string, string[]>();
  for (const table of await target.tables()) {
    const keyColumns = table.primaryKey.length ? table.primaryKey : table.columns.map((column) => column.name);
    const rows = await target.select(table.name, keyColumns);
    snapshot.set(table.name, rows.map((row) => JSON.stringify(keyColumns.map((column) => String(row[column])))).sort());
  }
  return snapshot;
}

/** SQLite's own verdicts on a database: no broken reference, no corruption. */
function sqliteHealth(target: MigrationTarget): { brokenReferences: unknown[]; integrity: unknown[] } {
  const { connection } = target as MigrationTarget & { connection: BetterSqlite3.Database };
  return { brokenReferences: connection.pragma("foreign_key_check") as unknown[], integrity: connection.pragma("integrity_check", { simple: false }) as unknown[] };
}

function readJournal(folder: string): Journal {
  return JSON.parse(readFileSync(join(folder, "meta", "_journal.json"), "utf8")) as Journal;
}

const scratchFolders: string[] = [];
afterEach(() => {
  for (const folder of scratchFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the migrations folder whose journal lists only `entries`. */
function migrationsFolderWith(source: string, entries: readonly JournalEntry[], extraFiles: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), "waymark-migration-folder-"));
  scratchFolders.push(folder);
  cpSync(source, folder, { recursive: true });
  writeFileSync(join(folder, "meta", "_journal.json"), JSON.stringify({ ...readJournal(source), entries }, null, 2));
  for (const [name, content] of Object.entries(extraFiles)) writeFileSync(join(folder, name), content);
  return folder;
}

/**
 * A migration of the riskiest kind, to rehearse the upgrade check while the journal holds a single
 * migration: on SQLite, the table rebuild drizzle-kit writes for many changes (create a copy, copy the rows,
 * drop the original, rename), applied to the table most other tables reference; on Postgres, a column
 * added with a default and a type change. If foreign keys were on during a rebuild, dropping the parent
 * would fail or take child rows with it.
 */
async function rehearsalMigrationSql(dialect: Dialect, folder: string): Promise<string> {
  const target = await openTarget(dialect);
  try {
    await target.migrate(folder);
    const tables = await target.tables();
    const referenceCount = (name: string) => tables.flatMap((table) => table.foreignKeys).filter((key) => key.refTable === name).length;
    const parent = [...tables].sort((a, b) => referenceCount(b.name) - referenceCount(a.name))[0]!;
    if (dialect === "postgres") {
      return [
        `ALTER TABLE ${quote(parent.name)} ADD COLUMN "rehearsal_note" text DEFAULT 'added by a later migration' NOT NULL;`,
        `ALTER TABLE ${quote(parent.name)} ALTER COLUMN "rehearsal_note" SET DATA TYPE varchar(200);`,
      ].join("\n--> statement-breakpoint\n");
    }
    const { connection } = target as MigrationTarget & { connection: BetterSqlite3.Database };
    const definition = connection.prepare(`select sql from sqlite_master where type = 'table' and name = ?`).pluck().get(parent.name) as string;
    const indexes = connection.prepare(`select sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null`).pluck().all(parent.name) as string[];
    const columns = parent.columns.map((column) => quote(column.name)).join(", ");
    const copy = `__new_${parent.name}`;
    return [
      definition.replace(/^CREATE TABLE\s+[`"]?[\w]+[`"]?/i, `CREATE TABLE ${quote(copy)}`) + ";",
      `INSERT INTO ${quote(copy)} (${columns}) SELECT ${columns} FROM ${quote(parent.name)};`,
      `DROP TABLE ${quote(parent.name)};`,
      `ALTER TABLE ${quote(copy)} RENAME TO ${quote(parent.name)};`,
      ...indexes.map((index) => `${index};`),
    ].join("\n--> statement-breakpoint\n");
  } finally {
    await target.close();
  }
}

/**
 * Applies `entries[0..split-1]` from `folder`, fills every table, applies the rest, and checks nothing was
 * lost: the same primary keys in every table that existed before, and on SQLite no broken reference and a
 * sound file.
 */
async function upgradeKeepsEveryRow(dialect: Dialect, folder: string, split: number): Promise<void> {
  const journal = readJournal(folder);
  const target = await openTarget(dialect);
  try {
    await target.migrate(migrationsFolderWith(folder, journal.entries.slice(0, split)));
    const written = await insertRepresentativeRows(target);
    const before = await primaryKeysByTable(target);
    expect([...written.values()].every((count) => count === ROWS_PER_TABLE)).toBe(true);

    await target.migrate(folder);
    const after = await primaryKeysByTable(target);
    for (const [table, keys] of before) expect({ table, keys: after.get(table) }).toEqual({ table, keys });
    expect(await target.appliedMigrations()).toBe(journal.entries.length);
    if (dialect === "sqlite") expect(sqliteHealth(target)).toEqual({ brokenReferences: [], integrity: [{ integrity_check: "ok" }] });
  } finally {
    await target.close();
  }
}

const DIALECT_FOLDERS: Record<Dialect, string> = { sqlite: migrationsFolder("sqlite"), postgres: migrationsFolder("postgres") };

describeEachDialect("migrations on a database holding data", (dialect) => {
  const folder = DIALECT_FOLDERS[dialect];
  const journal = readJournal(folder);
  /** Every point between two migrations: a database at migration k-1 upgraded to the latest. */
  const splitPoints = journal.entries.slice(1).map((entry) => entry.idx);

  it("has an upgrade check for every migration after the first", () => {
    expect(splitPoints).toEqual(journal.entries.map((_, index) => index).filter((index) => index >= 1));
  });

  for (const split of splitPoints) {
    it(`keeps every row when a database at migration ${split - 1} (${journal.entries[split - 1]!.tag}) is brought up to date`, async () => {
      await upgradeKeepsEveryRow(dialect, folder, split);
    });
  }

  it("keeps every row through a later migration that rebuilds the most referenced table (rehearsal of the upgrade check)", async () => {
    const last = journal.entries.at(-1)!;
    const tag = `${String(last.idx + 1).padStart(4, "0")}_rehearsal`;
    const withRehearsal = migrationsFolderWith(folder, [...journal.entries, { ...last, idx: last.idx + 1, when: last.when + 1, tag }], {
      [`${tag}.sql`]: await rehearsalMigrationSql(dialect, folder),
    });
    await upgradeKeepsEveryRow(dialect, withRehearsal, journal.entries.length);
  });

  it("changes nothing when the migrations run again on a database with data", async () => {
    const target = await openTarget(dialect);
    try {
      await target.migrate(folder);
      const written = await insertRepresentativeRows(target);
      const tables = await target.tables();
      const contents = async () => Promise.all(tables.map(async (table) => target.select(table.name, table.primaryKey.length ? table.primaryKey : table.columns.map((column) => column.name))));
      const before = await contents();

      await target.migrate(folder);
      expect(await contents()).toEqual(before);
      expect(await target.tables()).toEqual(tables);
      expect(await target.appliedMigrations()).toBe(journal.entries.length);
      expect(written.size).toBe(tables.length);
      if (dialect === "sqlite") expect(sqliteHealth(target)).toEqual({ brokenReferences: [], integrity: [{ integrity_check: "ok" }] });
    } finally {
      await target.close();
    }
  });

  it("fills every table of the current schema, so the upgrade check covers each one", async () => {
    const target = await openTarget(dialect);
    try {
      await target.migrate(folder);
      const written = await insertRepresentativeRows(target);
      const schemaTables = Object.values(pgSchema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable)).map((table) => getTableConfig(table).name);
      expect([...written.keys()].sort()).toEqual([...schemaTables].sort());
    } finally {
      await target.close();
    }
  });

  it("lists its migrations in the order they apply, each with its SQL file", () => {
    expect(journal.entries.length).toBeGreaterThanOrEqual(1);
    const files = readdirSync(folder).filter((name) => name.endsWith(".sql"));
    expect(files.sort()).toEqual(journal.entries.map((entry) => `${entry.tag}.sql`).sort());
    // drizzle applies a migration only when its timestamp is later than the last one applied.
    journal.entries.forEach((entry, index) => {
      expect(entry.idx).toBe(index);
      if (index > 0) expect(entry.when).toBeGreaterThan(journal.entries[index - 1]!.when);
    });
  });

  it("never deletes clinical rows by cascade: no foreign key of a clinical table has ON DELETE CASCADE or SET NULL", async () => {
    const target = await openTarget(dialect);
    try {
      await target.migrate(folder);
      const risky = (await target.tables())
        .filter((table) => !NON_CLINICAL_TABLES.has(table.name))
        .flatMap((table) => table.foreignKeys.filter((key) => key.onDelete === "CASCADE" || key.onDelete === "SET NULL").map((key) => `${table.name}.${key.column}`));
      expect(risky).toEqual([]);
    } finally {
      await target.close();
    }
  });
});

/** Accounts, sessions and configuration: the only tables a cascade could ever be acceptable on. */
const NON_CLINICAL_TABLES = new Set(["teams", "staff", "staff_teams", "sessions", "api_tokens", "service_settings", "catalogue_items"]);

it("the SQLite migration SQL declares no ON DELETE CASCADE on any clinical table", () => {
  const folder = DIALECT_FOLDERS.sqlite;
  const offending = readJournal(folder).entries.flatMap((entry) =>
    readFileSync(join(folder, `${entry.tag}.sql`), "utf8")
      .split("--> statement-breakpoint")
      .filter((statement) => /ON\s+DELETE\s+CASCADE/i.test(statement))
      .map((statement) => /(?:CREATE|ALTER)\s+TABLE\s+[`"]?(\w+)/i.exec(statement)?.[1] ?? statement.trim().slice(0, 80))
      .filter((table) => !NON_CLINICAL_TABLES.has(table))
      .map((table) => `${entry.tag}: ${table}`),
  );
  expect(offending).toEqual([]);
});
