import { INPUT_CODES, type PersonalBudget, type Violation } from "@waymark/core";
import { penceOf } from "../shared/money.js";

/** A budget line as typed; `key` keeps each row's inputs with it when an earlier row is removed. */
export interface BudgetLineDraft {
  readonly key: number;
  readonly item: string;
  readonly cost: string;
}

/** A personal budget as typed: whether one is allocated, the allocation and the lines, in pounds. */
export interface BudgetDraft {
  readonly allocated: boolean | null;
  readonly allocation: string;
  readonly lines: readonly BudgetLineDraft[];
}

let nextKey = 0;

export function emptyBudgetLine(): BudgetLineDraft {
  nextKey += 1;
  return { key: nextKey, item: "", cost: "" };
}

export const NO_BUDGET: BudgetDraft = { allocated: null, allocation: "", lines: [] };

const NOT_MONEY = "Enter an amount in pounds, for example 120 or 49.99.";

/**
 * The budget in pence as core and the API hold it, or the amounts that are not money. Core's
 * checkPersonalBudget then judges the budget itself (R-PLAN-2).
 */
export function personalBudgetOf(draft: BudgetDraft): { budget: PersonalBudget | null; violations: Violation[] } {
  if (!draft.allocated) return { budget: null, violations: [] };
  const violations: Violation[] = [];
  const allocatedPence = penceOf(draft.allocation);
  if (allocatedPence === null) violations.push({ code: INPUT_CODES.invalidValue, field: "personalBudget.allocatedPence", message: `The allocation is not an amount of money. ${NOT_MONEY}` });
  const lines = draft.lines.map((line, index) => {
    const costPence = penceOf(line.cost);
    if (costPence === null) violations.push({ code: INPUT_CODES.invalidValue, field: `personalBudget.lines.${index}.costPence`, message: `The cost of line ${index + 1} is not an amount of money. ${NOT_MONEY}` });
    return { item: line.item.trim(), costPence: costPence ?? 0 };
  });
  return { budget: { allocatedPence: allocatedPence ?? 0, lines }, violations };
}
