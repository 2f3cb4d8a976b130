import type { ReactNode } from "react";

/** The GOV.UK summary list: key–value rows describing a record, with an optional action per row. */
export function SummaryList({ rows }: { rows: readonly { key: string; value: ReactNode; action?: ReactNode }[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list__row" key={row.key}>
          <dt className="summary-list__key">{row.key}</dt>
          <dd className="summary-list__value">{row.value ?? <span className="secondary">Not recorded</span>}</dd>
          {row.action && <dd className="summary-list__actions">{row.action}</dd>}
        </div>
      ))}
    </dl>
  );
}
