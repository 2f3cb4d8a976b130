import { INPUT_CODES, type IsoDate, type NeedDomain, type Violation } from "@waymark/core";

/** A goal being written into a plan. `key` keeps each row's inputs with it when an earlier row is removed. */
export interface GoalDraft {
  readonly key: number;
  readonly domain: NeedDomain | "";
  readonly description: string;
  readonly targetDate: IsoDate | null;
}

let nextKey = 0;

export function emptyGoal(): GoalDraft {
  nextKey += 1;
  return { key: nextKey, domain: "", description: "", targetDate: null };
}

/**
 * The goals to send: blank rows at the end (an "add another" row left empty) are not goals. Blank rows
 * between filled ones are kept, so each row's index stays the one the rules' messages name.
 */
export function goalsToSave(goals: readonly GoalDraft[]): GoalDraft[] {
  const kept = [...goals];
  while (kept.length > 0) {
    const last = kept[kept.length - 1];
    if (!last || last.domain || last.description.trim() || last.targetDate) break;
    kept.pop();
  }
  return kept;
}

/** The GoalInput list the API takes. Call only once goalDomainViolations finds nothing. */
export function goalsInput(goals: readonly GoalDraft[]): { domain: NeedDomain; description: string; targetDate: IsoDate | null }[] {
  return goals.map((goal) => ({ domain: goal.domain as NeedDomain, description: goal.description.trim(), targetDate: goal.targetDate }));
}

/** Core's goal checks assume a domain; the form asks for one first, since the API cannot take a goal without. */
export function goalDomainViolations(goals: readonly GoalDraft[], name: string): Violation[] {
  return goals.flatMap((goal, index) =>
    goal.domain ? [] : [{ code: INPUT_CODES.required, field: `${name}.${index}.domain`, message: `Choose the life domain goal ${index + 1} is about.` }],
  );
}
