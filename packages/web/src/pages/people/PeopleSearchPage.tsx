import { useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { Pagination } from "../../components/Pagination.js";
import { useCursorPages } from "../../components/useCursorPages.js";
import { PEOPLE_QUERY, peopleFilter, type PeopleResult, type PeopleVariables } from "./peopleQuery.js";
import { PeopleTable, type PeopleSort } from "./PeopleTable.js";
import "../caseload/caseload.css";

const PAGE_SIZE = 50;

interface Search {
  readonly words: string;
  readonly openEpisodeOnly: boolean;
}

/**
 * Find a person by name or local reference, and the way to register someone new. Nobody is listed until a
 * search is made: every person the server returns is recorded as read in the audit trail, so the page does
 * not open on a list of people nobody asked about.
 */
export function PeopleSearchPage() {
  const [words, setWords] = useState("");
  const [openEpisodeOnly, setOpenEpisodeOnly] = useState(false);
  const [search, setSearch] = useState<Search | null>(null);
  const [sort, setSort] = useState<PeopleSort>({ field: "LAST_NAME", direction: "ASC" });
  const [problem, setProblem] = useState("");
  const pages = useCursorPages(JSON.stringify([search, sort]));
  const variables: PeopleVariables = {
    first: PAGE_SIZE,
    after: pages.after,
    filter: search ? peopleFilter(search.words, search.openEpisodeOnly) : null,
    orderBy: sort.field === "LAST_NAME" ? [sort] : [sort, { field: "LAST_NAME", direction: "ASC" }],
  };
  const [result, refetch] = useQuery<PeopleResult, PeopleVariables>({ query: PEOPLE_QUERY, variables, pause: search === null });
  const lastLoaded = useRef<PeopleResult | undefined>(undefined);
  if (result.data) lastLoaded.current = result.data;
  const connection = search ? (result.data ?? lastLoaded.current)?.serviceUsers : undefined;
  const people = connection?.edges.map((edge) => edge.node) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = words.trim();
    if (trimmed.length < 2) {
      setProblem("Enter at least 2 letters or numbers of a name or reference.");
      return;
    }
    setProblem("");
    setSearch({ words: trimmed, openEpisodeOnly });
  };

  return (
    <>
      <h1>People</h1>
      <p>
        <Link to="/people/new" className="button button--primary">
          Register a person
        </Link>
      </p>
      <form role="search" className="search-form" onSubmit={submit} aria-label="Find a person" noValidate>
        <div className={`form-group${problem ? " form-group--error" : ""}`}>
          <label className="label" htmlFor="people-search">
            Find a person by name or reference
          </label>
          <div className="hint" id="people-search-hint">
            First, last, full or preferred name, or the local reference, for example SRS-00043
          </div>
          {problem && (
            <p className="error-message" id="people-search-error">
              <span className="visually-hidden">Error:</span> {problem}
            </p>
          )}
          <div className="search-form__row">
            <input
              className={`input search-form__input${problem ? " input--error" : ""}`}
              id="people-search"
              type="search"
              autoComplete="off"
              aria-describedby={problem ? "people-search-hint people-search-error" : "people-search-hint"}
              aria-invalid={problem ? true : undefined}
              value={words}
              onChange={(event) => setWords(event.target.value)}
            />
            <button type="submit" className="button button--secondary search-form__button">
              Search
            </button>
          </div>
        </div>
        <div className="choice form-group">
          <input className="choice__input" id="people-open-only" type="checkbox" checked={openEpisodeOnly} onChange={(event) => setOpenEpisodeOnly(event.target.checked)} />
          <label className="choice__label" htmlFor="people-open-only">
            Only people with an open episode
          </label>
        </div>
      </form>

      <p role="status" className="caseload__status">
        {search === null ? "" : result.fetching ? "Searching…" : connection ? foundSummary(connection.totalCount, search) : ""}
      </p>
      {search === null && <p className="secondary">Search to see matching people. Only people on caseloads you can see are found.</p>}
      {result.error && !result.fetching && (
        <div className="inset">
          <p>The search could not be run. Check your connection and try again.</p>
          <button type="button" className="button button--secondary" onClick={() => refetch({ requestPolicy: "network-only" })}>
            Try again
          </button>
        </div>
      )}
      {connection && people.length === 0 && !result.fetching && (
        <div className="inset">
          <p>Nobody matches. Check the spelling, try part of the name, or search by the local reference.</p>
          <p>
            If the service has not met the person before, <Link to="/people/new">register them</Link>.
          </p>
        </div>
      )}
      {connection && people.length > 0 && (
        <>
          <PeopleTable people={people} sort={sort} onSort={setSort} busy={result.fetching} />
          <Pagination
            label="Search result pages"
            pageNumber={pages.pageNumber}
            pageSize={PAGE_SIZE}
            shownOnPage={people.length}
            totalCount={connection.totalCount}
            noun={{ one: "person", many: "people" }}
            hasPrevious={pages.hasPrevious}
            hasNext={connection.pageInfo.hasNextPage && connection.pageInfo.endCursor !== null}
            busy={result.fetching}
            onPrevious={pages.previous}
            onNext={() => connection.pageInfo.endCursor && pages.next(connection.pageInfo.endCursor)}
          />
        </>
      )}
    </>
  );
}

function foundSummary(totalCount: number, search: Search): string {
  const people = `${totalCount.toLocaleString("en-GB")} ${totalCount === 1 ? "person" : "people"}`;
  return `${people} found for “${search.words}”${search.openEpisodeOnly ? " with an open episode" : ""}.`;
}
