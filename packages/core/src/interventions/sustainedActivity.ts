import type { CatalogueItem } from "../catalogue/catalogueItem.js";
import { INPUT_CODES, RULE_CODES } from "../rules/ruleCodes.js";
import { ACCEPTED, resultOf, violation, type RuleResult } from "../rules/violation.js";
import type { InterventionDraft } from "./interventionDraft.js";

/** Fewest planned sessions that make an activity sustained rather than a one-off (R-ROSC-6). */
export const SUSTAINED_MIN_PLANNED_SESSIONS = 2;

/** Planned sessions, when given, are a whole number of at least one. */
export function checkPlannedSessions(intervention: Pick<InterventionDraft, "plannedSessions">): RuleResult {
  const sessions = intervention.plannedSessions;
  if (sessions === null || (Number.isInteger(sessions) && sessions >= 1)) return ACCEPTED;
  return resultOf([violation(INPUT_CODES.invalidValue, "plannedSessions", "Enter the planned sessions as a whole number, 1 or more, or leave it blank.")]);
}

/**
 * R-ROSC-6: an item with the "sustained only" switch (diversionary activities) is part of a wider recovery
 * programme, not a one-off: it has a planned end date after its start, or at least two planned sessions.
 */
export function checkSustainedActivity(
  intervention: Pick<InterventionDraft, "startDate" | "plannedEndDate" | "plannedSessions">,
  item: CatalogueItem,
): RuleResult {
  if (!item.switches.sustainedOnly) return ACCEPTED;
  const { startDate, plannedEndDate, plannedSessions } = intervention;
  const runsBeyondOneDay = plannedEndDate !== null && plannedEndDate > startDate;
  const severalSessions = plannedSessions !== null && plannedSessions >= SUSTAINED_MIN_PLANNED_SESSIONS;
  if (runsBeyondOneDay || severalSessions) return ACCEPTED;
  return resultOf([
    violation(
      RULE_CODES["R-ROSC-6"],
      "plannedSessions",
      `${item.label} must be sustained, not a one-off session: enter ${SUSTAINED_MIN_PLANNED_SESSIONS} or more planned sessions, or a planned end date after the start date.`,
    ),
  ]);
}
