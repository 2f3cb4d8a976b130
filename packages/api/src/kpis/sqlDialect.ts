import { sql, type SQL } from "drizzle-orm";
import type { Database, Dialect } from "../db/database.js";

/**
 * The few expressions the indicator queries write differently on SQLite and Postgres. Dates are compared and
 * returned as YYYY-MM-DD text on both: SQLite stores them so, and Postgres casts its `date` columns to text
 * (ISO output), so a day's arithmetic is the only thing that differs.
 */
export interface KpiSql {
  readonly dialect: Dialect;
  /** Runs a statement and returns its rows as plain objects keyed by the (lower-case) column aliases. */
  rows<Row>(query: SQL): Promise<Row[]>;
  /** A stored date column or expression as YYYY-MM-DD text. */
  text(date: SQL): SQL;
  /** A date given as a parameter, typed as a date where the dialect needs it. */
  date(value: string): SQL;
  /** Whole days from `from` to `to` (negative when `to` is earlier). */
  daysBetween(from: SQL, to: SQL): SQL;
  /** `date` plus a whole number of days (a column or expression), as YYYY-MM-DD text. */
  addDays(date: SQL, days: SQL): SQL;
  /** True when the text matches one of the shapes, written with `A` for a capital letter, `9` for a digit, `X` for either. */
  matchesShape(text: SQL, shapes: readonly string[]): SQL;
  /** Text with every whitespace character removed, in capitals (ASCII). */
  compactUpper(text: SQL): SQL;
  /** Orders text by code unit, as JavaScript compares strings, whatever the database's collation. */
  byCodeUnit(text: SQL): SQL;
}

/** Whitespace characters a postcode may carry: space, tab, line feed, vertical tab, form feed, carriage return. */
const WHITESPACE_CODES = [32, 9, 10, 11, 12, 13];

/** The SQL helpers of the database's dialect. */
export function kpiSqlOf(database: Database): KpiSql {
  // On SQLite off the server's thread (db/backgroundReads): a year's report on a large provider is seconds of
  // statements, which would otherwise hold up every keyworker's request while each one runs.
  const rows = <Row>(query: SQL) => database.readInBackground<Row>(query);
  if (database.dialect === "postgres") {
    return {
      dialect: "postgres",
      rows,
      text: (date) => sql`cast(${date} as text)`,
      date: (value) => sql`cast(${value} as date)`,
      daysBetween: (from, to) => sql`(cast(${to} as date) - cast(${from} as date))`,
      addDays: (date, days) => sql`cast(cast(${date} as date) + cast(${days} as integer) as text)`,
      matchesShape: (text, shapes) => sql`(${text} ~ ${`^(${shapes.map(shapeAsRegex).join("|")})$`})`,
      compactUpper: (text) => sql`upper(regexp_replace(${text}, '[\\s]+', '', 'g'))`,
      byCodeUnit: (text) => sql`${text} collate "C"`,
    };
  }
  return {
    dialect: "sqlite",
    rows,
    text: (date) => date,
    date: (value) => sql`${value}`,
    daysBetween: (from, to) => sql`cast(round(julianday(${to}) - julianday(${from})) as integer)`,
    addDays: (date, days) => sql`date(${date}, (case when ${days} < 0 then '' else '+' end) || ${days} || ' days')`,
    matchesShape: (text, shapes) => sql`(${sql.join(shapes.map((shape) => sql`${text} glob ${shapeAsGlob(shape)}`), sql` or `)})`,
    compactUpper: (text) => {
      let compact = text;
      for (const code of WHITESPACE_CODES) compact = sql`replace(${compact}, char(${sql.raw(String(code))}), '')`;
      return sql`upper(${compact})`;
    },
    byCodeUnit: (text) => text,
  };
}

function shapeAsGlob(shape: string): string {
  return [...shape].map((symbol) => (symbol === "A" ? "[A-Z]" : symbol === "9" ? "[0-9]" : "[A-Z0-9]")).join("");
}

function shapeAsRegex(shape: string): string {
  return [...shape].map((symbol) => (symbol === "A" ? "[A-Z]" : symbol === "9" ? "[0-9]" : "[A-Z0-9]")).join("");
}
