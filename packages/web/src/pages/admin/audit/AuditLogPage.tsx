import { addDays, AUDIT_ACTIONS } from "@waymark/core";
import { useState } from "react";
import { useQuery } from "urql";
import { Details } from "../../../components/Details.js";
import { Pagination } from "../../../components/Pagination.js";
import { SortableHeader } from "../../../components/SortableHeader.js";
import { useCursorPages } from "../../../components/useCursorPages.js";
import { AuditFilters, NO_AUDIT_FILTER, startOfDay, UNKNOWN_ACTOR, type AuditFilterDraft } from "./AuditFilters.js";
import { AUDIT_EVENTS, recordTypeLabel, type AuditEventRecord } from "./auditQueries.js";
import "../../../components/lists.css";
import "./audit.css";

const PAGE_SIZE = 50;

/** The API's filter for the chosen conditions; the last day is included by filtering before the next day starts. */
function filterOf(draft: AuditFilterDraft): Record<string, unknown> | null {
  const filter: Record<string, unknown> = {};
  if (draft.actorId === UNKNOWN_ACTOR) filter.actorId = { isNull: true };
  else if (draft.actorId) filter.actorId = { eq: draft.actorId };
  if (draft.action) filter.action = { eq: draft.action };
  if (draft.recordType) filter.recordType = { eq: draft.recordType };
  if (draft.fromDate) filter.from = startOfDay(draft.fromDate);
  if (draft.toDate) filter.to = startOfDay(addDays(draft.toDate, 1));
  return Object.keys(filter).length > 0 ? filter : null;
}

const WHEN = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Europe/London" });

/** The change detail is JSON written by the server; shown indented, or as it is if it is not JSON. */
function readableDetail(detail: string): string {
  try {
    return JSON.stringify(JSON.parse(detail), null, 2);
  } catch {
    return detail;
  }
}

function EventRow({ event }: { event: AuditEventRecord }) {
  const more = event.recordId || event.serviceUserId || event.detail;
  return (
    <tr>
      <td className="nowrap">
        <time dateTime={event.at}>{WHEN.format(new Date(event.at))}</time>
      </td>
      <td>{event.actor?.name ?? <span className="secondary">Unknown</span>}</td>
      <td>{AUDIT_ACTIONS.labelOf(event.action)}</td>
      <td>{recordTypeLabel(event.recordType)}</td>
      <td>{event.fromAddress ?? "—"}</td>
      <td>
        {event.reason && <p className="audit__reason">Reason: {event.reason}</p>}
        {more ? (
          <Details summary="Show details">
            <dl className="audit__facts">
              {event.recordId && (
                <>
                  <dt>Record ID</dt>
                  <dd>
                    <code>{event.recordId}</code>
                  </dd>
                </>
              )}
              {event.serviceUserId && (
                <>
                  <dt>Person ID</dt>
                  <dd>
                    <code>{event.serviceUserId}</code>
                  </dd>
                </>
              )}
            </dl>
            {event.detail && <pre className="audit__json">{readableDetail(event.detail)}</pre>}
          </Details>
        ) : (
          !event.reason && <span className="secondary">—</span>
        )}
      </td>
    </tr>
  );
}

/**
 * The audit trail for admins, read-only: who did what to which record, when and from where, filtered and paged
 * on the server. Record and person IDs are shown as the opaque IDs they are, never resolved into names here.
 */
export function AuditLogPage() {
  const [applied, setApplied] = useState(NO_AUDIT_FILTER);
  const [direction, setDirection] = useState<"ASC" | "DESC">("DESC");
  const pages = useCursorPages(JSON.stringify([applied, direction]));
  const [result] = useQuery({ query: AUDIT_EVENTS, variables: { filter: filterOf(applied), direction, first: PAGE_SIZE, after: pages.after } });
  const page = result.data?.auditEvents;

  return (
    <>
      <h1>Audit log</h1>
      <p className="lead">Every sign-in, every read of a person's record and every change, as it was written. Nothing here can be changed.</p>
      <AuditFilters
        applied={applied}
        onApply={setApplied}
      />
      {!page ? (
        result.error ? <p className="error-message">The audit log could not be loaded. Refresh the page to try again.</p> : <p aria-live="polite">Loading the audit log…</p>
      ) : (
        <>
          <table className="table audit">
            <caption className="visually-hidden">Audit events</caption>
            <thead>
              <tr>
                <SortableHeader
                  label="When"
                  direction={direction === "ASC" ? "ascending" : "descending"}
                  onSort={() => setDirection(direction === "ASC" ? "DESC" : "ASC")}
                />
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Record</th>
                <th scope="col">From</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {page.edges.map(({ node }) => (
                <EventRow key={node.id} event={node} />
              ))}
            </tbody>
          </table>
          <Pagination
            label="Audit log pages"
            pageNumber={pages.pageNumber}
            pageSize={PAGE_SIZE}
            shownOnPage={page.edges.length}
            totalCount={page.totalCount}
            noun={{ one: "event", many: "events" }}
            hasPrevious={pages.hasPrevious}
            hasNext={page.pageInfo.hasNextPage}
            busy={result.fetching}
            onPrevious={pages.previous}
            onNext={() => page.pageInfo.endCursor && pages.next(page.pageInfo.endCursor)}
          />
        </>
      )}
    </>
  );
}
