import {
  addDays,
  EXCEPTION_KINDS,
  exceptionsFor,
  TOP_RECORDING_WINDOW_DAYS,
  type Catalogue,
  type ExceptionKind,
  type ExceptionRow,
  type IsoDate,
  type ServiceSettings,
} from "@waymark/core";
import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import { episodeScope } from "../access/scope.js";
import type { Viewer } from "../auth/viewer.js";
import type { Db, Tables } from "../db/database.js";
import { decodeCursor, pageFromRows } from "../db/keysetPage.js";
import type { EpisodeRow, ServiceUserRow } from "../db/mappers.js";
import type { ConnectionShape } from "../graphql/relay.js";
import { caseloadFlagCondition, type FlagQueryContext } from "./caseloadFlags.js";
import { forEachEpisodeRecords } from "./episodeRecordsBatch.js";
import { OPEN_EPISODE_STATUSES } from "./workingListScope.js";

/**
 * The exceptions report (R-EXC-1) over the viewer's scope. Core's exceptionsFor is the only judge of what
 * is an exception: SQL only preselects the candidate episodes from the derived columns, with conditions
 * that every episode core would report meets (most of them exactly core's verdict), and core then runs on
 * each candidate's records, loaded in chunks (services/episodeRecordsBatch.ts).
 *
 * The whole report is worked out for each request and then paged, because an episode's rows are only
 * known once core has seen its records. Closed episodes can only owe an EXIT TOP; those are listed for
 * discharges on or after `dischargedSince`, so the report stays a list someone can act on rather than
 * every discharge in the service's history.
 */

export interface ExceptionsRequest {
  readonly viewer: Viewer;
  readonly now: Date;
  readonly today: IsoDate;
  /** Only this team's episodes; null for the viewer's whole scope. */
  readonly teamId: string | null;
  readonly kinds: readonly ExceptionKind[];
  readonly dischargedSince: IsoDate;
  readonly catalogue: Catalogue;
  readonly settings: ServiceSettings;
}

/** A report line with the stored rows of its episode and person. */
export interface ExceptionReportRow extends ExceptionRow {
  readonly episodeRow: EpisodeRow;
  readonly personRow: ServiceUserRow;
}

/** How far back a missing EXIT TOP is listed by default: a year of discharges. */
export const DEFAULT_DISCHARGE_LOOKBACK_DAYS = 365;

/**
 * Episodes that may hold an exception of `kind` today. Each condition holds for every episode core could
 * report that kind for; only TOP_MISSING is wider than core's verdict (a TOP due date can only be missing
 * once its recording window has closed, which needs the first intervention or the discharge to be older
 * than that window).
 */
function candidateCondition(kind: ExceptionKind, context: FlagQueryContext, request: ExceptionsRequest): SQL {
  const e = context.t.episodes;
  const open = inArray(e.status, [...OPEN_EPISODE_STATUSES]);
  const windowClosedBefore = addDays(request.today, -TOP_RECORDING_WINDOW_DAYS);
  switch (kind) {
    case "REVIEW_OVERDUE":
      return and(open, caseloadFlagCondition("REVIEW_OVERDUE", context)) as SQL;
    case "TOP_MISSING":
      return or(
        and(open, lt(e.firstInterventionDate, windowClosedBefore)),
        and(
          notInArray(e.status, [...OPEN_EPISODE_STATUSES]),
          isNotNull(e.firstInterventionDate),
          gte(e.dischargeDate, request.dischargedSince),
          lt(e.dischargeDate, windowClosedBefore),
          lte(e.firstInterventionDate, e.dischargeDate),
        ),
      ) as SQL;
    case "SAFEGUARDING_NO_HOME_VISIT":
      return and(open, caseloadFlagCondition("SAFEGUARDING_HOME_VISIT_DUE", context)) as SQL;
    case "DNA_FOLLOW_UP_OVERDUE":
      return and(open, caseloadFlagCondition("DNA_FOLLOW_UP_OVERDUE", context)) as SQL;
    case "DISENGAGING":
      return and(open, caseloadFlagCondition("DISENGAGING", context)) as SQL;
    case "NO_KEYWORKER":
      return and(open, isNull(e.keyworkerId)) as SQL;
  }
}

async function candidateEpisodeIds(db: Db, t: Tables, request: ExceptionsRequest): Promise<string[]> {
  const context: FlagQueryContext = { t, today: request.today, settings: request.settings };
  const rows = await db
    .select({ id: t.episodes.id })
    .from(t.episodes)
    .where(
      and(
        episodeScope(request.viewer, t, request.now),
        isNull(t.episodes.enteredInErrorReason),
        request.teamId === null ? undefined : eq(t.episodes.teamId, request.teamId),
        or(...request.kinds.map((kind) => candidateCondition(kind, context, request))) ?? sql`1 = 0`,
      ),
    );
  return rows.map((row) => row.id);
}

/** The report's order: core's (kind, then oldest first, undated last), then episode and record for a total order. */
function sortKeyOf(row: ExceptionRow): [number, string, string, string, string] {
  return [EXCEPTION_KINDS.indexOf(row.kind), row.since ?? "9999-12-31", row.episodeId, row.recordId ?? "", row.detail];
}

function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const left = a[index] as string | number;
    const right = b[index] as string | number;
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

/** Every line of the report for the request, in report order. */
export async function exceptionReportRows(db: Db, t: Tables, request: ExceptionsRequest): Promise<ExceptionReportRow[]> {
  if (request.kinds.length === 0) return [];
  const wanted = new Set(request.kinds);
  const rows: ExceptionReportRow[] = [];
  await forEachEpisodeRecords(db, t, await candidateEpisodeIds(db, t, request), (records) => {
    for (const row of exceptionsFor(records, request.catalogue, request.settings, request.today)) {
      if (wanted.has(row.kind)) rows.push({ ...row, episodeRow: records.row, personRow: records.personRow });
    }
  });
  return rows.sort((a, b) => compareKeys(sortKeyOf(a), sortKeyOf(b)));
}

/** One page of the report; the cursor is the last line's place in the report order. */
export async function exceptionReportPage(db: Db, t: Tables, request: ExceptionsRequest, first: number, after: string | null | undefined): Promise<ConnectionShape<ExceptionReportRow>> {
  const rows = await exceptionReportRows(db, t, request);
  const afterKey = after ? (decodeCursor(after, 5) as (string | number)[]) : null;
  const start = afterKey === null ? 0 : rows.findIndex((row) => compareKeys(sortKeyOf(row), afterKey) > 0);
  const rest = start === -1 ? [] : rows.slice(start, start + first + 1);
  return pageFromRows(rest, first, sortKeyOf, (row) => row, rows.length, Boolean(after));
}
