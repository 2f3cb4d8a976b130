import { useState } from "react";
import { Link } from "react-router";
import { useClient } from "urql";
import { Button } from "../../components/Button.js";
import { displayDate } from "../../components/formatting.js";
import { personName } from "../../components/personName.js";
import { sectionIdOf, type ExceptionKindGuide } from "./exceptionKinds.js";
import { LINES_PER_PAGE, MORE_EXCEPTIONS, type ExceptionLine, type ExceptionPage } from "./exceptionsQuery.js";

/** The report's details carry ISO dates; people read them as "13 September 2026". */
function readableDetail(detail: string): string {
  return detail.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => displayDate(date));
}

/** One kind of the exceptions report: its count, what it means, and a table whose every line links to its fix. */
export function ExceptionSection({ guide, firstPage, teamId, isTeamLead }: { guide: ExceptionKindGuide; firstPage: ExceptionPage; teamId: string | null; isTeamLead: boolean }) {
  const client = useClient();
  const [later, setLater] = useState<{ lines: ExceptionLine[]; hasNextPage: boolean; endCursor: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const lines = [...firstPage.edges.map((edge) => edge.node), ...(later?.lines ?? [])];
  const hasNextPage = later ? later.hasNextPage : firstPage.pageInfo.hasNextPage;
  const endCursor = later ? later.endCursor : firstPage.pageInfo.endCursor;
  const id = sectionIdOf(guide.kind);

  const showMore = async () => {
    setLoading(true);
    const next = await client.query(MORE_EXCEPTIONS, { kind: guide.kind, teamId, first: LINES_PER_PAGE, after: endCursor }, { requestPolicy: "network-only" }).toPromise();
    setLoading(false);
    const page = next.data?.exceptions;
    setFailed(!page);
    if (page) setLater({ lines: [...(later?.lines ?? []), ...page.edges.map((edge) => edge.node)], hasNextPage: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor });
  };

  return (
    <section aria-labelledby={id}>
      <h2 id={id} tabIndex={-1}>
        {guide.heading} <span className="secondary">({firstPage.totalCount})</span>
      </h2>
      <p className="secondary">{guide.explanation}</p>
      {lines.length === 0 ? (
        <p>None.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{guide.heading}</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              {guide.sinceHeading && <th scope="col">{guide.sinceHeading}</th>}
              <th scope="col">What needs doing</th>
              <th scope="col">Keyworker</th>
              <th scope="col">Team</th>
              <th scope="col">
                <span className="visually-hidden">Fix</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id}>
                <td>
                  <Link to={`/people/${line.serviceUser.id}`}>{personName(line.serviceUser)}</Link>
                  <div className="secondary">{line.serviceUser.localReference}</div>
                </td>
                {guide.sinceHeading && <td className="nowrap">{displayDate(line.since)}</td>}
                <td>{readableDetail(line.detail)}</td>
                <td>{line.keyworker?.name ?? "None allocated"}</td>
                <td>{line.team.name}</td>
                <td>
                  {guide.teamLeadsOnly && !isTeamLead ? (
                    <span className="secondary">{guide.teamLeadsOnly}</span>
                  ) : (
                    <Link to={guide.fixPath({ episodeId: line.episode.id, serviceUserId: line.serviceUser.id })}>
                      {guide.fixLabel}
                      <span className="visually-hidden"> for {personName(line.serviceUser)}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hasNextPage && (
        <div className="actions-row">
          <p>
            Showing {lines.length} of {firstPage.totalCount}.
          </p>
          <Button type="button" variant="secondary" disabled={loading} aria-busy={loading || undefined} onClick={() => void showMore()}>
            Show more<span className="visually-hidden"> {guide.heading.toLowerCase()}</span>
          </Button>
          {failed && <p className="error-message">More lines could not be loaded. Try again.</p>}
        </div>
      )}
    </section>
  );
}
