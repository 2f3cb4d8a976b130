import { checkPersonalBudget, violationsOf } from "@waymark/core";
import { poundsOf } from "../shared/money.js";
import { personalBudgetOf, type BudgetDraft } from "./budgetDraft.js";

/**
 * The lines' total against the allocation, kept up to date as amounts are typed and announced politely.
 * Over the allocation it shows core's own R-PLAN-2 message, the one the server would refuse the plan with.
 */
export function BudgetRunningTotal({ draft }: { draft: BudgetDraft }) {
  const { budget, violations } = personalBudgetOf(draft);
  const overspend = budget && violations.length === 0 ? violationsOf(checkPersonalBudget(budget)).find((violation) => violation.code === "BUDGET_EXCEEDED") : undefined;
  let text: string;
  if (!budget || violations.length > 0) text = "The total will show here once the allocation and every cost are amounts of money.";
  else if (overspend) text = overspend.message;
  else {
    const spent = budget.lines.reduce((total, line) => total + line.costPence, 0);
    text = `The lines add up to ${poundsOf(spent)} of the ${poundsOf(budget.allocatedPence)} allocated, leaving ${poundsOf(budget.allocatedPence - spent)}.`;
  }
  return (
    <div className={`running-total${overspend ? " running-total--over" : ""}`} aria-live="polite">
      <p>
        {overspend && <strong>Over the allocation: </strong>}
        {text}
      </p>
    </div>
  );
}
