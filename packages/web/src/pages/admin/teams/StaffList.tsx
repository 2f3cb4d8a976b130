import { ROLES, type Role } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { Button } from "../../../components/Button.js";
import { Select, TextInput } from "../../../components/Field.js";
import { Pagination } from "../../../components/Pagination.js";
import { SortableHeader } from "../../../components/SortableHeader.js";
import { Tag } from "../../../components/Tag.js";
import { useCursorPages } from "../../../components/useCursorPages.js";
import { STAFF_LIST, type StaffListVariables } from "./staffQueries.js";
import type { TeamRecord } from "./teamQueries.js";

const PAGE_SIZE = 25;
const FORM_ID = "staff-filter";

interface StaffFilterDraft {
  readonly name: string;
  readonly role: Role | "";
  readonly teamId: string;
  readonly status: "" | "active" | "disabled";
}

const NO_FILTER: StaffFilterDraft = { name: "", role: "", teamId: "", status: "" };

function filterOf(draft: StaffFilterDraft): Record<string, unknown> | null {
  const filter: Record<string, unknown> = {};
  if (draft.name.trim()) filter.name = { contains: draft.name.trim() };
  if (draft.role) filter.role = { eq: draft.role };
  if (draft.teamId) filter.teamId = { eq: draft.teamId };
  if (draft.status) filter.active = draft.status === "active";
  return Object.keys(filter).length > 0 ? filter : null;
}

/**
 * Every staff account, filtered, sorted and paged on the server. The search text stays in the page, never in
 * the address, since it may be a colleague's name.
 */
export function StaffList({ teams }: { teams: readonly TeamRecord[] }) {
  const [draft, setDraft] = useState(NO_FILTER);
  const [applied, setApplied] = useState(NO_FILTER);
  const [order, setOrder] = useState<StaffListVariables["orderBy"][number]>({ field: "NAME", direction: "ASC" });
  const pages = useCursorPages(JSON.stringify([applied, order]));
  const variables: StaffListVariables = { filter: filterOf(applied), orderBy: [order], first: PAGE_SIZE, after: pages.after };
  const [result] = useQuery({ query: STAFF_LIST, variables });
  const page = result.data?.staff;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
  };
  const sortBy = (field: "NAME" | "EMAIL") => {
    setOrder((current) => ({ field, direction: current.field === field && current.direction === "ASC" ? "DESC" : "ASC" }));
  };
  const directionOf = (field: "NAME" | "EMAIL") => (order.field !== field ? "none" : order.direction === "ASC" ? "ascending" : "descending");

  return (
    <>
      <form className="filters" onSubmit={apply} aria-label="Filter staff">
        <div className="toolbar">
          <TextInput formId={FORM_ID} name="name" label="Name contains" width="short" value={draft.name} onChange={(name) => setDraft({ ...draft, name })} />
          <Select formId={FORM_ID} name="role" label="Role" placeholder="Any role" options={ROLES.entries.map((entry) => ({ value: entry.code, label: entry.label }))} value={draft.role} onChange={(role) => setDraft({ ...draft, role: role as Role | "" })} />
          <Select formId={FORM_ID} name="team" label="Team" placeholder="Any team" options={teams.map((team) => ({ value: team.id, label: team.name }))} value={draft.teamId} onChange={(teamId) => setDraft({ ...draft, teamId })} />
          <Select
            formId={FORM_ID}
            name="status"
            label="Account"
            placeholder="Active or disabled"
            options={[
              { value: "active", label: "Active only" },
              { value: "disabled", label: "Disabled only" },
            ]}
            value={draft.status}
            onChange={(status) => setDraft({ ...draft, status: status as StaffFilterDraft["status"] })}
          />
          <Button type="submit" variant="secondary">
            Filter staff
          </Button>
        </div>
      </form>
      {!page ? (
        result.error ? <p className="error-message">The staff list could not be loaded. Refresh the page to try again.</p> : <p aria-live="polite">Loading staff…</p>
      ) : (
        <>
          <table className="table">
            <caption className="visually-hidden">Staff accounts</caption>
            <thead>
              <tr>
                <SortableHeader label="Name" direction={directionOf("NAME")} onSort={() => sortBy("NAME")} />
                <SortableHeader label="Email" direction={directionOf("EMAIL")} onSort={() => sortBy("EMAIL")} />
                <th scope="col">Roles</th>
                <th scope="col">Teams</th>
                <th scope="col">Account</th>
              </tr>
            </thead>
            <tbody>
              {page.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/admin/teams/staff/${node.id}`}>{node.name}</Link>
                  </td>
                  <td className="break-words">{node.email}</td>
                  <td>{node.roles.map((role) => ROLES.labelOf(role)).join(", ")}</td>
                  <td>{node.teams.length === 0 ? <span className="secondary">None</span> : node.teams.map((team) => team.name).join(", ")}</td>
                  <td>{node.active ? <Tag tone="green">Active</Tag> : <Tag tone="grey">Disabled</Tag>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination
            label="Staff pages"
            pageNumber={pages.pageNumber}
            pageSize={PAGE_SIZE}
            shownOnPage={page.edges.length}
            totalCount={page.totalCount}
            noun={{ one: "account", many: "accounts" }}
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
