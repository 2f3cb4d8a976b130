import {
  checkNewIntervention,
  defaultAftercareSchedule,
  isIsoDate,
  violationsOf,
  type CatalogueItem,
  type FirstContactAction,
  type InterventionDraft,
  type InterventionSetting,
  type IsoDate,
  type ServiceSettings,
  type Violation,
} from "@waymark/core";
import type { FieldErrors } from "../../graphql/userErrors.js";
import type { EpisodeForRules } from "./loadEpisodeForRules.js";

/** What the keyworker has entered so far; text as typed, dates as the date boxes give them (null when empty). */
export interface InterventionFormState {
  readonly catalogueItemCode: string;
  readonly subTypes: readonly string[];
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
  readonly plannedEndDate: IsoDate | null;
  readonly plannedSessions: string;
  readonly setting: InterventionSetting | "";
  /** A StaffMember ID, or "" when another agency delivers it. */
  readonly deliveredById: string;
  readonly notes: string;
  readonly interestExpressedDate: IsoDate | null;
  readonly firstContactActions: readonly FirstContactAction[];
  readonly contactSchedule: readonly (IsoDate | null)[];
  /** True once the keyworker changed the check-ups by hand; until then they follow the start date. */
  readonly contactScheduleEdited: boolean;
}

export function emptyInterventionForm(today: IsoDate, deliveredById: string): InterventionFormState {
  return {
    catalogueItemCode: "",
    subTypes: [],
    startDate: today,
    endDate: null,
    plannedEndDate: null,
    plannedSessions: "",
    setting: "",
    deliveredById,
    notes: "",
    interestExpressedDate: null,
    firstContactActions: [],
    contactSchedule: [],
    contactScheduleEdited: false,
  };
}

/**
 * R-ROSC-4's default check-ups for an aftercare item: one every four weeks after discharge through the
 * aftercare window, from the start date on, as the server would fill them in.
 */
export function defaultContactSchedule(item: CatalogueItem | undefined, dischargeDate: IsoDate | null, startDate: IsoDate | null, settings: ServiceSettings): IsoDate[] {
  if (!item?.switches.needsContactSchedule || dischargeDate === null) return [];
  return defaultAftercareSchedule(dischargeDate, settings, startDate !== null && isIsoDate(startDate) ? startDate : undefined);
}

/** Planned sessions as a number for the rules: blank is none; anything not a number stays NaN so the rule names it. */
function plannedSessionsOf(text: string): number | null {
  return text.trim() === "" ? null : Number(text.trim());
}

/**
 * The draft the rules judge: only the answers the chosen item asks for, so something typed for another item
 * and then hidden by changing the item is neither judged nor sent.
 */
export function draftOf(state: InterventionFormState, item: CatalogueItem | undefined): InterventionDraft {
  const needsInterest = item?.switches.needsInterest ?? false;
  const needsSchedule = item?.switches.needsContactSchedule ?? false;
  return {
    catalogueItemCode: state.catalogueItemCode,
    subTypes: item && item.subTypes.length > 0 ? [...state.subTypes] : [],
    startDate: state.startDate ?? "",
    endDate: state.endDate,
    plannedEndDate: state.plannedEndDate,
    plannedSessions: plannedSessionsOf(state.plannedSessions),
    interestExpressedDate: needsInterest ? state.interestExpressedDate : null,
    firstContactActions: needsInterest ? [...state.firstContactActions] : [],
    // An empty row stays in place (as no date) so that each message's contactSchedule.N still points at its row.
    contactSchedule: needsSchedule ? state.contactSchedule.map((checkUp) => checkUp ?? "") : [],
  };
}

/** The mutation's input from a draft the rules accepted. */
export function recordInterventionInput(episodeId: string, state: InterventionFormState, draft: InterventionDraft, item: CatalogueItem) {
  return {
    episodeId,
    catalogueItemCode: draft.catalogueItemCode,
    subTypes: draft.subTypes,
    startDate: draft.startDate,
    endDate: draft.endDate,
    plannedEndDate: draft.plannedEndDate,
    plannedSessions: draft.plannedSessions,
    setting: state.setting,
    deliveredById: state.deliveredById === "" ? null : state.deliveredById,
    notes: state.notes.trim() === "" ? null : state.notes.trim(),
    interestExpressedDate: draft.interestExpressedDate,
    firstContactActions: draft.firstContactActions,
    // Sent even when empty for an aftercare item: an empty schedule must be refused, not silently defaulted.
    contactSchedule: item.switches.needsContactSchedule ? draft.contactSchedule : null,
  };
}

/** Answers the form needs before any rule can judge it: the API would refuse the request itself without them. */
function missingAnswers(state: InterventionFormState, item: CatalogueItem | undefined): Violation[] {
  const missing: Violation[] = [];
  const required = (field: string, message: string) => missing.push({ code: "REQUIRED", field, message });
  if (!item) required("catalogueItemCode", "Choose the intervention that was given.");
  if (state.startDate === null) required("startDate", "Enter the date it started.");
  if (state.setting === "") required("setting", "Choose where it is delivered.");
  if (item?.switches.needsContactSchedule) {
    state.contactSchedule.forEach((checkUp, index) => {
      if (checkUp === null) required(`contactSchedule.${index}`, "Enter the check-up date, or remove it.");
    });
  }
  return missing;
}

/** Everything the rules say about the draft, as the server would say it (checkNewIntervention, the same core rule). */
export function ruleViolations(records: EpisodeForRules, draft: InterventionDraft, settings: ServiceSettings, today: IsoDate): readonly Violation[] {
  return violationsOf(
    checkNewIntervention({
      intervention: draft,
      episode: records.episode,
      episodeInterventions: records.interventions,
      assessments: records.assessments,
      catalogue: records.catalogue,
      settings,
      today,
    }),
  );
}

/**
 * Codes that explain why the chosen item would be refused: the item's own rules and whether the episode allows
 * it. Shown beside the item as the keyworker fills the form in; a date still being typed (INVALID_DATE) or a
 * malformed number waits for the submit, when it is shown beside its field.
 */
const ITEM_RULE_CODES = new Set([
  "INTERVENTION_NOT_ALLOWED",
  "TRANSITION_NOT_ALLOWED",
  "ROSC_REQUIRES_CONCURRENT_MODALITY",
  "ROSC_SUBTYPE_REQUIRED",
  "ROSC_NEED_NOT_ASSESSED",
  "ROSC_INTEREST_NOT_RECORDED",
  "ROSC_POST_TREATMENT_ONLY",
  "ROSC_NOT_SUSTAINED",
]);

/** The messages to show beside the chosen item now, before anything is submitted. */
export function itemWarnings(records: EpisodeForRules, state: InterventionFormState, item: CatalogueItem | undefined, settings: ServiceSettings, today: IsoDate): string[] {
  // Until the start date is a real date, the rules that compare dates would answer about a date nobody chose.
  if (!item || state.startDate === null || !isIsoDate(state.startDate)) return [];
  const messages = ruleViolations(records, draftOf(state, item), settings, today)
    .filter((found) => ITEM_RULE_CODES.has(found.code))
    .map((found) => found.message);
  return [...new Set(messages)];
}

/**
 * The problems to show on submit, by field: missing answers first, then every rule's message. Sub-type problems
 * are reported against the sub-type question as a whole, since the checkboxes follow the item's order, not the
 * order of the chosen codes that `subTypes.N` counts in.
 */
export function submitErrors(records: EpisodeForRules, state: InterventionFormState, item: CatalogueItem | undefined, settings: ServiceSettings, today: IsoDate): FieldErrors {
  const found = [...missingAnswers(state, item), ...(item ? ruleViolations(records, draftOf(state, item), settings, today) : [])];
  return formErrorsOf(found);
}

/** Field errors for the form from rule violations or the API's userErrors, which share their field paths. */
export function formErrorsOf(found: readonly { field: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of found) {
    const field = /^subTypes\.\d+$/.test(problem.field) ? "subTypes" : problem.field;
    errors[field] ??= problem.message;
  }
  return errors;
}
