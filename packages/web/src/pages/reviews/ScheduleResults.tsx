import { useState } from "react";
import { useClient, useQuery } from "urql";
import { Button } from "../../components/Button.js";
import { displayDate } from "../../components/formatting.js";
import { KeyworkerTotals } from "./KeyworkerTotals.js";
import { ReviewEntriesTable } from "./ReviewEntriesTable.js";
import { ENTRIES_PER_PAGE, MORE_REVIEW_ENTRIES, REVIEW_SCHEDULE, type ReviewScheduleData, type ReviewScheduleVariables, type ScheduleEntry } from "./reviewScheduleQuery.js";
import { ReviewTotals } from "./ReviewTotals.js";
import { ReviewWeeks } from "./ReviewWeeks.js";
import { windowEnd, type ScheduleView } from "./scheduleView.js";

const GROUPS = [
  { status: "OVERDUE", id: "overdue-reviews", heading: "Overdue", none: "No reviews are overdue." },
  { status: "DUE", id: "due-reviews", heading: "Due in the next 7 days", none: "No reviews are due in the next 7 days." },
  { status: "UPCOMING", id: "upcoming-reviews", heading: "Coming up", none: "No other reviews fall due in this window." },
] as const;

/** Who the schedule is for, in words, from the view and the names the answer carries. */
function describe(view: ScheduleView, schedule: ReviewScheduleData["reviewSchedule"]): string {
  if (view.scope === "MINE") return "Your reviews";
  const keyworker = schedule.byKeyworker.find((row) => row.keyworker?.id === view.keyworkerId)?.keyworker;
  const team = schedule.byKeyworker.find((row) => row.team.id === view.teamId)?.team;
  if (view.keyworkerId) return keyworker ? `Reviews for ${keyworker.name}${team ? ` in ${team.name}` : ""}` : "Reviews for the chosen keyworker";
  if (view.teamId) return team ? `Reviews for ${team.name}` : "Reviews for the chosen team";
  return "Reviews for all your teams";
}

/**
 * The schedule for one view: totals, the week-by-week count, the per-keyworker counts and the reviews
 * themselves in three groups. Keyed by the view, so changing it starts afresh rather than mixing pages.
 */
export function ScheduleResults({ view, today }: { view: ScheduleView; today: string }) {
  const variables: ReviewScheduleVariables = { scope: view.scope, teamId: view.teamId, keyworkerId: view.keyworkerId, to: windowEnd(view, today), first: ENTRIES_PER_PAGE };
  const [result] = useQuery({ query: REVIEW_SCHEDULE, variables });
  const client = useClient();
  const [more, setMore] = useState<{ entries: ScheduleEntry[]; hasNextPage: boolean; endCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);

  const schedule = result.data?.reviewSchedule;
  if (!schedule) {
    if (result.error) return <p className="error-message">The review schedule could not be loaded. Refresh the page to try again.</p>;
    return <p aria-live="polite">Loading the review schedule…</p>;
  }
  const entries = [...schedule.entries.edges.map((edge) => edge.node), ...(more?.entries ?? [])];
  const hasNextPage = more ? more.hasNextPage : schedule.entries.pageInfo.hasNextPage;
  const endCursor = more ? more.endCursor : schedule.entries.pageInfo.endCursor;

  const showMore = async () => {
    setLoadingMore(true);
    const next = await client.query(MORE_REVIEW_ENTRIES, { ...variables, after: endCursor }, { requestPolicy: "network-only" }).toPromise();
    setLoadingMore(false);
    const page = next.data?.reviewSchedule.entries;
    setMoreFailed(!page);
    if (page) setMore({ entries: [...(more?.entries ?? []), ...page.edges.map((edge) => edge.node)], hasNextPage: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor });
  };

  return (
    <>
      <p className="lead" aria-live="polite">
        {describe(view, schedule)}, as of {displayDate(schedule.asOf)}, looking ahead to {displayDate(schedule.to)}.
      </p>
      <ReviewTotals overdue={schedule.overdue} due={schedule.due} upcoming={schedule.upcoming} to={schedule.to} />

      <h2>Week by week</h2>
      <ReviewWeeks weeks={schedule.weeks} />

      {view.scope === "TEAM" && (
        <>
          <h2>By keyworker</h2>
          <KeyworkerTotals rows={schedule.byKeyworker} view={view} canNarrow={!view.keyworkerId} />
        </>
      )}

      {GROUPS.map((group) => {
        const rows = entries.filter((entry) => entry.status === group.status);
        return (
          <section key={group.status} aria-labelledby={group.id}>
            <h2 id={group.id} tabIndex={-1}>
              {group.heading} <span className="secondary">({schedule[group.status === "OVERDUE" ? "overdue" : group.status === "DUE" ? "due" : "upcoming"]})</span>
            </h2>
            {rows.length > 0 ? <ReviewEntriesTable caption={`${group.heading} reviews`} entries={rows} asOf={schedule.asOf} showKeyworker={view.scope === "TEAM"} /> : !hasNextPage && <p>{group.none}</p>}
          </section>
        );
      })}

      {hasNextPage && (
        <div className="inset">
          <p>
            Showing {entries.length} of {schedule.entries.totalCount} reviews, earliest due first.
          </p>
          {moreFailed && <p className="error-message">More reviews could not be loaded. Try again.</p>}
          <Button type="button" variant="secondary" disabled={loadingMore} aria-busy={loadingMore || undefined} onClick={() => void showMore()}>
            Show more reviews
          </Button>
        </div>
      )}
    </>
  );
}
