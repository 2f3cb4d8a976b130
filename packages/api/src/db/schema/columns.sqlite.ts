import { integer, text } from "drizzle-orm/sqlite-core";

/**
 * Column kinds as SQLite stores them. `columns.pg.ts` maps the same names to Postgres types, so the two
 * schema modules read the same line for line (schema.test.ts checks they agree).
 */
export const id = (name: string) => text(name);
export const str = (name: string) => text(name);
export const int = (name: string) => integer(name);

export const bool = (name: string) => integer(name, { mode: "boolean" });
/** A calendar date, YYYY-MM-DD; text sorts in date order. */
export const isoDate = (name: string) => text(name);
/** A moment in time, held as milliseconds since the epoch. */
export const instant = (name: string) => integer(name, { mode: "timestamp_ms" });
export const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();
export const serialId = (name: string) => integer(name).primaryKey({ autoIncrement: true });
/** A reference to a `serialId` column. */
export const serialRef = (name: string) => integer(name);
