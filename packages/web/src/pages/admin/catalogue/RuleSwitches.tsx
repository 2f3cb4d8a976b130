import type { CatalogueRuleSwitches } from "@waymark/core";
import { fieldId } from "../../../components/fieldId.js";
import { SWITCH_NAMES, type SwitchName } from "./catalogueDraft.js";

/** Each switch of R-CAT-1 in plain words: what a keyworker will have to do when recording the item. */
export const SWITCH_WORDS: Record<SwitchName, { label: string; hint: string; short: string }> = {
  needsConcurrentModality: {
    label: "Needs a treatment intervention at the same time",
    hint: "It can only be recorded while the person also has a pharmacological or psychosocial intervention in the same episode whose dates overlap it.",
    short: "Alongside treatment",
  },
  needsSubType: {
    label: "Needs a sub-type",
    hint: "The keyworker must choose at least one of the sub-types listed below.",
    short: "Sub-type required",
  },
  needsAssessedNeed: {
    label: "Needs an assessed need for each sub-type",
    hint: "Each sub-type chosen must match a need found (some or high) in the person's latest assessment or review. Give every sub-type a need domain.",
    short: "Assessed need",
  },
  needsInterest: {
    label: "Needs the person's wish to take part",
    hint: "The keyworker must record the date the person said they want to go, and what was done to make the first contact, such as going with them to a first meeting.",
    short: "Wish to take part",
  },
  sustainedOnly: {
    label: "Must be sustained, never a one-off",
    hint: "It needs a planned end date or at least 2 planned sessions, so a single session is refused.",
    short: "Sustained only",
  },
  needsContactSchedule: {
    label: "Has check-ups after discharge",
    hint: "The service plans check-up contacts over the months after a planned completion. Only for items recorded after a planned completion.",
    short: "Check-up schedule",
  },
  opioidSubstitution: {
    label: "Is opioid substitution treatment",
    hint: "Counts towards time on opioid substitution (flagged at 2 and 6 years) and, while it is open, stops a 'treatment completed' discharge. Pharmacological items only.",
    short: "Opioid substitution",
  },
};

/**
 * The rule switches as GOV.UK checkboxes, each with a hint saying what it will ask of the keyworker. Every box
 * has the id the error summary links to for that switch.
 */
export function RuleSwitches({ formId, switches, errors, onChange }: { formId: string; switches: CatalogueRuleSwitches; errors: Record<string, string>; onChange: (switches: CatalogueRuleSwitches) => void }) {
  const hasError = SWITCH_NAMES.some((name) => errors[name]);
  return (
    <div className={`form-group${hasError ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={`${formId}-switches-hint`}>
        <legend className="fieldset__legend fieldset__legend--m">Rules for recording it</legend>
        <div className="hint" id={`${formId}-switches-hint`}>
          Tick each rule that applies. Waymark checks them whenever a keyworker records this item, and explains a refusal in the form.
        </div>
        {SWITCH_NAMES.map((name) => {
          const id = fieldId(formId, name);
          const error = errors[name];
          return (
            <div className="choice choice--hinted" key={name}>
              <input
                className="choice__input"
                id={id}
                name={name}
                type="checkbox"
                checked={switches[name]}
                aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
                aria-invalid={error ? true : undefined}
                onChange={(event) => onChange({ ...switches, [name]: event.target.checked })}
              />
              <div>
                <label className="choice__label" htmlFor={id}>
                  {SWITCH_WORDS[name].label}
                </label>
                <div className="hint choice__hint" id={`${id}-hint`}>
                  {SWITCH_WORDS[name].hint}
                </div>
                {error && (
                  <p className="error-message" id={`${id}-error`}>
                    <span className="visually-hidden">Error:</span> {error}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
