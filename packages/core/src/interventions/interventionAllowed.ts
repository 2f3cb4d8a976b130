import type { Catalogue, CatalogueItem } from "../catalogue/catalogueItem.js";
import { isStructuredModality } from "../codes/clinical.js";
import { transition } from "../journey/journey.js";
import { isOpen, type Episode } from "../records/episode.js";
import { INPUT_CODES, RULE_CODES } from "../rules/ruleCodes.js";
import { resultOf, violation, type RuleResult, type Violation } from "../rules/violation.js";
import type { InterventionDraft } from "./interventionDraft.js";
import { formatUkDate } from "../dates/displayDate.js";

const NOT_ALLOWED = RULE_CODES["R-INT-1"];

function subTypeViolations(intervention: Pick<InterventionDraft, "subTypes">, item: CatalogueItem): Violation[] {
  const offered = new Set(item.subTypes.map((subType) => subType.code));
  const seen = new Set<string>();
  const violations: Violation[] = [];
  intervention.subTypes.forEach((code, index) => {
    if (!offered.has(code)) {
      const choices = item.subTypes.length === 0 ? "It has no sub-types." : `Choose from: ${item.subTypes.map((subType) => subType.label).join("; ")}.`;
      violations.push(violation(NOT_ALLOWED, `subTypes.${index}`, `"${code}" is not a sub-type of ${item.label}. ${choices}`));
    } else if (seen.has(code)) {
      violations.push(violation(INPUT_CODES.invalidValue, `subTypes.${index}`, "This sub-type is chosen twice. Choose each sub-type once."));
    }
    seen.add(code);
  });
  return violations;
}

/**
 * Whether the episode's state lets an item of this phase be recorded. Post-treatment items are left to R-ROSC-4/5,
 * which answer with the more specific `ROSC_POST_TREATMENT_ONLY`. An item for any phase may also follow a planned
 * completion (harm reduction does not stop when treatment does), but never a closed episode.
 */
function phaseViolations(intervention: Pick<InterventionDraft, "startDate">, item: CatalogueItem, episode: Episode): Violation[] {
  if (item.phase === "POST_TREATMENT" || isOpen(episode)) return [];
  const discharged = episode.dischargeDate === null ? "" : ` on ${formatUkDate(episode.dischargeDate)}`;
  if (item.phase === "ANY" && episode.status === "COMPLETED") {
    if (episode.dischargeDate !== null && intervention.startDate >= episode.dischargeDate) return [];
    return [
      violation(
        NOT_ALLOWED,
        "startDate",
        `This episode was completed${discharged}. ${item.label} can be added to it only from the discharge date onwards; check the start date.`,
      ),
    ];
  }
  const when = item.phase === "ANY" ? "while the episode is open or after a planned completion" : "while the episode is open";
  return [
    violation(
      NOT_ALLOWED,
      "catalogueItemCode",
      `This episode was ${episode.status === "COMPLETED" ? "completed" : "closed"}${discharged}. ${item.label} can be recorded only ${when}. ` +
        "If the person has come back to the service, open a new referral first.",
    ),
  ];
}

/**
 * R-INT-1: whether this intervention may be added to this episode at all: the catalogue item exists and is not
 * retired, the sub-types are the item's own, and the episode is in a phase the item allows: an open episode, or
 * for an any-phase item also the time from a planned completion's discharge date; post-treatment items are judged
 * by R-ROSC-4/5. A pharmacological or psychosocial item also starts structured
 * treatment, so the journey (DOMAIN §2) must allow that step: not before triage.
 */
export function checkInterventionAllowed(
  intervention: Pick<InterventionDraft, "catalogueItemCode" | "subTypes" | "startDate">,
  episode: Episode,
  catalogue: Catalogue,
): RuleResult {
  if (episode.enteredInError) {
    return resultOf([violation(NOT_ALLOWED, "", "This episode was marked as entered in error. Record the intervention on the person's correct episode.")]);
  }
  const item = catalogue.find(intervention.catalogueItemCode);
  if (item === undefined) {
    return resultOf([
      violation(NOT_ALLOWED, "catalogueItemCode", `"${intervention.catalogueItemCode}" is not in the intervention catalogue. Choose an intervention from the list.`),
    ]);
  }
  const violations: Violation[] = [];
  if (item.retired) {
    violations.push(
      violation(NOT_ALLOWED, "catalogueItemCode", `${item.label} has been retired from the catalogue and cannot be used for new records. Choose a current intervention.`),
    );
  }
  violations.push(...subTypeViolations(intervention, item), ...phaseViolations(intervention, item, episode));
  if (isStructuredModality(item.modality) && isOpen(episode)) {
    const step = transition(episode.status, { kind: "START_STRUCTURED_INTERVENTION" });
    if (!step.ok) violations.push({ ...step.violation, field: "catalogueItemCode" });
  }
  return resultOf(violations);
}
