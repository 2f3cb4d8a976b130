import type { RuleCode } from "./ruleCodes.js";

/**
 * A rule refusing input: the DOMAIN code, the input field it is about (a dotted path such as
 * `goals.0.targetDate`, or "" when it concerns the whole record) and a message for a keyworker that says
 * what is wrong and what to do.
 */
export interface Violation {
  readonly code: RuleCode;
  readonly field: string;
  readonly message: string;
}

/** What every rule returns: either the input is accepted, or the list of everything wrong with it. */
export type RuleResult = { readonly ok: true } | { readonly ok: false; readonly violations: readonly Violation[] };

export const ACCEPTED: RuleResult = Object.freeze({ ok: true });

export function violation(code: RuleCode, field: string, message: string): Violation {
  return { code, field, message };
}

/** Turns a list of violations into a result: accepted when the list is empty. */
export function resultOf(violations: readonly Violation[]): RuleResult {
  return violations.length === 0 ? ACCEPTED : { ok: false, violations };
}

/** Runs several checks and reports every violation at once, so a form can show them all together. */
export function allOf(...results: readonly RuleResult[]): RuleResult {
  return resultOf(results.flatMap((result) => (result.ok ? [] : result.violations)));
}

export function violationsOf(result: RuleResult): readonly Violation[] {
  return result.ok ? [] : result.violations;
}
