import { MODALITIES, NEED_DOMAINS, PHASES } from "../codes/clinical.js";
import { INPUT_CODES, RULE_CODES } from "../rules/ruleCodes.js";
import { ACCEPTED, resultOf, violation, type RuleResult, type Violation } from "../rules/violation.js";
import type { Catalogue, CatalogueItem, CatalogueRuleSwitches } from "./catalogueItem.js";

/** Lengths an admin may use; long enough for a clear definition, short enough for a table cell and a tooltip. */
export const CATALOGUE_LIMITS = {
  codeMaxLength: 60,
  labelMaxLength: 120,
  definitionMaxLength: 1000,
} as const;

/** SCREAMING_CASE, so codes can be GraphQL enum-like values and database values unchanged. */
const CODE_SHAPE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

const SWITCH_NAMES: readonly (keyof CatalogueRuleSwitches)[] = [
  "needsConcurrentModality",
  "needsSubType",
  "needsAssessedNeed",
  "needsInterest",
  "sustainedOnly",
  "needsContactSchedule",
  "opioidSubstitution",
];

function codeViolations(code: string, field: string, what: string): Violation[] {
  if (code.trim() === "") return [violation(INPUT_CODES.required, field, `Enter a code for the ${what}.`)];
  if (code.length > CATALOGUE_LIMITS.codeMaxLength) {
    return [violation(INPUT_CODES.tooLong, field, `Shorten the ${what} code to ${CATALOGUE_LIMITS.codeMaxLength} characters or fewer.`)];
  }
  if (!CODE_SHAPE.test(code)) {
    return [
      violation(
        INPUT_CODES.invalidValue,
        field,
        `Write the ${what} code in capital letters, digits and single underscores, starting with a letter (for example PEER_MENTORING).`,
      ),
    ];
  }
  return [];
}

function textViolations(text: string, field: string, what: string, maxLength: number): Violation[] {
  if (text.trim() === "") return [violation(INPUT_CODES.required, field, `Enter ${what}.`)];
  if (text.length > maxLength) return [violation(INPUT_CODES.tooLong, field, `Shorten ${what} to ${maxLength} characters or fewer.`)];
  return [];
}

function subTypeViolations(item: CatalogueItem): Violation[] {
  const violations: Violation[] = [];
  const seen = new Set<string>();
  item.subTypes.forEach((subType, index) => {
    const field = `subTypes.${index}`;
    violations.push(...codeViolations(subType.code, `${field}.code`, "sub-type"));
    if (seen.has(subType.code)) {
      violations.push(
        violation(INPUT_CODES.invalidValue, `${field}.code`, `Another sub-type of this item already uses the code ${subType.code}. Give each sub-type its own code.`),
      );
    }
    seen.add(subType.code);
    violations.push(...textViolations(subType.label, `${field}.label`, "the sub-type's label", CATALOGUE_LIMITS.labelMaxLength));
    if (subType.needDomain !== null && !NEED_DOMAINS.includes(subType.needDomain)) {
      violations.push(violation(INPUT_CODES.invalidValue, `${field}.needDomain`, "Choose a need domain from the list, or none."));
    }
  });
  return violations;
}

/**
 * Switch combinations that would make an item impossible to record, or let a rule be side-stepped: a need check
 * with no sub-type to check, a schedule of check-ups after discharge on an item that is not post-treatment.
 */
function switchViolations(item: CatalogueItem): Violation[] {
  const { switches } = item;
  const violations: Violation[] = [];
  for (const name of SWITCH_NAMES) {
    if (typeof switches[name] !== "boolean") {
      violations.push(violation(INPUT_CODES.invalidValue, `switches.${name}`, "Set this rule switch on or off."));
    }
  }
  if (switches.needsSubType && item.subTypes.length === 0) {
    violations.push(
      violation(INPUT_CODES.invalidValue, "switches.needsSubType", "Add at least one sub-type, or turn off 'needs a sub-type': keyworkers would have none to choose."),
    );
  }
  if (switches.needsAssessedNeed) {
    if (!switches.needsSubType) {
      // Without a required sub-type a keyworker could leave sub-types empty and no need would ever be checked.
      violations.push(
        violation(INPUT_CODES.invalidValue, "switches.needsAssessedNeed", "Turn on 'needs a sub-type' as well: the assessed need is checked for each sub-type chosen."),
      );
    }
    if (item.subTypes.length === 0 || item.subTypes.some((subType) => subType.needDomain === null)) {
      violations.push(
        violation(INPUT_CODES.invalidValue, "switches.needsAssessedNeed", "Give every sub-type a need domain, or turn off 'needs an assessed need'."),
      );
    }
  }
  if (switches.needsContactSchedule && item.phase !== "POST_TREATMENT") {
    violations.push(
      violation(INPUT_CODES.invalidValue, "switches.needsContactSchedule", "A contact schedule runs after discharge: set the phase to 'after a planned completion', or turn this switch off."),
    );
  }
  if (switches.needsConcurrentModality && item.phase === "POST_TREATMENT") {
    violations.push(
      violation(
        INPUT_CODES.invalidValue,
        "switches.needsConcurrentModality",
        "Nothing pharmacological or psychosocial runs after a planned completion: turn off 'needs a concurrent intervention' or change the phase.",
      ),
    );
  }
  if (switches.opioidSubstitution && item.modality !== "PHARMACOLOGICAL") {
    violations.push(
      violation(INPUT_CODES.invalidValue, "switches.opioidSubstitution", "Only a pharmacological item can be opioid substitution: change the modality or turn this switch off."),
    );
  }
  return violations;
}

/**
 * R-CAT-1: checks one catalogue item as an admin enters it: code shape, label and definition present and not too
 * long, modality and phase from their lists, sub-types well formed with unique codes, and rule switches that fit
 * together.
 */
export function checkCatalogueItem(item: CatalogueItem): RuleResult {
  const violations = [
    ...codeViolations(item.code, "code", "item"),
    ...textViolations(item.label, "label", "the item's label", CATALOGUE_LIMITS.labelMaxLength),
    ...textViolations(item.definition, "definition", "the item's definition", CATALOGUE_LIMITS.definitionMaxLength),
  ];
  if (!MODALITIES.includes(item.modality)) {
    violations.push(violation(INPUT_CODES.invalidValue, "modality", "Choose a modality from the list."));
  }
  if (!PHASES.includes(item.phase)) {
    violations.push(violation(INPUT_CODES.invalidValue, "phase", "Choose when the item may be recorded from the list."));
  }
  if (typeof item.retired !== "boolean") {
    violations.push(violation(INPUT_CODES.invalidValue, "retired", "Say whether the item is retired."));
  }
  violations.push(...subTypeViolations(item), ...switchViolations(item));
  return resultOf(violations);
}

function codeTakenViolations(code: string, catalogue: Catalogue): Violation[] {
  // Retired items keep their codes for ever, so a code is never given a second meaning.
  return catalogue.find(code) === undefined
    ? []
    : [violation(INPUT_CODES.invalidValue, "code", `The code ${code} is already used by another catalogue item, possibly a retired one. Choose a different code.`)];
}

/** R-CAT-1: checks an item an admin adds: a valid item whose code no other item, retired or not, has used. */
export function checkNewCatalogueItem(item: CatalogueItem, catalogue: Catalogue): RuleResult {
  const itemResult = checkCatalogueItem(item);
  return resultOf([...(itemResult.ok ? [] : itemResult.violations), ...codeTakenViolations(item.code, catalogue)]);
}

/**
 * R-CAT-1: checks an admin's edit of an item. The edited item must be valid. An item in use by any intervention
 * keeps its code, its sub-type codes and its modality, because recorded interventions point at them and must keep
 * their meaning; labels, definitions, phase, new sub-types and switches may change. Pass the catalogue to
 * refuse a new code another item already has.
 */
export function checkCatalogueEdit(before: CatalogueItem, after: CatalogueItem, inUse: boolean, catalogue?: Catalogue): RuleResult {
  const itemResult = checkCatalogueItem(after);
  const violations: Violation[] = itemResult.ok ? [] : [...itemResult.violations];
  const recoded = before.code !== after.code;
  if (recoded && catalogue !== undefined) violations.push(...codeTakenViolations(after.code, catalogue));
  if (!inUse) return resultOf(violations);

  if (recoded) {
    violations.push(
      violation(RULE_CODES["R-CAT-1"], "code", `Interventions are recorded against ${before.code}, so its code cannot change. Keep the code; you may change the label.`),
    );
  }
  const keptSubTypeCodes = new Set(after.subTypes.map((subType) => subType.code));
  for (const subType of before.subTypes) {
    if (!keptSubTypeCodes.has(subType.code)) {
      violations.push(
        violation(
          RULE_CODES["R-CAT-1"],
          "subTypes",
          `Interventions may be recorded with the sub-type ${subType.code} ("${subType.label}"), so it cannot be removed or re-coded. Keep it; you may change its label.`,
        ),
      );
    }
  }
  if (before.modality !== after.modality) {
    violations.push(
      violation(
        RULE_CODES["R-CAT-1"],
        "modality",
        "Interventions are recorded against this item, so its modality cannot change. Retire it and add a new item with the right modality instead.",
      ),
    );
  }
  return resultOf(violations);
}

/** R-CAT-1: an item may be deleted only while nothing uses it; one in use is retired instead, so history keeps its meaning. */
export function checkCatalogueDelete(item: CatalogueItem, inUse: boolean): RuleResult {
  if (!inUse) return ACCEPTED;
  return resultOf([
    violation(
      RULE_CODES["R-CAT-1"],
      "",
      `Interventions are recorded against "${item.label}", so it cannot be deleted. Retire it instead: it will no longer be offered for new records.`,
    ),
  ]);
}

/**
 * R-CAT-1: retiring is always allowed, in use or not: a retired item stays in the catalogue for the records that
 * use it and is no longer offered for new ones (R-INT-1).
 */
export function checkCatalogueRetire(_item: CatalogueItem): RuleResult {
  return ACCEPTED;
}

/** The item as it is once retired. */
export function retiredCatalogueItem(item: CatalogueItem): CatalogueItem {
  return { ...item, retired: true };
}
