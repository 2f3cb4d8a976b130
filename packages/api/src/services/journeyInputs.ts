import { INPUT_CODES, type NeedDomain, type NeedLevel, type RecoveryCapitalScore, type Violation } from "@waymark/core";
import type { NeedInput, RecoveryCapitalInput } from "../graphql/types/journeyInputs.js";
import type { LoadedEpisode } from "./episodeRecords.js";

/**
 * Conversions from the journey's GraphQL inputs to core's shapes, shared by the mutations that take the
 * same parts (needs at triage and assessment, a plan at triage and on its own).
 */

/** Needs as core's record by domain; a domain given twice is refused on its second entry. */
export function needsOf(needs: readonly NeedInput[]): { needs: Partial<Record<NeedDomain, NeedLevel>>; violations: Violation[] } {
  const byDomain: Partial<Record<NeedDomain, NeedLevel>> = {};
  const violations: Violation[] = [];
  needs.forEach((need, index) => {
    if (byDomain[need.domain] !== undefined) {
      violations.push({ code: INPUT_CODES.invalidValue, field: `needs.${index}.domain`, message: "Each life domain can be assessed once in an assessment." });
    }
    byDomain[need.domain] = need.level;
  });
  return { needs: byDomain, violations };
}

/** A BARC-10 score as core takes it; core checks there are ten items, each 1..6. */
export function recoveryCapitalOf(input: RecoveryCapitalInput | null | undefined): RecoveryCapitalScore | null {
  return input ? { items: [...input.items] } : null;
}

/**
 * Core names fields relative to the record it checks; when that record is nested in the input (the interim
 * plan inside a triage), its violations are re-pathed under the nesting field.
 */
export function nestedUnder(prefix: string, violations: readonly Violation[]): Violation[] {
  return violations.map((violation) => ({ ...violation, field: violation.field ? `${prefix}.${violation.field}` : prefix }));
}

/** Re-paths violations core reports on one field to another (a field the input names differently). */
export function renamedField(violations: readonly Violation[], from: string, to: string): Violation[] {
  return violations.map((violation) => (violation.field === from ? { ...violation, field: to } : violation));
}

/**
 * Nothing is added to an episode marked entered in error: the record belongs on the person's correct
 * episode, and every rule and schedule already leaves the marked one out.
 */
export function episodeInErrorViolations(loaded: LoadedEpisode, what: string): Violation[] {
  if (!loaded.row.enteredInErrorReason) return [];
  return [{ code: INPUT_CODES.transitionNotAllowed, field: "episodeId", message: `This episode was marked as entered in error. Record the ${what} on the person's correct episode.` }];
}
