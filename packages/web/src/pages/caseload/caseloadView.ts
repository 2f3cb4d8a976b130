import type { SortingState } from "@tanstack/react-table";
import type { EpisodeStatus } from "@waymark/core";
import { CASELOAD_FLAGS, type CaseloadFlag } from "./caseloadFlags.js";
import { ORDER_FIELD_OF_COLUMN, type CaseloadColumnId } from "./caseloadColumns.js";
import type { CaseloadFilterInput, CaseloadOrderField, CaseloadScope, CaseloadVariables } from "./caseloadQuery.js";
import { OPEN_STATUSES } from "./CaseloadFilters.js";

/**
 * How the caseload is viewed: scope, sort and filters. None of it is personal, so it is kept in the address
 * (the back button and a bookmark return to the same view); the search words and page cursors are not.
 */
export interface CaseloadView {
  readonly scope: CaseloadScope;
  readonly sorting: SortingState;
  readonly flags: readonly CaseloadFlag[];
  readonly statuses: readonly EpisodeStatus[];
}

/** The server's own default order: the soonest review first. */
export const DEFAULT_SORTING: SortingState = [{ id: "nextReviewDue", desc: false }];

const FLAG_CODES = new Set<string>(CASELOAD_FLAGS.map((info) => info.flag));

function listParam(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? "").split(",").filter(Boolean);
}

export function viewFromParams(params: URLSearchParams): CaseloadView {
  const sortColumn = params.get("sort");
  const sorting: SortingState =
    sortColumn && sortColumn in ORDER_FIELD_OF_COLUMN ? [{ id: sortColumn, desc: params.get("direction") === "descending" }] : DEFAULT_SORTING;
  return {
    scope: params.get("scope") === "team" ? "TEAM" : "MINE",
    sorting,
    flags: listParam(params, "flags").filter((flag): flag is CaseloadFlag => FLAG_CODES.has(flag)),
    statuses: listParam(params, "status").filter((status): status is EpisodeStatus => (OPEN_STATUSES as readonly string[]).includes(status)),
  };
}

export function paramsFromView(view: CaseloadView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.scope === "TEAM") params.set("scope", "team");
  const [sort] = view.sorting;
  if (sort && !(sort.id === DEFAULT_SORTING[0]?.id && !sort.desc)) {
    params.set("sort", sort.id);
    params.set("direction", sort.desc ? "descending" : "ascending");
  }
  if (view.flags.length > 0) params.set("flags", view.flags.join(","));
  if (view.statuses.length > 0) params.set("status", view.statuses.join(","));
  return params;
}

/** The query's variables for one page of the view. */
export function caseloadVariables(view: CaseloadView, search: string, first: number, after: string | null): CaseloadVariables {
  const filter: CaseloadFilterInput = {
    ...(view.flags.length > 0 ? { flags: { includesAny: view.flags } } : {}),
    ...(view.statuses.length > 0 ? { status: { in: view.statuses } } : {}),
  };
  const orderBy: { field: CaseloadOrderField; direction: "ASC" | "DESC" }[] = view.sorting.flatMap((sort) => {
    const field = ORDER_FIELD_OF_COLUMN[sort.id as CaseloadColumnId];
    return field ? [{ field, direction: sort.desc ? ("DESC" as const) : ("ASC" as const) }] : [];
  });
  // People level on the chosen key fall into name order, the order a keyworker reads a list in.
  if (!orderBy.some((order) => order.field === "LAST_NAME")) orderBy.push({ field: "LAST_NAME", direction: "ASC" });
  return { scope: view.scope, first, after, orderBy, filter: Object.keys(filter).length > 0 ? filter : null, search: search || null };
}
