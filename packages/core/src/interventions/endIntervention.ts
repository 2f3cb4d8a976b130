import type { IsoDate } from "../dates/isoDate.js";
import type { Intervention } from "../records/intervention.js";
import { RULE_CODES } from "../rules/ruleCodes.js";
import { resultOf, violation, type RuleResult } from "../rules/violation.js";
import { interventionEndDateViolations } from "./interventionDates.js";
import { formatUkDate } from "../dates/displayDate.js";

/**
 * Ending an intervention: it must not be entered in error or already ended (an end date recorded wrongly is
 * corrected by editing the intervention, which the audit trail shows as a change), and the end date follows
 * R-DATE-1: a real date, not in the future, not before the start.
 */
export function checkEndIntervention(
  intervention: Pick<Intervention, "startDate" | "endDate" | "enteredInError">,
  endDate: IsoDate,
  today: IsoDate,
): RuleResult {
  if (intervention.enteredInError) {
    return resultOf([violation(RULE_CODES["R-INT-1"], "", "This intervention was marked as entered in error, so it cannot be ended.")]);
  }
  if (intervention.endDate !== null) {
    return resultOf([
      violation(
        RULE_CODES["R-INT-1"],
        "endDate",
        `This intervention already ended on ${formatUkDate(intervention.endDate)}. To correct the end date, edit the intervention.`,
      ),
    ]);
  }
  return resultOf(interventionEndDateViolations(intervention.startDate, endDate, today));
}
