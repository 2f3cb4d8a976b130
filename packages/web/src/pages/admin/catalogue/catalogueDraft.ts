import {
  catalogueOf,
  checkCatalogueEdit,
  checkNewCatalogueItem,
  violationsOf,
  type Catalogue,
  type CatalogueItem,
  type CatalogueRuleSwitches,
  type Modality,
  type NeedDomain,
  type Phase,
} from "@waymark/core";
import { fieldErrorsOf, type FieldErrors } from "../../../graphql/userErrors.js";
import type { CatalogueItemInput, CatalogueItemRecord } from "./catalogueQueries.js";

export type SwitchName = keyof CatalogueRuleSwitches;

export const SWITCH_NAMES: readonly SwitchName[] = ["needsConcurrentModality", "needsSubType", "needsAssessedNeed", "needsInterest", "sustainedOnly", "needsContactSchedule", "opioidSubstitution"];

export interface SubTypeDraft {
  readonly code: string;
  readonly label: string;
  /** "" for no need domain. */
  readonly needDomain: NeedDomain | "";
  /** Saved on an item in use: interventions may point at its code, so the code stays as it is (R-CAT-1). */
  readonly locked: boolean;
}

/** What the catalogue form holds while an admin edits it; empty strings stand for "not chosen yet". */
export interface CatalogueDraft {
  readonly code: string;
  readonly label: string;
  readonly definition: string;
  readonly modality: Modality | "";
  readonly phase: Phase | "";
  readonly switches: CatalogueRuleSwitches;
  readonly subTypes: readonly SubTypeDraft[];
}

export const EMPTY_DRAFT: CatalogueDraft = {
  code: "",
  label: "",
  definition: "",
  modality: "",
  phase: "",
  switches: { needsConcurrentModality: false, needsSubType: false, needsAssessedNeed: false, needsInterest: false, sustainedOnly: false, needsContactSchedule: false, opioidSubstitution: false },
  subTypes: [],
};

/** The form's starting point for an existing item. */
export function draftOf(record: CatalogueItemRecord): CatalogueDraft {
  return {
    code: record.code,
    label: record.label,
    definition: record.definition,
    modality: record.modality,
    phase: record.phase,
    switches: Object.fromEntries(SWITCH_NAMES.map((name) => [name, record[name]])) as unknown as CatalogueRuleSwitches,
    subTypes: record.subTypes.map((subType) => ({ code: subType.code, label: subType.label, needDomain: subType.needDomain ?? "", locked: record.inUse })),
  };
}

/** The draft as core's catalogue model, so the form runs the same checks (R-CAT-1) the server runs. */
export function itemOf(draft: CatalogueDraft, retired = false): CatalogueItem {
  return {
    code: draft.code.trim(),
    label: draft.label.trim(),
    definition: draft.definition.trim(),
    // An empty choice is passed through so core names it ("Choose a modality from the list").
    modality: draft.modality as Modality,
    phase: draft.phase as Phase,
    subTypes: draft.subTypes.map((subType) => ({ code: subType.code.trim(), label: subType.label.trim(), needDomain: subType.needDomain || null })),
    switches: draft.switches,
    retired,
  };
}

/** Core's catalogue from the admin screen's list, for the check that a new code is not already taken. */
export function catalogueFrom(records: readonly CatalogueItemRecord[]): Catalogue {
  return catalogueOf(records.map((record) => itemOf(draftOf(record), record.retired)));
}

/** Core names the switches `switches.<name>`; the API's inputs, and so the form's fields, use the bare name. */
function asFormErrors(violations: readonly { field: string; message: string }[]): FieldErrors {
  return inFormOrder(fieldErrorsOf(violations.map((found) => ({ ...found, field: found.field.replace(/^switches\./, "") }))));
}

const FORM_ORDER = ["", "label", "code", "definition", "modality", "phase", ...SWITCH_NAMES, "subTypes"];

/** Where a field sits on the form; a sub-type's fields come after the list's own message, row by row. */
function formPosition(field: string): number {
  const known = FORM_ORDER.indexOf(field);
  if (known >= 0) return known;
  const row = /^subTypes\.(\d+)\./.exec(field);
  return FORM_ORDER.length + (row ? Number(row[1]) : 0);
}

/** The errors in the order their fields appear, so the error summary reads down the form as GOV.UK asks. */
export function inFormOrder(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => formPosition(a) - formPosition(b)));
}

/**
 * Everything wrong with the draft before it is sent: a new item's checks, or for an edit the checks on an item
 * in use too (code, sub-type codes and modality fixed). The server runs the same rules and has the last word.
 */
export function draftErrors(draft: CatalogueDraft, catalogue: Catalogue, before?: CatalogueItemRecord): FieldErrors {
  if (!before) return asFormErrors(violationsOf(checkNewCatalogueItem(itemOf(draft), catalogue)));
  const others = catalogueOf(catalogue.items.filter((item) => item.code !== before.code));
  return asFormErrors(violationsOf(checkCatalogueEdit(itemOf(draftOf(before), before.retired), itemOf(draft, before.retired), before.inUse, others)));
}

/** The create input for a new item. */
export function createInputOf(draft: CatalogueDraft): CatalogueItemInput {
  const item = itemOf(draft);
  return { code: item.code, label: item.label, definition: item.definition, modality: item.modality, phase: item.phase, subTypes: item.subTypes, ...item.switches };
}

/**
 * The update input for an edited item. The code and modality are sent only when changed, since the API refuses
 * any change to them once the item is in use, and sending them unchanged says nothing.
 */
export function updateInputOf(draft: CatalogueDraft, before: CatalogueItemRecord): CatalogueItemInput {
  const item = itemOf(draft);
  return {
    id: before.id,
    version: before.version,
    ...(item.code !== before.code ? { code: item.code } : {}),
    ...(item.modality !== before.modality ? { modality: item.modality } : {}),
    label: item.label,
    definition: item.definition,
    phase: item.phase,
    subTypes: item.subTypes,
    ...item.switches,
  };
}
