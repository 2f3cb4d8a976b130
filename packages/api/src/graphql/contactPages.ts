import DataLoader from "dataloader";
import { and, eq, isNull, lt, or, sql, type InferSelectModel, type SQL } from "drizzle-orm";
import type { Database, Tables } from "../db/database.js";
import { decodeCursor, foreignCursor } from "../db/keysetPage.js";
import { planWithoutBoundValues } from "../db/plansWithoutBoundValues.js";
import { preparedSelect, valueOf } from "../db/preparedSelect.js";
import type { RowsByEpisode } from "./loaders.js";
import { listedRecords, type RecordsPage } from "./episodeRecordReads.js";
import { pageSizeOf } from "./relay.js";

export type ContactRow = InferSelectModel<Tables["contacts"]>;

/** What one episode's contacts list asks for (Episode.contacts). */
export interface ContactPageRequest {
  readonly episodeId: string;
  readonly first: number | null | undefined;
  readonly after: string | null | undefined;
  readonly includeEnteredInError: boolean;
}

/**
 * A contact's date and time as one text, the first value of its cursor. Contacts on one day are ordered by their
 * time, and one without a time sorts before those with one: newest first, it comes last on its day.
 */
export const contactWhen = (row: Pick<ContactRow, "date" | "time">) => `${row.date} ${row.time ?? ""}`;

/** The cursor's values, [date and time, when recorded, id] (episodeRecordReads' RecordPosition), taken apart for SQL. */
interface ContactCursor {
  readonly date: string;
  readonly time: string | null;
  readonly recordedAt: Date;
  readonly id: string;
}

function contactCursorOf(after: string): ContactCursor {
  const [when, recordedAt, id] = decodeCursor(after, 3);
  const space = typeof when === "string" ? when.indexOf(" ") : -1;
  if (space < 0 || typeof recordedAt !== "number" || !Number.isFinite(recordedAt) || typeof id !== "string") {
    throw foreignCursor();
  }
  const whenText = when as string;
  return { date: whenText.slice(0, space), time: whenText.slice(space + 1) || null, recordedAt: new Date(recordedAt), id };
}

type CursorKind = "none" | "timed" | "untimed";

/**
 * The contacts after the cursor, newest first: an earlier day; or the same day and an earlier time, a contact
 * without a time coming after every timed one; or the same day and time, recorded earlier, then a lower id.
 */
function afterContact(t: Tables, kind: CursorKind): SQL | undefined {
  if (kind === "none") return undefined;
  const c = t.contacts;
  const sameDay = eq(c.date, sql.placeholder("date"));
  const recordedBefore = or(lt(c.createdAt, valueOf(c.createdAt, "recordedAt")), and(eq(c.createdAt, valueOf(c.createdAt, "recordedAt")), lt(c.id, sql.placeholder("id"))));
  const earlierDay = lt(c.date, sql.placeholder("date"));
  if (kind === "untimed") return or(earlierDay, and(sameDay, isNull(c.time), recordedBefore));
  return or(
    earlierDay,
    and(sameDay, or(isNull(c.time), lt(c.time, sql.placeholder("time")))),
    and(sameDay, eq(c.time, sql.placeholder("time")), recordedBefore),
  );
}

/**
 * One episode's page of contacts and their number, in SQL. An episode seen weekly for years holds hundreds of
 * contacts; the page walks the index on (episode, date, time, recorded, id) from the newest and stops after
 * the page, instead of reading the whole history to show its first twenty.
 */
async function pageOfOneEpisode(database: Database, request: ContactPageRequest): Promise<RecordsPage<ContactRow>> {
  const first = pageSizeOf(request.first);
  const t = database.tables;
  const c = t.contacts;
  const cursor = request.after ? contactCursorOf(request.after) : null;
  const kind: CursorKind = cursor === null ? "none" : cursor.time === null ? "untimed" : "timed";
  const listed = request.includeEnteredInError ? undefined : isNull(c.enteredInErrorReason);
  const shape = `${request.includeEnteredInError ? "all" : "listed"}_${kind}`;
  const page = preparedSelect<ContactRow>(database, `contact_page_${shape}`, (db) => {
    const query = db
      .select()
      .from(c)
      .where(and(eq(c.episodeId, sql.placeholder("episodeId")), listed, afterContact(t, kind)))
      .orderBy(sql`${c.date} desc`, sql`${c.time} desc nulls last`, sql`${c.createdAt} desc`, sql`${c.id} desc`)
      .limit(sql.placeholder("limit"));
    // Always the walk down the episode's index: planned once, not at every run (db/plansWithoutBoundValues).
    planWithoutBoundValues(query.toSQL().sql);
    return query;
  });
  const counted = preparedSelect<{ count: number }>(database, `contact_count_${request.includeEnteredInError ? "all" : "listed"}`, (db) =>
    db.select({ count: sql<number>`count(*)` }).from(c).where(and(eq(c.episodeId, sql.placeholder("episodeId")), listed)),
  );
  const values = { episodeId: request.episodeId, limit: first + 1, ...(cursor ?? {}) };
  const countOfAll = async () => Number((await counted({ episodeId: request.episodeId }))[0]?.count ?? 0);
  if (cursor !== null) {
    const [rows, totalCount] = await Promise.all([page(values), countOfAll()]);
    return { rows, totalCount, hasPreviousPage: true };
  }
  // A first page that holds the whole list (most episodes' contacts, the person record's included) is its own
  // count: the count statement runs only when there are more than the page.
  const rows = await page(values);
  return { rows, totalCount: rows.length <= first ? rows.length : await countOfAll(), hasPreviousPage: false };
}

/**
 * The request's loader of contact pages. One episode's page (the person record) is read in SQL a page at a
 * time; a list of many episodes asking for the same page of each reads all their contacts in one statement
 * and pages each in memory, rather than running a statement per episode.
 */
export function contactPagesLoader(database: Database, contactsByEpisode: RowsByEpisode<ContactRow>) {
  return new DataLoader<ContactPageRequest, RecordsPage<ContactRow>, string>(
    async (requests) => {
      const alike = new Map<string, ContactPageRequest[]>();
      for (const request of requests) {
        const key = JSON.stringify([request.first, request.after, request.includeEnteredInError]);
        alike.set(key, [...(alike.get(key) ?? []), request]);
      }
      // A list that cannot be read (a cursor from elsewhere) fails alone, not the other lists of the request.
      const pages = new Map<ContactPageRequest, RecordsPage<ContactRow> | Error>();
      const failed = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
      await Promise.all(
        [...alike.values()].map(async (group) => {
          if (group.length === 1) {
            const [request] = group as [ContactPageRequest];
            pages.set(request, await pageOfOneEpisode(database, request).catch(failed));
            return;
          }
          const rowsOfEach = await contactsByEpisode.loadMany(group.map((request) => request.episodeId));
          group.forEach((request, index) => {
            const rows = rowsOfEach[index];
            try {
              pages.set(request, rows instanceof Error ? rows : listedRecords(rows ?? [], contactWhen, request, request.includeEnteredInError));
            } catch (error) {
              pages.set(request, failed(error));
            }
          });
        }),
      );
      return requests.map((request) => pages.get(request) as RecordsPage<ContactRow> | Error);
    },
    { cacheKeyFn: (request) => JSON.stringify([request.episodeId, request.first, request.after, request.includeEnteredInError]) },
  );
}
