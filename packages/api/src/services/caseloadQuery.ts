import type { IsoDate, ServiceSettings } from "@waymark/core";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db, Tables } from "../db/database.js";
import { planWithoutBoundValues } from "../db/plansWithoutBoundValues.js";
import { NOW_PLACEHOLDER } from "../access/scope.js";
import { prepareSelect, statementsForShape } from "../db/statementsByShape.js";
import { afterCursor, orderByKeys, pageFromRows, type SortKey } from "../db/keysetPage.js";
import type { ConnectionShape } from "../graphql/relay.js";
import { caseloadFilterCondition, caseloadSearchCondition, type CaseloadFilterCriteria } from "./caseloadFilter.js";
import { CASELOAD_FLAGS, caseloadFlagCondition, type CaseloadFlag, type FlagQueryContext } from "./caseloadFlags.js";
import { caseloadSortKeys, checkCursorFitsKeys, type CaseloadOrderBy } from "./caseloadOrder.js";
import { columnsOf, EPISODE_SUMMARY_COLUMNS, PERSON_SUMMARY_COLUMNS, type EpisodeAndPerson, type RowColumns } from "./summaryColumns.js";
import { openWorkingListEpisodes, type WorkingListCriteria } from "./workingListScope.js";

/**
 * The caseload: a keyworker's or a team's open episodes with the person, today's flags and the review due,
 * filtered, searched, sorted and paged in SQL (keyset pagination), so a page costs the same whether the
 * list holds twenty episodes or two thousand.
 *
 * A page takes one statement. It picks the page's ids in a subquery that reads only what the filter and order
 * need, then computes the flags for those rows alone, so the flag expressions (the OST one has a subquery)
 * never run on rows that are not shown. The list's total count comes on every row, from a subquery that does
 * not depend on the row, so SQLite and Postgres run it once per statement; as a statement of its own it cost a
 * page about 2% more (its bindings, its run, its trip through the driver). Only an empty page after a cursor
 * has no row to bring the count, and counts on its own.
 */

export interface CaseloadRequest extends WorkingListCriteria {
  readonly today: IsoDate;
  readonly settings: ServiceSettings;
  readonly filter?: CaseloadFilterCriteria | null;
  readonly search?: string | null;
  readonly orderBy: readonly CaseloadOrderBy[];
  readonly first: number;
  readonly after?: string | null;
  /**
   * Which of the episode's and person's columns a row carries (summaryColumns.ts): a page of fifty people's
   * every column costs the database and the driver about as much again as the rest of the page.
   */
  readonly columns: RowColumns;
}

/** One caseload row: the episode and person as stored (in summary or whole), and the flags they carry today. */
export type CaseloadRow = { readonly flags: readonly CaseloadFlag[] } & EpisodeAndPerson;

// Each row's flags and sort keys are read by these names, fifty rows of ten flags a page: built once here, they
// are the same strings on every read, where names built afresh for each read were looked up in the engine's
// string table every time (about 1% of a caseload page).
const FLAG_COLUMNS = CASELOAD_FLAGS.map((flag) => ({ flag, column: `flag_${flag}` }));
const sortColumnNames: string[] = [];
const sortColumn = (index: number) => (sortColumnNames[index] ??= `sort_${index}`);

/** The flags a row of the page statement carries, in CASELOAD_FLAGS order. */
function flagsOf(row: Record<string, unknown>): CaseloadFlag[] {
  const flags: CaseloadFlag[] = [];
  for (const { flag, column } of FLAG_COLUMNS) if (Number(row[column]) === 1) flags.push(flag);
  return flags;
}

/** The condition every row of the caseload meets, without the cursor. */
function caseloadCondition(request: CaseloadRequest, context: FlagQueryContext): SQL | undefined {
  return and(openWorkingListEpisodes(context.t, request), caseloadFilterCondition(request.filter, context), caseloadSearchCondition(request.search, context));
}

/** The page statement's column of the whole list's count. */
const TOTAL_COUNT_COLUMN = "total_count";

function pageSelection(t: Tables, keys: readonly SortKey[], context: FlagQueryContext, columns: RowColumns, totalCount: SQL) {
  const extra: Record<string, SQL> = { [TOTAL_COUNT_COLUMN]: totalCount };
  for (const { flag, column } of FLAG_COLUMNS) extra[column] = sql`(case when ${caseloadFlagCondition(flag, context)} then 1 else 0 end)`;
  keys.forEach((key, index) => (extra[sortColumn(index)] = sql`${key.expression}`));
  if (columns === "all") return { episode: t.episodes, person: t.serviceUsers, ...extra };
  return { episode: columnsOf(t.episodes, EPISODE_SUMMARY_COLUMNS), person: columnsOf(t.serviceUsers, PERSON_SUMMARY_COLUMNS), ...extra };
}

/** What a caseload's statements are built from: everything in the request but the moment. */
function shapeOf(request: CaseloadRequest) {
  // The parts of the viewer its scope is built from (access/scope.ts); the moment is bound at each run.
  return { ...request, now: undefined, viewer: { staffId: request.viewer.staffId, roles: request.viewer.roles, teamIds: request.viewer.teamIds } };
}

/** The page and count statements of one caseload shape, built by the query builder and prepared. */
function caseloadStatements(db: Db, t: Tables, request: CaseloadRequest) {
  const context: FlagQueryContext = { t, today: request.today, settings: request.settings };
  const keys = caseloadSortKeys(request.orderBy, t);
  const condition = caseloadCondition({ ...request, now: NOW_PLACEHOLDER }, context);
  const personOfEpisode = eq(t.serviceUsers.id, t.episodes.serviceUserId);

  // The person's row is joined only where a search or the name order reads it: on a big team the join is a
  // lookup per row of the list, not of the page.
  const needsPerson = Boolean(request.search?.trim()) || request.orderBy.some((order) => order.field === "LAST_NAME");
  const pageIds = db.select({ id: t.episodes.id }).from(t.episodes).$dynamic();
  const counting = db.select({ count: sql<number>`count(*)` }).from(t.episodes).$dynamic();
  if (needsPerson) {
    pageIds.innerJoin(t.serviceUsers, personOfEpisode);
    counting.innerJoin(t.serviceUsers, personOfEpisode);
  }
  pageIds
    .where(and(condition, afterCursor(keys, request.after)))
    .orderBy(...orderByKeys(keys))
    .limit(request.first + 1);
  const count = counting.where(condition);
  const page = db.select(pageSelection(t, keys, context, request.columns, sql`(${count})`)).from(t.episodes).innerJoin(t.serviceUsers, personOfEpisode).where(inArray(t.episodes.id, pageIds)).orderBy(...orderByKeys(keys));
  // A list read through the index on its keyworker or team has one best plan whatever the values: planned
  // once, not at every run (db/plansWithoutBoundValues). A search, built afresh each time, is left as it is.
  if (!request.search?.trim()) {
    planWithoutBoundValues(page.toSQL().sql);
    planWithoutBoundValues(count.toSQL().sql);
  }
  return {
    keyCount: keys.length,
    page: prepareSelect<Record<string, unknown> & Pick<CaseloadRow, "episode" | "person">>(page),
    count: prepareSelect<{ count: number }>(count),
  };
}

/** One page of the caseload and the number of rows in the whole list. */
export async function queryCaseload(db: Db, t: Tables, request: CaseloadRequest): Promise<ConnectionShape<CaseloadRow>> {
  checkCursorFitsKeys(caseloadSortKeys(request.orderBy, t), request.after);
  // A search is built afresh each time: what staff type to find a person is not kept beyond the request.
  const statements = request.search?.trim() ? caseloadStatements(db, t, request) : statementsForShape(db, "caseload", shapeOf(request), () => caseloadStatements(db, t, request));
  const moment = { now: request.now };
  const rows = await statements.page.execute(moment);
  // The rows bring the count. An empty page from the start means an empty list; after a cursor, the list may
  // still hold rows before it.
  let totalCount = 0;
  if (rows.length > 0) totalCount = Number(rows[0]?.[TOTAL_COUNT_COLUMN]);
  else if (request.after) totalCount = Number((await statements.count.execute(moment))[0]?.count ?? 0);
  return pageFromRows(
    rows,
    request.first,
    (row) => Array.from({ length: statements.keyCount }, (_, index) => row[sortColumn(index)]),
    (row) => ({ columns: request.columns, episode: row.episode, person: row.person, flags: flagsOf(row) }) as CaseloadRow,
    totalCount,
    Boolean(request.after),
  );
}
