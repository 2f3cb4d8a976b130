import {
  addDays,
  daysBetween,
  DEFAULT_REVIEW_WINDOW_DAYS,
  defaultReviewWindow,
  openReviewStatus,
  reviewOccurrences,
  type Episode,
  type IsoDate,
  type OpenReviewStatus,
  type RecoveryPlan,
  type Review,
  type ReviewWindow,
} from "@waymark/core";
import { and, eq, gte, lt, lte, min, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tables } from "../db/database.js";
import { afterCursor, orderByKeys, pageFromRows } from "../db/keysetPage.js";
import type { ConnectionShape } from "../graphql/relay.js";
import { checkCursorFitsKeys, type TypedSortKey } from "./caseloadOrder.js";
import { columnsOf, EPISODE_SUMMARY_COLUMNS, PERSON_SUMMARY_COLUMNS, type EpisodeAndPerson, type RowColumns } from "./summaryColumns.js";
import { openWorkingListEpisodes, type WorkingListCriteria } from "./workingListScope.js";

/**
 * The review schedule (R-REV-2): the open review of each open episode in a working list (the current plan's
 * next review due, kept in `episodes.next_review_due` by services/episodeSummary.ts), listed when it falls in
 * the window [from, to] or is already overdue, so a backlog never drops out of sight by choosing a window.
 * Each review's status is core's openReviewStatus around today.
 */

export interface ReviewScheduleRequest extends WorkingListCriteria {
  readonly today: IsoDate;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** The statuses a listed review can have: the window never reaches LATER. */
export type ScheduledReviewStatus = Exclude<OpenReviewStatus, "LATER">;

/** Open reviews of one keyworker (null: unallocated) in one team, by status. */
export interface KeyworkerReviewCounts {
  readonly keyworkerId: string | null;
  readonly teamId: string;
  readonly counts: Record<ScheduledReviewStatus, number>;
}

/** How many open reviews fall due in one week (Monday to Sunday) of the window. */
export interface WeekCount {
  readonly weekStarting: IsoDate;
  readonly count: number;
}

export interface ReviewScheduleSummary {
  readonly totals: Record<ScheduledReviewStatus, number>;
  readonly byKeyworker: readonly KeyworkerReviewCounts[];
  readonly weeks: readonly WeekCount[];
}

/** One listed review: the episode and person as stored; the due date is the episode's next review due. */
/** One review on the schedule: its episode and person (in summary or whole, summaryColumns.ts) and its due date. */
export type ScheduledReviewRow = EpisodeAndPerson & { readonly dueDate: IsoDate };

/** Longest window the schedule will count week by week. */
export const MAX_SCHEDULE_DAYS = 366;
/** Four weeks' notice, the window a team lead plans a month with. */
export const DEFAULT_SCHEDULE_DAYS = 27;

/**
 * Core's review window around today, stretched so that everything up to `to` is UPCOMING: "due" keeps
 * core's default of a week, "upcoming" is whatever the chosen window holds beyond that (R-REV-2).
 */
export function scheduleWindow(today: IsoDate, to: IsoDate): ReviewWindow {
  return { ...defaultReviewWindow(today), upcomingWithinDays: Math.max(DEFAULT_REVIEW_WINDOW_DAYS.dueWithinDays, daysBetween(today, to)) };
}

function scheduledStatus(dueDate: IsoDate, window: ReviewWindow): ScheduledReviewStatus {
  const status = openReviewStatus(dueDate, window);
  // Listed reviews are due on or before `to`, which the stretched window always covers.
  return status === "LATER" ? "UPCOMING" : status;
}

/** Open reviews on the schedule: due within [from, to], or overdue whenever they fell due. */
function scheduledCondition(t: Tables, request: ReviewScheduleRequest): SQL | undefined {
  const due = t.episodes.nextReviewDue;
  return and(openWorkingListEpisodes(t, request), lte(due, request.to), or(gte(due, request.from), lt(due, request.today)));
}

/** The Monday on or before `date`: weeks on the schedule run Monday to Sunday, as a service's diary does. */
export function weekStartingOn(date: IsoDate): IsoDate {
  const daysSinceMonday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -daysSinceMonday);
}

function emptyCounts(): Record<ScheduledReviewStatus, number> {
  return { OVERDUE: 0, DUE: 0, UPCOMING: 0 };
}

/**
 * Counts of the schedule in one statement: open reviews grouped by keyworker, team and due date, with
 * every review due before the window folded into one group per keyworker (they are all overdue), then
 * sorted into statuses with core and into weeks.
 */
export async function reviewScheduleSummary(db: Db, t: Tables, request: ReviewScheduleRequest): Promise<ReviewScheduleSummary> {
  const due = t.episodes.nextReviewDue;
  const dueOrBeforeWindow = sql`case when ${due} < ${request.from} then '0001-01-01' else ${due} end`;
  const groups = await db
    .select({ keyworkerId: t.episodes.keyworkerId, teamId: t.episodes.teamId, firstDue: min(due), count: sql<number>`count(*)` })
    .from(t.episodes)
    .where(scheduledCondition(t, request))
    .groupBy(t.episodes.keyworkerId, t.episodes.teamId, dueOrBeforeWindow);

  const window = scheduleWindow(request.today, request.to);
  const totals = emptyCounts();
  const byKeyworker = new Map<string, KeyworkerReviewCounts>();
  const weekCounts = new Map<IsoDate, number>();
  for (let week = weekStartingOn(request.from); week <= request.to; week = addDays(week, 7)) weekCounts.set(week, 0);
  for (const group of groups) {
    if (group.firstDue === null) continue;
    const count = Number(group.count);
    const status = scheduledStatus(group.firstDue, window);
    totals[status] += count;
    const key = `${group.keyworkerId ?? ""}|${group.teamId}`;
    const entry = byKeyworker.get(key) ?? { keyworkerId: group.keyworkerId, teamId: group.teamId, counts: emptyCounts() };
    entry.counts[status] += count;
    byKeyworker.set(key, entry);
    if (group.firstDue >= request.from) {
      const week = weekStartingOn(group.firstDue);
      weekCounts.set(week, (weekCounts.get(week) ?? 0) + count);
    }
  }
  const mostBehindFirst = (a: KeyworkerReviewCounts, b: KeyworkerReviewCounts) =>
    b.counts.OVERDUE - a.counts.OVERDUE || b.counts.DUE - a.counts.DUE || b.counts.UPCOMING - a.counts.UPCOMING || (a.keyworkerId ?? "").localeCompare(b.keyworkerId ?? "");
  return {
    totals,
    byKeyworker: [...byKeyworker.values()].sort(mostBehindFirst),
    weeks: [...weekCounts].map(([weekStarting, count]) => ({ weekStarting, count })),
  };
}

/** One page of the schedule's reviews, earliest due first; `totalCount` comes from the summary. */
export async function scheduledReviewsPage(
  db: Db,
  t: Tables,
  request: ReviewScheduleRequest,
  page: { readonly first: number; readonly after: string | null | undefined; readonly totalCount: number; readonly columns: RowColumns },
): Promise<ConnectionShape<ScheduledReviewRow>> {
  const keys: TypedSortKey[] = [
    { expression: t.episodes.nextReviewDue, direction: "ASC", value: "date" },
    { expression: t.episodes.id, direction: "ASC", value: "text" },
  ];
  checkCursorFitsKeys(keys, page.after);
  const selection =
    page.columns === "all"
      ? { episode: t.episodes, person: t.serviceUsers }
      : { episode: columnsOf(t.episodes, EPISODE_SUMMARY_COLUMNS), person: columnsOf(t.serviceUsers, PERSON_SUMMARY_COLUMNS) };
  const rows: { episode: EpisodeAndPerson["episode"]; person: EpisodeAndPerson["person"] }[] = await db
    .select(selection)
    .from(t.episodes)
    .innerJoin(t.serviceUsers, eq(t.serviceUsers.id, t.episodes.serviceUserId))
    .where(and(scheduledCondition(t, request), afterCursor(keys, page.after)))
    .orderBy(...orderByKeys(keys))
    .limit(page.first + 1);
  return pageFromRows(
    rows,
    page.first,
    (row) => [row.episode.nextReviewDue, row.episode.id],
    (row) => ({ columns: page.columns, episode: row.episode, person: row.person, dueDate: row.episode.nextReviewDue as IsoDate }) as ScheduledReviewRow,
    page.totalCount,
    Boolean(page.after),
  );
}

/** The status of one listed review around today, for a window ending on `to`. */
export function scheduledReviewStatus(dueDate: IsoDate, today: IsoDate, to: IsoDate): ScheduledReviewStatus {
  return scheduledStatus(dueDate, scheduleWindow(today, to));
}

/**
 * The plan whose review is open: the occurrence core's schedule leaves neither completed nor missed. Plans
 * and reviews are the episode's own, in core's form.
 */
export function openReviewPlanId(plans: readonly RecoveryPlan[], reviews: readonly Review[], episode: Pick<Episode, "id" | "status" | "dischargeDate">, today: IsoDate): string | null {
  const open = reviewOccurrences(plans, reviews, episode, defaultReviewWindow(today)).find((occurrence) => occurrence.completedDate === null && occurrence.status !== "MISSED");
  return open?.planId ?? null;
}
