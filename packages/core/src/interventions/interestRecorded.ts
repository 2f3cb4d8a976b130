import type { CatalogueItem } from "../catalogue/catalogueItem.js";
import { RULE_CODES } from "../rules/ruleCodes.js";
import { ACCEPTED, resultOf, violation, type RuleResult, type Violation } from "../rules/violation.js";
import type { InterventionDraft } from "./interventionDraft.js";
import { formatUkDate } from "../dates/displayDate.js";

const NOT_RECORDED = RULE_CODES["R-ROSC-3"];

/**
 * R-ROSC-3: an item with the "needs interest" switch (facilitated access to a mutual-aid group) is the service
 * acting on the person's own wish, so the date they said they wanted to go must be recorded and fall on or before
 * the start date, and so must at least one thing staff did to make the first contact.
 */
export function checkInterestRecorded(
  intervention: Pick<InterventionDraft, "interestExpressedDate" | "firstContactActions" | "startDate">,
  item: CatalogueItem,
): RuleResult {
  if (!item.switches.needsInterest) return ACCEPTED;
  const violations: Violation[] = [];
  const { interestExpressedDate, startDate } = intervention;
  if (interestExpressedDate === null) {
    violations.push(
      violation(
        NOT_RECORDED,
        "interestExpressedDate",
        `Enter the date the person said they would like to go. ${item.label} is recorded only once they have asked for it.`,
      ),
    );
  } else if (interestExpressedDate > startDate) {
    violations.push(
      violation(
        NOT_RECORDED,
        "interestExpressedDate",
        `The person must have said they would like to go on or before the start date (${formatUkDate(startDate)}). Check both dates.`,
      ),
    );
  }
  if (intervention.firstContactActions.length === 0) {
    violations.push(
      violation(
        NOT_RECORDED,
        "firstContactActions",
        "Choose what was done to make the first contact: information given, contact made with the group, transport arranged, or went with the person.",
      ),
    );
  }
  return resultOf(violations);
}
