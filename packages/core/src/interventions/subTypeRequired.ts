import type { CatalogueItem } from "../catalogue/catalogueItem.js";
import { RULE_CODES } from "../rules/ruleCodes.js";
import { ACCEPTED, resultOf, violation, type RuleResult } from "../rules/violation.js";
import type { InterventionDraft } from "./interventionDraft.js";

/**
 * R-ROSC-2 and R-ROSC-5: an item with the "needs sub-type" switch (social, financial and relationship support;
 * relapse-prevention support) says what kind of support was given by choosing at least one of its sub-types.
 */
export function checkSubTypeChosen(intervention: Pick<InterventionDraft, "subTypes">, item: CatalogueItem): RuleResult {
  if (!item.switches.needsSubType || intervention.subTypes.length > 0) return ACCEPTED;
  const choices = item.subTypes.map((subType) => subType.label.toLowerCase()).join("; ");
  return resultOf([
    violation(
      RULE_CODES["R-ROSC-2-SUBTYPE"],
      "subTypes",
      `Choose at least one type of ${item.label.toLowerCase()} that was given${choices === "" ? "" : ` (${choices})`}.`,
    ),
  ]);
}
