import type { ReactNode } from "react";

/**
 * Why a journey form is not offered for this episode at its current step (already triaged, no plan to
 * review, discharged), in place of a form the server would refuse.
 */
export function NotAvailable({ children }: { children: ReactNode }) {
  return <div className="inset">{children}</div>;
}
