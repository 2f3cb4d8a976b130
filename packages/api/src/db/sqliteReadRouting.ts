import type BetterSqlite3 from "better-sqlite3";

/** The part of a better-sqlite3 connection the query builder uses: it prepares statements and runs them. */
export interface StatementSource {
  prepare(source: string): BetterSqlite3.Statement;
}

/**
 * Where Waymark's reads run on SQLite: on the writer connection whenever no write transaction is open on it,
 * and on the read-only connection while one is (a read must never see a write that is not yet committed).
 *
 * Why not always the read-only connection: SQLite throws away a connection's whole page cache when another
 * connection has committed since its last read, and nearly every request commits (its read audit). A reader
 * kept apart from the writer therefore read a caseload page's index and table pages from the file afresh on
 * almost every request. The writer's cache survives its own commits, so reads there find the pages in memory.
 *
 * Each statement picks its connection when it runs, not when it is prepared, because a statement prepared
 * once (preparedSelect) outlives any one transaction. Only statements that change nothing may run here: a
 * write sent down the read path is refused, as the read-only connection would refuse it.
 */
export function routedReads(writer: BetterSqlite3.Database, reader: BetterSqlite3.Database): StatementSource {
  const readStatement = (source: string): BetterSqlite3.Statement => {
    const statement = (writer.inTransaction ? reader : writer).prepare(source);
    if (!statement.readonly) throw new Error(`Only reads run on the read connection; this statement writes: ${source.slice(0, 120)}`);
    return statement;
  };
  return {
    prepare(source) {
      // Fail at once on a write, as preparing it on the read-only connection would.
      readStatement(source);
      return routedStatement(source, readStatement);
    },
  };
}

/** A statement that prepares (from the connections' statement caches) on whichever connection is right at each run. */
function routedStatement(source: string, readStatement: (source: string) => BetterSqlite3.Statement): BetterSqlite3.Statement {
  type Parameters = unknown[];
  const rawRows = {
    all: (...parameters: Parameters) => readStatement(source).raw(true).all(...parameters),
    get: (...parameters: Parameters) => readStatement(source).raw(true).get(...parameters),
    iterate: (...parameters: Parameters) => readStatement(source).raw(true).iterate(...parameters),
  };
  const routed = {
    source,
    reader: true,
    readonly: true,
    all: (...parameters: Parameters) => readStatement(source).all(...parameters),
    get: (...parameters: Parameters) => readStatement(source).get(...parameters),
    iterate: (...parameters: Parameters) => readStatement(source).iterate(...parameters),
    run: (...parameters: Parameters) => readStatement(source).run(...parameters),
    raw: (toggle = true) => (toggle ? rawRows : routed),
  };
  return routed as unknown as BetterSqlite3.Statement;
}
