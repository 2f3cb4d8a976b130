import {
  checkDischarge,
  DISCHARGE_REASONS,
  interventionOpenOn,
  interventionsInForceOf,
  isIsoDate,
  violationsOf,
  type DischargeReason,
  type ExitCategory,
  type Intervention,
  type IsoDate,
  type Violation,
} from "@waymark/core";
import type { EpisodeForRules } from "../interventions/loadEpisodeForRules.js";

/** The discharge reasons in their three groups, planned (successful) completions first. */
export const REASON_GROUPS: readonly { category: ExitCategory; legend: string; hint: string; reasons: readonly { value: DischargeReason; label: string }[] }[] = [
  { category: "PLANNED", legend: "Planned: treatment completed", hint: "A successful completion. Aftercare and relapse-prevention support can be recorded afterwards." },
  { category: "TRANSFERRED", legend: "Transferred", hint: "Treatment continues with another service." },
  { category: "UNPLANNED", legend: "Unplanned", hint: "Treatment ended without a planned completion." },
].map((group) => ({
  ...group,
  category: group.category as ExitCategory,
  reasons: DISCHARGE_REASONS.entries.filter((entry) => entry.category === group.category).map((entry) => ({ value: entry.code, label: entry.label })),
}));

/** What core's checkDischarge (R-DIS-1, R-DIS-2, R-DATE-1) says about this reason and date, the rule the server runs. */
export function dischargeViolations(records: EpisodeForRules, reason: DischargeReason | null, dischargeDate: IsoDate | null, today: IsoDate): readonly Violation[] {
  const found = violationsOf(
    checkDischarge({ episode: records.episode, reason, dischargeDate: dischargeDate ?? "", interventions: records.interventions, catalogue: records.catalogue, today }),
  );
  // A missing date gets its own "enter the date" message; "not a real date" would only repeat it less clearly.
  return dischargeDate === null ? found.filter((violation) => violation.field !== "dischargeDate") : found;
}

/**
 * Codes to explain beside the reason before submitting: the opiate client still prescribed (R-DIS-2) and a
 * completion the journey does not allow yet. A date still being typed waits for the submit.
 */
export function reasonWarnings(records: EpisodeForRules, reason: DischargeReason | null, dischargeDate: IsoDate | null, today: IsoDate): string[] {
  if (reason === null || dischargeDate === null || !isIsoDate(dischargeDate)) return [];
  return dischargeViolations(records, reason, dischargeDate, today)
    .filter((violation) => violation.code === "COMPLETION_WHILE_PRESCRIBED" || violation.code === "TRANSITION_NOT_ALLOWED")
    .map((violation) => violation.message);
}

/**
 * The interventions the discharge will end (R-DIS-1): those of the episode running on the discharge date,
 * started by then and not ended before it, as core's dischargeEffects closes them on the server.
 */
export function interventionsEndingAt(records: EpisodeForRules, dischargeDate: IsoDate): Intervention[] {
  return interventionsInForceOf(records.episode, records.interventions).filter(
    (intervention) => intervention.startDate <= dischargeDate && interventionOpenOn(intervention, dischargeDate),
  );
}
