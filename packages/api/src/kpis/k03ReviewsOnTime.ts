import { addDays, REVIEWS_ON_TIME_TARGET, SETTLED_REVIEW_STATUSES, type ReviewsOnTimeKpi } from "@waymark/core";
import { sql, type SQL } from "drizzle-orm";
import { addToTally, ratioWithGroups, type GroupNames } from "./breakdownGroups.js";
import { countedCte, sqlList, whole, type KpiQuery } from "./population.js";
import type { KpiSql } from "./sqlDialect.js";

const CLOSED_STATUSES = ["COMPLETED", "CLOSED"];

/** The longest review interval a plan may set (core's plan rules: 1 to 52 weeks). */
const LONGEST_REVIEW_INTERVAL_WEEKS = 52;

function earlierOf(a: SQL, b: SQL): SQL {
  return sql`(case when ${a} < ${b} then ${a} else ${b} end)`;
}

function weeksAfter(db: KpiSql, date: SQL, weeks: SQL): SQL {
  return db.addDays(date, sql`(7 * ${weeks})`);
}

/**
 * K-3 Reviews on time, from the review schedule of R-REV-1/R-REV-2 rebuilt in SQL the way core's
 * `reviewOccurrences` builds it: each in-force signed-off plan of a counted episode is superseded by the next
 * one signed off (ties by start date, then id) and stops when superseded or when a closed episode was
 * discharged (or on `asOf` without a discharge date); its in-force reviews completed on or after sign-off, in
 * completion order, each satisfy the due date `reviewIntervalWeeks` after the previous completion (after sign-off
 * for the first), and the next due date is open: overdue when the plan is current and it is before `asOf`,
 * missed when it fell before the plan stopped. One statement counts the settled occurrences due in the period
 * per group and status.
 */
export async function reviewsOnTime(query: KpiQuery, names: GroupNames): Promise<ReviewsOnTimeKpi> {
  const { db, period, asOf } = query;
  // Every due date is a sign-off or a completion (its "base") plus the plan's interval, so a plan can only have
  // a review due in the period if it was signed off, or had a review completed, in the period or up to the
  // longest interval before it: those plans are found through the two dates, and only their schedules rebuilt.
  // Of those, a plan whose latest base there is more than its own interval before the period cannot have one
  // either (the cross join keeps SQLite from walking every plan to probe the few: it joins in the order written).
  // Plans superseding them are still read (they stop them), through their episodes. The same bound
  // drops the completed reviews whose base is too early before any date arithmetic is done on them.
  const earliestBase = addDays(period.from, -7 * LONGEST_REVIEW_INTERVAL_WEEKS);
  const rows = await db.rows<{ group_key: string; status: string; reviews: unknown }>(sql`with window_bases as (
      select p.id as plan_id, p.signed_off_date as base from recovery_plans p where p.signed_off_date >= ${earliestBase} and p.signed_off_date <= ${period.to}
      union all
      select r.plan_id, r.completed_date as base from reviews r where r.completed_date >= ${earliestBase} and r.completed_date <= ${period.to}
    ),
    latest_bases as (select b.plan_id, max(b.base) as base from window_bases b group by b.plan_id),
    reviewed_plans as (
      select p.id as plan_id, p.episode_id
      from latest_bases lb
      cross join recovery_plans p
      where p.id = lb.plan_id and ${db.text(sql`lb.base`)} >= ${db.addDays(sql`${period.from}`, sql`(-7 * p.review_interval_weeks)`)}
    ),
    reviewed_episodes as (select distinct rp.episode_id from reviewed_plans rp),
    ${countedCte(query, sql`e.id in (select episode_id from reviewed_episodes)`)},
    signed_plans as (
      select p.id as plan_id, p.episode_id, p.review_interval_weeks as weeks, ${db.text(sql`p.signed_off_date`)} as signed_off,
        lead(${db.text(sql`p.signed_off_date`)}) over (
          partition by p.episode_id order by p.signed_off_date, p.start_date, ${db.byCodeUnit(sql`p.id`)}
        ) as superseded_on
      from recovery_plans p
      where p.entered_in_error_reason is null and p.signed_off_date is not null
        and p.episode_id in (select episode_id from reviewed_episodes)
    ),
    plan_spans as (
      select sp.*, c.group_key,
        case when c.status in (${sqlList(CLOSED_STATUSES)}) then coalesce(c.discharge_date, ${asOf}) else null end as closed_on
      from signed_plans sp
      join counted c on c.episode_id = sp.episode_id
    ),
    plan_stops as (
      select ps.*,
        case when ps.superseded_on is not null and ps.closed_on is not null then ${earlierOf(sql`ps.superseded_on`, sql`ps.closed_on`)}
          else coalesce(ps.superseded_on, ps.closed_on) end as stopped_on
      from plan_spans ps
    ),
    plan_reviews as (
      select r.plan_id, ${db.text(sql`r.completed_date`)} as completed,
        lag(${db.text(sql`r.completed_date`)}) over (partition by r.plan_id order by r.completed_date, ${db.byCodeUnit(sql`r.id`)}) as previous_completed
      from plan_stops ps
      join reviews r on r.plan_id = ps.plan_id
      where ps.plan_id in (select plan_id from reviewed_plans) and r.entered_in_error_reason is null and ${db.text(sql`r.completed_date`)} >= ps.signed_off
    ),
    completed_occurrences as (
      select ps.group_key, pr.completed, ${weeksAfter(db, sql`coalesce(pr.previous_completed, ps.signed_off)`, sql`ps.weeks`)} as due_date
      from plan_reviews pr
      join plan_stops ps on ps.plan_id = pr.plan_id
      where coalesce(pr.previous_completed, ps.signed_off) >= ${earliestBase} and coalesce(pr.previous_completed, ps.signed_off) <= ${period.to}
    ),
    last_completions as (
      select pr.plan_id, max(pr.completed) as completed from plan_reviews pr group by pr.plan_id
    ),
    open_occurrences as (
      select ps.group_key, ps.stopped_on, ${weeksAfter(db, sql`coalesce(lc.completed, ps.signed_off)`, sql`ps.weeks`)} as due_date
      from plan_stops ps
      left join last_completions lc on lc.plan_id = ps.plan_id
      where ps.plan_id in (select plan_id from reviewed_plans)
    ),
    occurrences as (
      select group_key, due_date, case when completed <= due_date then 'COMPLETED_ON_TIME' else 'COMPLETED_LATE' end as status
      from completed_occurrences
      union all
      select group_key, due_date,
        case
          when stopped_on is null then (case when due_date < ${asOf} then 'OVERDUE' else 'OPEN' end)
          when due_date < stopped_on then 'MISSED'
          else 'DROPPED'
        end as status
      from open_occurrences
    )
    select group_key, status, count(*) as reviews
    from occurrences
    where due_date >= ${period.from} and due_date <= ${period.to} and status in (${sqlList(SETTLED_REVIEW_STATUSES.map((status) => status.code))})
    group by group_key, status`);
  const tally = new Map<string, { numerator: number; denominator: number }>();
  const byStatus = new Map<string, number>();
  for (const row of rows) {
    const count = whole(row.reviews);
    addToTally(tally, String(row.group_key), row.status === "COMPLETED_ON_TIME" ? count : 0, count);
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + count);
  }
  return {
    id: "K-3",
    target: REVIEWS_ON_TIME_TARGET,
    ...ratioWithGroups(tally, query.breakdown, names),
    byStatus: SETTLED_REVIEW_STATUSES.map((status) => ({ key: status.code, label: status.label, count: byStatus.get(status.code) ?? 0 })),
  };
}
