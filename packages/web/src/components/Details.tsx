import type { ReactNode } from "react";
import "./Details.css";

/**
 * The GOV.UK details component: a short summary line that opens to show more (filters, a key, help), built on
 * the native details element so it works by keyboard and is announced as expandable without any script.
 */
export function Details({ summary, open, children }: { summary: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="details" open={open || undefined}>
      <summary className="details__summary">{summary}</summary>
      <div className="details__text">{children}</div>
    </details>
  );
}
