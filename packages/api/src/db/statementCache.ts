import type BetterSqlite3 from "better-sqlite3";
import { textToCompile } from "./plansWithoutBoundValues.js";

/** Distinct statements kept ready per connection; Waymark's queries come in a few hundred shapes. */
const CAPACITY = 1_000;

/**
 * Reuses prepared statements on a better-sqlite3 connection. The ORM prepares every statement afresh, and
 * compiling a caseload page's SQL costs about as much as running it; the text of a statement with bound
 * parameters repeats exactly, so the compiled statement can be kept. A statement's output modes persist
 * between uses, so a reused one is put back to plain rows first (the ORM asks for raw rows when it wants them).
 * Least recently used statements are dropped beyond CAPACITY.
 */
export function cacheStatements(connection: BetterSqlite3.Database): void {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, BetterSqlite3.Statement>();
  connection.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      cache.delete(source);
      cache.set(source, cached);
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    // Kept under the text asked for, compiled from the text SQLite should plan (db/plansWithoutBoundValues).
    const statement = prepare(textToCompile(source));
    cache.set(source, statement);
    if (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
    return statement;
  }) as typeof connection.prepare;
}
