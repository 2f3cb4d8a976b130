import type { SortingState, VisibilityState } from "@tanstack/react-table";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";
import { Pagination } from "../../components/Pagination.js";
import { useCursorPages } from "../../components/useCursorPages.js";
import { hasRole, useSession } from "../../session/SessionContext.js";
import { CHOOSABLE_COLUMNS, type CaseloadColumnId } from "./caseloadColumns.js";
import { CaseloadFilters, type CaseloadFilterChoice } from "./CaseloadFilters.js";
import { FlagKey } from "./FlagKey.js";
import { loadPreferences, PAGE_SIZES, savePreferences, type CaseloadPreferences, type PageSize } from "./caseloadPreferences.js";
import { CASELOAD_QUERY, type CaseloadResult, type CaseloadScope, type CaseloadVariables } from "./caseloadQuery.js";
import { CaseloadSearch } from "./CaseloadSearch.js";
import { CaseloadTable } from "./CaseloadTable.js";
import { caseloadVariables, paramsFromView, viewFromParams, type CaseloadView } from "./caseloadView.js";
import { ColumnChooser } from "./ColumnChooser.js";
import { ScopeSwitch } from "./ScopeSwitch.js";
import "./caseload.css";

/**
 * The caseload: the open episodes a keyworker holds (or their team's), with today's flags and what is due.
 * Everything heavy happens on the server: sorting, filtering, searching and paging, 50 rows at a time by
 * default, so the screen stays quick with thousands of open episodes in a team.
 */
export function CaseloadPage() {
  const { staff } = useSession();
  const staffId = staff?.id ?? "";
  const [params, setParams] = useSearchParams();
  // The view is held here as well as in the address: the router updates the address a moment later, and
  // a radio or header that waited for it would flick back before settling.
  const [view, setView] = useState<CaseloadView>(() => viewFromParams(params));
  useEffect(() => setView(viewFromParams(params)), [params]);
  const [search, setSearch] = useState("");
  const [preferences, setPreferences] = useState<CaseloadPreferences>(() => loadPreferences(staffId));
  const listKey = JSON.stringify([view, search, preferences.pageSize]);
  const pages = useCursorPages(listKey);
  const variables: CaseloadVariables = caseloadVariables(view, search, preferences.pageSize, pages.after);
  const [result, refetch] = useQuery<CaseloadResult, CaseloadVariables>({ query: CASELOAD_QUERY, variables });

  // While the next page loads the last one stays on screen (marked busy), so the table does not jump about.
  const lastLoaded = useRef<CaseloadResult | undefined>(undefined);
  if (result.data) lastLoaded.current = result.data;
  const shown = result.data ?? lastLoaded.current;

  const changeView = (change: Partial<CaseloadView>) => {
    const next = { ...view, ...change };
    setView(next);
    setParams(paramsFromView(next), { replace: true });
  };
  const changePreferences = (change: Partial<CaseloadPreferences>) => {
    const next = { ...preferences, ...change };
    setPreferences(next);
    savePreferences(staffId, next);
  };
  const columnVisibility: VisibilityState = Object.fromEntries(CHOOSABLE_COLUMNS.map((column) => [column.id, !preferences.hiddenColumns.includes(column.id)]));

  const connection = shown?.caseload;
  const entries = connection?.edges.map((edge) => edge.node) ?? [];
  const filtered = view.flags.length > 0 || view.statuses.length > 0 || search !== "";
  const scopeName = view.scope === "MINE" ? "My caseload" : "My team's caseload";

  return (
    <>
      <h1>Caseload</h1>
      <div className="caseload__controls">
        <ScopeSwitch scope={view.scope} teamLead={hasRole(staff, "TEAM_LEAD")} onChange={(scope: CaseloadScope) => changeView({ scope })} />
        <CaseloadSearch applied={search} onSearch={setSearch} />
      </div>
      <CaseloadFilters
        key={`${view.flags.join()}|${view.statuses.join()}`}
        applied={{ flags: view.flags, statuses: view.statuses }}
        onApply={(choice: CaseloadFilterChoice) => changeView({ flags: choice.flags, statuses: choice.statuses })}
      />
      <ColumnChooser hidden={preferences.hiddenColumns} onChange={(hiddenColumns: CaseloadColumnId[]) => changePreferences({ hiddenColumns })} />

      <p role="status" className="caseload__status">
        {result.fetching ? "Loading the caseload…" : connection ? resultSummary(connection.totalCount, search, filtered) : ""}
      </p>

      {result.error && !result.fetching && (
        <div className="inset">
          <p>The caseload could not be loaded. Check your connection and try again.</p>
          <button type="button" className="button button--secondary" onClick={() => refetch({ requestPolicy: "network-only" })}>
            Try again
          </button>
        </div>
      )}

      {connection && entries.length === 0 && !result.fetching && (
        <p className="inset">{filtered ? "No open episodes match your search and filters. Clear the search or filters to see everyone." : emptyMessage(view.scope)}</p>
      )}

      {connection && entries.length > 0 && (
        <>
          <CaseloadTable
            caption={scopeName}
            entries={entries}
            sorting={view.sorting}
            onSortingChange={(sorting: SortingState) => changeView({ sorting })}
            columnVisibility={columnVisibility}
            busy={result.fetching}
          />
          <Pagination
            label="Caseload pages"
            pageNumber={pages.pageNumber}
            pageSize={preferences.pageSize}
            shownOnPage={entries.length}
            totalCount={connection.totalCount}
            noun={{ one: "open episode", many: "open episodes" }}
            hasPrevious={pages.hasPrevious}
            hasNext={connection.pageInfo.hasNextPage && connection.pageInfo.endCursor !== null}
            busy={result.fetching}
            onPrevious={pages.previous}
            onNext={() => connection.pageInfo.endCursor && pages.next(connection.pageInfo.endCursor)}
          />
        </>
      )}

      <div className="form-group caseload__page-size">
        <label className="label" htmlFor="caseload-page-size">
          Rows per page
        </label>
        <select
          className="select caseload__page-size-select"
          id="caseload-page-size"
          value={preferences.pageSize}
          onChange={(event) => changePreferences({ pageSize: Number(event.target.value) as PageSize })}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <FlagKey />
    </>
  );
}

function resultSummary(totalCount: number, search: string, filtered: boolean): string {
  const count = `${totalCount.toLocaleString("en-GB")} open ${totalCount === 1 ? "episode" : "episodes"}`;
  if (search) return `${count} matching “${search}”${filtered ? " and the filters" : ""}.`;
  return filtered ? `${count} matching the filters.` : `${count}.`;
}

function emptyMessage(scope: CaseloadScope): string {
  return scope === "MINE"
    ? "You have no open episodes on your caseload. Choose My team to see your team's episodes."
    : "Your team has no open episodes.";
}
