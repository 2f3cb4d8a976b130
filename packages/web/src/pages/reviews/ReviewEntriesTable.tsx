import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from "@tanstack/react-table";
import { daysBetween } from "@waymark/core";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { displayDate } from "../../components/formatting.js";
import { personName } from "../../components/personName.js";
import { SortableHeader } from "../../components/SortableHeader.js";
import type { ScheduleEntry } from "./reviewScheduleQuery.js";

const column = createColumnHelper<ScheduleEntry>();

function dueWords(entry: ScheduleEntry, asOf: string): string | null {
  if (entry.status !== "OVERDUE") return null;
  const days = daysBetween(entry.dueDate, asOf);
  return days === 1 ? "1 day overdue" : `${days} days overdue`;
}

/**
 * One group of the schedule (overdue, due, upcoming) as a table the user can sort by person, due date,
 * keyworker or team. Each row leads straight to the review form, and to the person's record.
 */
export function ReviewEntriesTable({ caption, entries, asOf, showKeyworker }: { caption: string; entries: readonly ScheduleEntry[]; asOf: string; showKeyworker: boolean }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "dueDate", desc: false }]);
  const columns = useMemo(
    () => [
      column.accessor((entry) => `${entry.serviceUser.lastName} ${entry.serviceUser.firstName}`.toLowerCase(), {
        id: "person",
        header: "Person",
        cell: ({ row: { original } }) => (
          <>
            <Link to={`/people/${original.serviceUser.id}`}>{personName(original.serviceUser)}</Link>
            <div className="secondary">{original.serviceUser.localReference}</div>
          </>
        ),
      }),
      column.accessor("dueDate", {
        header: "Review due",
        cell: ({ row: { original } }) => (
          <>
            {displayDate(original.dueDate)}
            {dueWords(original, asOf) && <div className="secondary">{dueWords(original, asOf)}</div>}
          </>
        ),
      }),
      ...(showKeyworker
        ? [column.accessor((entry) => entry.keyworker?.name ?? "", { id: "keyworker", header: "Keyworker", cell: ({ getValue }) => getValue() || "No keyworker allocated" })]
        : []),
      column.accessor((entry) => entry.team.name, { id: "team", header: "Team" }),
      column.display({
        id: "action",
        header: () => <span className="visually-hidden">Action</span>,
        cell: ({ row: { original } }) => (
          <Link to={`/episodes/${original.episode.id}/review`}>
            Record review<span className="visually-hidden"> for {personName(original.serviceUser)}</span>
          </Link>
        ),
      }),
    ],
    [asOf, showKeyworker],
  );
  const table = useReactTable({
    data: entries as ScheduleEntry[],
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (entry) => entry.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              if (!header.column.getCanSort()) {
                return (
                  <th scope="col" key={header.id}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                );
              }
              const sorted = header.column.getIsSorted();
              return (
                <SortableHeader
                  key={header.id}
                  label={String(header.column.columnDef.header)}
                  direction={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                  onSort={() => header.column.toggleSorting(sorted === "asc")}
                />
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
