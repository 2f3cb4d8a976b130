import type { ReactNode } from "react";
import { Link } from "react-router";
import { SuccessBanner } from "../../../components/Banner.js";
import { SummaryList } from "../../../components/SummaryList.js";

export interface NextStep {
  readonly to: string;
  readonly label: string;
}

/**
 * Shown once the server has saved a journey record: the confirmation (which takes focus, so it is announced),
 * what was saved as the server now holds it, and the next steps of the journey.
 */
export function Confirmation(props: { title: string; body?: string; saved: readonly { key: string; value: ReactNode }[]; nextSteps: readonly NextStep[] }) {
  const { title, body, saved, nextSteps } = props;
  return (
    <>
      <SuccessBanner title={title}>{body}</SuccessBanner>
      <h2>What was saved</h2>
      <SummaryList rows={saved} />
      <h2>What next</h2>
      <ul className="next-steps">
        {nextSteps.map((step) => (
          <li key={step.to}>
            <Link to={step.to}>{step.label}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
