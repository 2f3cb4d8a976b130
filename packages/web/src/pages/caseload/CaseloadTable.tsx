import { flexRender, getCoreRowModel, useReactTable, type SortingState, type VisibilityState } from "@tanstack/react-table";
import { SortableHeader } from "../../components/SortableHeader.js";
import { CASELOAD_COLUMNS } from "./caseloadColumns.js";
import type { CaseloadEntry } from "./caseloadQuery.js";

/**
 * One page of the caseload as a table. Sorting is done by the server: clicking a header only changes the
 * sort the page asks for. The person is each row's header so a screen reader names the row when moving across.
 */
export function CaseloadTable(props: {
  caption: string;
  entries: readonly CaseloadEntry[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  columnVisibility: VisibilityState;
  busy: boolean;
}) {
  const { caption, entries, sorting, onSortingChange, columnVisibility, busy } = props;
  const table = useReactTable<CaseloadEntry>({
    data: entries as CaseloadEntry[],
    columns: CASELOAD_COLUMNS,
    getRowId: (entry) => entry.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility },
    onSortingChange: (update) => onSortingChange(typeof update === "function" ? update(sorting) : update),
  });
  return (
    <div className="table-scroll">
      <table className="table caseload__table" aria-busy={busy || undefined}>
        <caption>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const label = String(header.column.columnDef.header);
                if (!header.column.getCanSort()) {
                  return (
                    <th scope="col" key={header.id}>
                      {label}
                    </th>
                  );
                }
                const sorted = header.column.getIsSorted();
                const toggle = () => header.column.toggleSorting(sorted === false ? header.column.getFirstSortDir() === "desc" : sorted === "asc");
                return <SortableHeader key={header.id} label={label} direction={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"} onSort={toggle} />;
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) =>
                cell.column.id === "person" ? (
                  <th scope="row" key={cell.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </th>
                ) : (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
