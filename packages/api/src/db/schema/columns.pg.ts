import { bigint, boolean, date, integer, jsonb, text, timestamp } from "drizzle-orm/pg-core";

/** Column kinds as Postgres stores them; the same names as `columns.sqlite.ts`. */
export const id = (name: string) => text(name);
export const str = (name: string) => text(name);
export const int = (name: string) => integer(name);

export const bool = (name: string) => boolean(name);
/** A calendar date, read and written as YYYY-MM-DD. */
export const isoDate = (name: string) => date(name, { mode: "string" });
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });
export const json = <T>(name: string) => jsonb(name).$type<T>();
export const serialId = (name: string) => bigint(name, { mode: "number" }).primaryKey().generatedAlwaysAsIdentity();
/** A reference to a `serialId` column. */
export const serialRef = (name: string) => bigint(name, { mode: "number" });
