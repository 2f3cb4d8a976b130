/** A table column header that sorts, announcing its state through aria-sort as GOV.UK sortable tables do. */
export function SortableHeader({ label, direction, onSort }: { label: string; direction: "ascending" | "descending" | "none"; onSort: () => void }) {
  return (
    <th scope="col" aria-sort={direction}>
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <span aria-hidden="true" className="sort-button__arrow">
          {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}
        </span>
      </button>
    </th>
  );
}
