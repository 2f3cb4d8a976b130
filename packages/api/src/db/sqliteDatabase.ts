import BetterSqlite3 from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { SQL } from "drizzle-orm";
import { sqliteSchema, statementLog, type Database, type Db, type WriteOptions } from "./database.js";
import { SerialQueue } from "./serialQueue.js";
import { indexAuditPeopleInBackground, type AuditPeopleIndexing } from "../audit/auditPeopleIndex.js";
import { backgroundReads } from "./backgroundReads.js";
import { checkpointInBackground } from "./sqliteCheckpoints.js";
import { routedReads } from "./sqliteReadRouting.js";
import { cacheStatements } from "./statementCache.js";

function open(file: string, readonly: boolean): BetterSqlite3.Database {
  const connection = new BetterSqlite3(file, { readonly, fileMustExist: readonly });
  // WAL lets readers go on while one writer commits; FULL sync makes a committed clinical write survive a
  // power cut; a busy timeout rides out a backup or a second process briefly holding the lock.
  if (!readonly) {
    connection.pragma("journal_mode = WAL");
    connection.pragma("synchronous = FULL");
  }
  connection.pragma("foreign_keys = ON");
  connection.pragma("busy_timeout = 5000");
  cacheStatements(connection);
  return connection;
}

/**
 * Opens (creating if needed) a SQLite database file with one writer connection and one read-only connection;
 * reads run on the writer when no write transaction is open on it (see sqliteReadRouting).
 */
export function openSqliteDatabase(file: string): Database & { readonly writer: BetterSqlite3.Database; readonly auditPeopleIndex: AuditPeopleIndexing } {
  mkdirSync(dirname(file), { recursive: true });
  const log = statementLog();
  const logger = log.logger;
  const writer = open(file, false);
  const reader = open(file, true);
  const queue = new SerialQueue();
  const checkpointer = checkpointInBackground(file, writer, (work) => queue.run(async () => work()));
  const background = backgroundReads(file);
  const writeDb = drizzle(writer, { schema: sqliteSchema, logger });
  const reads = routedReads(writer, reader);
  const readDb = drizzle({ client: reads as BetterSqlite3.Database, schema: sqliteSchema, logger });
  // Every request that shows a record writes its read audit, so the statements around each write are compiled
  // once rather than parsed again for every transaction.
  const control = {
    begin: writer.prepare("BEGIN IMMEDIATE"),
    commit: writer.prepare("COMMIT"),
    rollback: writer.prepare("ROLLBACK"),
    deferSync: writer.prepare("PRAGMA synchronous = NORMAL"),
    fullSync: writer.prepare("PRAGMA synchronous = FULL"),
  };
  // The writer's sync level as write() last set it (open() sets FULL). It is changed only when a write needs
  // the other one: a run of read audits keeps NORMAL, and the first clinical write after them sets FULL before
  // it begins, so its commit syncs their frames with its own. Setting it both ways around every read audit was
  // two more statements on every request that shows a record.
  let deferringSync = false;
  const syncFor = (deferSync: boolean) => {
    if (deferSync === deferringSync) return;
    (deferSync ? control.deferSync : control.fullSync).run();
    deferringSync = deferSync;
  };
  // Commits of this connection that may have changed more than the read audit trail; other connections'
  // and processes' commits move SQLite's data_version instead, which a connection's own commits leave alone.
  let ownChanges = 0;
  const dataVersion = writer.prepare("PRAGMA data_version");
  // Read once per turn of the event loop: a request asks for the mark several times (its session, its
  // settings, its teams), and each PRAGMA opens and closes a read of the write-ahead log. Another process's
  // commit is seen from the next turn on, as if it had landed a moment later; this connection's own commits
  // move ownChanges at once.
  let dataVersionThisTurn: number | null = null;
  const forgetDataVersion = () => {
    dataVersionThisTurn = null;
  };
  function currentDataVersion(): number {
    if (dataVersionThisTurn === null) {
      dataVersionThisTurn = (dataVersion.get() as { data_version: number }).data_version;
      setImmediate(forgetDataVersion);
    }
    return dataVersionThisTurn;
  }
  function write<T>(work: (tx: Db) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    // better-sqlite3's own transaction() cannot span an await, so the transaction is opened by hand and the
    // queue keeps any other write from interleaving with it on the shared connection.
    return queue.run(async () => {
      // In WAL mode NORMAL skips the sync at commit: the WAL frames are written (a killed process loses
      // nothing) and the next FULL commit or checkpoint syncs them.
      const deferSync = options.durability === "process";
      syncFor(deferSync);
      control.begin.run();
      try {
        const result = await work(writeDb);
        control.commit.run();
        if (!deferSync) ownChanges += 1;
        return result;
      } catch (error) {
        if (writer.inTransaction) control.rollback.run();
        throw error;
      }
    });
  }
  // The index can be rebuilt from the trail, so its batches ride on the next synced commit, as read audits do.
  const auditPeopleIndex = indexAuditPeopleInBackground(writer, (batch) => write(async () => batch(), { durability: "process" }));
  const dialect = new SQLiteSyncDialect();

  return {
    dialect: "sqlite",
    tables: sqliteSchema,
    read: readDb,
    writer,
    auditPeopleIndex,
    write,
    eachRow<Row>(query: SQL, visit: (row: Row) => void): Promise<void> {
      const { sql, params } = dialect.sqlToQuery(query);
      logger.logQuery(sql, params);
      return background.each<Row>(sql, params, visit);
    },
    readInBackground<Row>(query: SQL): Promise<Row[]> {
      const { sql, params } = dialect.sqlToQuery(query);
      logger.logQuery(sql, params);
      return background.all<Row>(sql, params);
    },
    changeMark: () => `${ownChanges}:${currentDataVersion()}`,
    statementCount: log.count,
    noteStatement: log.note,
    observeStatements: log.observe,
    async ping() {
      try {
        reader.prepare("select 1").get();
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await auditPeopleIndex.stop();
      await background.stop();
      await queue.run(async () => undefined);
      await checkpointer.stop();
      reader.close();
      writer.close();
    },
  };
}
