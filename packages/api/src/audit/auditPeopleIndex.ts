import type BetterSqlite3 from "better-sqlite3";

/** How often the newest audit events are added to the trail's index by person. */
const INDEX_EVERY_MS = 1_000;
/** Events added per transaction, so catching up after a long stop never holds the write lock for long. */
const BATCH_SIZE = 5_000;

export interface AuditPeopleIndexing {
  /** Adds every event not yet indexed; resolves with how many were added. */
  catchUp(): Promise<number>;
  /** Stops adding events on a timer (waiting for a pass under way); `catchUp` still adds them when called. */
  stop(): Promise<void>;
}

/**
 * Fills the audit trail's index by person (audit_event_people) on SQLite, in the background, from the events
 * above the last one it holds.
 *
 * Written with each event, that index costs a random page per person shown: fifty pages for a caseload page,
 * each written to the log at commit, which took longer than the rest of the request's work, and pushed the
 * pages the next request reads out of the cache. Added a second's worth at a time, a person's page is written
 * once however many times they were shown. Nothing is lost meanwhile: the event itself is committed before
 * the answer leaves, and a query by person reads the events above the last one indexed directly
 * (services/auditTrail.ts), so its answer never depends on this having run.
 *
 * SQLite commits one transaction at a time and numbers events as it commits them, so no event can appear
 * below one already indexed. Postgres gives no such order, so there the index is written with each event.
 */
export function indexAuditPeopleInBackground(writer: BetterSqlite3.Database, inWrite: (batch: () => number) => Promise<number>): AuditPeopleIndexing {
  // Prepared at first use: the database is opened before its migrations run.
  const addBatch = () =>
    writer
      .prepare(
        `insert into audit_event_people (event_id, service_user_id)
         select id, service_user_id from audit_events
         where id > (select coalesce(max(event_id), 0) from audit_event_people) and service_user_id is not null
         order by id limit ${BATCH_SIZE}`,
      )
      .run().changes;

  const catchUp = async (): Promise<number> => {
    let added = 0;
    for (;;) {
      // A write transaction of its own, queued with the others, so a batch never lands inside another write.
      const changes = writer.open ? await inWrite(addBatch) : 0;
      added += changes;
      if (changes < BATCH_SIZE) return added;
    }
  };

  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = catchUp().catch((error: unknown) => {
      // Queries by person stay complete without the index (they read the newest events directly); only slower.
      process.emitWarning(`Adding audit events to the index by person failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }, INDEX_EVERY_MS);
  timer.unref();

  return {
    catchUp,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
