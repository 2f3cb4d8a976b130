import type { EpisodeStatus } from "../codes/clinical.js";
import { DISCHARGE_REASONS, isSuccessfulCompletion, type DischargeReason } from "../codes/dischargeReason.js";
import { INPUT_CODES } from "../rules/ruleCodes.js";
import type { Violation } from "../rules/violation.js";

/**
 * The actions that move an episode along the journey of DOMAIN §2. Actions that add to an episode without
 * moving it (a review, a contact, a reassessment) are not transitions and are not listed here.
 */
export type JourneyAction =
  | { readonly kind: "TRIAGE" }
  | { readonly kind: "SIGN_OFF_FULL_PLAN" }
  | { readonly kind: "START_STRUCTURED_INTERVENTION" }
  | { readonly kind: "DISCHARGE"; readonly reason: DischargeReason };

export type JourneyActionKind = JourneyAction["kind"];

/** The state an action leads to, or a typed refusal naming the state and the action. */
export type TransitionResult =
  | { readonly ok: true; readonly from: EpisodeStatus; readonly to: EpisodeStatus }
  | { readonly ok: false; readonly from: EpisodeStatus; readonly action: JourneyActionKind; readonly violation: Violation };

const OPEN_BEFORE_TREATMENT: readonly EpisodeStatus[] = ["REFERRED", "TRIAGED", "ASSESSED"];

function nextStatus(from: EpisodeStatus, action: JourneyAction): EpisodeStatus | null {
  switch (action.kind) {
    case "TRIAGE":
      return from === "REFERRED" ? "TRIAGED" : null;
    case "SIGN_OFF_FULL_PLAN":
      // A full plan signed off after structured treatment began (started straight from triage) keeps the episode in treatment.
      if (from === "TRIAGED") return "ASSESSED";
      if (from === "ASSESSED" || from === "IN_TREATMENT") return from;
      return null;
    case "START_STRUCTURED_INTERVENTION":
      if (from === "TRIAGED" || from === "ASSESSED") return "IN_TREATMENT";
      return from === "IN_TREATMENT" ? "IN_TREATMENT" : null;
    case "DISCHARGE":
      if (from === "IN_TREATMENT") return isSuccessfulCompletion(action.reason) ? "COMPLETED" : "CLOSED";
      // Before treatment began nothing can have been completed: such an episode closes as "not started".
      if (OPEN_BEFORE_TREATMENT.includes(from) && !DISCHARGE_REASONS.entryOf(action.reason).needsStructuredTreatment) {
        return "CLOSED";
      }
      return null;
  }
}

const REFUSAL_MESSAGES: Record<JourneyActionKind, string> = {
  TRIAGE: "Triage can only be recorded for a new referral that has not been triaged yet.",
  SIGN_OFF_FULL_PLAN: "A full recovery plan can only be signed off after triage and before the episode is closed.",
  START_STRUCTURED_INTERVENTION:
    "Structured treatment can only start once the referral has been triaged, and not after the episode has closed.",
  DISCHARGE:
    "This discharge is not possible now: an episode that is already closed cannot be discharged again, and a " +
    "'treatment completed' reason needs structured treatment to have started. Choose a reason that fits.",
};

/** Which state `action` takes an episode in state `from` to, or why it cannot be taken. */
export function transition(from: EpisodeStatus, action: JourneyAction): TransitionResult {
  const to = nextStatus(from, action);
  if (to !== null) return { ok: true, from, to };
  return {
    ok: false,
    from,
    action: action.kind,
    violation: { code: INPUT_CODES.transitionNotAllowed, field: action.kind === "DISCHARGE" ? "reason" : "", message: REFUSAL_MESSAGES[action.kind] },
  };
}

/** The actions the episode's state allows, for offering only what can be done. */
export function allowedActions(from: EpisodeStatus): JourneyActionKind[] {
  const probes: JourneyAction[] = [
    { kind: "TRIAGE" },
    { kind: "SIGN_OFF_FULL_PLAN" },
    { kind: "START_STRUCTURED_INTERVENTION" },
    { kind: "DISCHARGE", reason: "DROPPED_OUT" },
  ];
  return probes.filter((action) => nextStatus(from, action) !== null).map((action) => action.kind);
}
