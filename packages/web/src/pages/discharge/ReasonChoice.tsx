import type { DischargeReason } from "@waymark/core";
import { WarningText } from "../../components/Banner.js";
import { fieldId } from "../../components/fieldId.js";
import { REASON_GROUPS } from "./dischargeRules.js";

interface ReasonChoiceProps {
  readonly formId: string;
  readonly selected: DischargeReason | null;
  readonly onSelect: (reason: DischargeReason) => void;
  readonly error?: string;
  /** Why the chosen reason would be refused, from core's checkDischarge. */
  readonly warnings: readonly string[];
}

/** The discharge reasons as radios in three groups, planned, transferred and unplanned (DOMAIN §6). */
export function ReasonChoice({ formId, selected, onSelect, error, warnings }: ReasonChoiceProps) {
  const id = fieldId(formId, "reason");
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="fieldset__legend record-legend--section">Why is the episode ending?</legend>
        {error && (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error:</span> {error}
          </p>
        )}
        <div id={id} tabIndex={-1}>
          {REASON_GROUPS.map((group) => (
            <fieldset className="fieldset" key={group.category} aria-describedby={`${id}-${group.category}-hint`}>
              <legend className="fieldset__legend record-legend--group">{group.legend}</legend>
              <div className="hint" id={`${id}-${group.category}-hint`}>
                {group.hint}
              </div>
              {group.reasons.map((reason) => (
                <div key={reason.value}>
                  <div className="choice">
                    <input className="choice__input" type="radio" id={`${id}-${reason.value}`} name="reason" checked={selected === reason.value} onChange={() => onSelect(reason.value)} />
                    <label className="choice__label" htmlFor={`${id}-${reason.value}`}>
                      {reason.label}
                    </label>
                  </div>
                  {selected === reason.value && warnings.length > 0 && (
                    <div className="record-conditional">
                      {warnings.map((warning) => (
                        <WarningText key={warning}>{warning}</WarningText>
                      ))}
                    </div>
                  )}
                </div>
              ))}
            </fieldset>
          ))}
        </div>
      </fieldset>
      <p className="visually-hidden" role="status">
        {warnings.join(" ")}
      </p>
    </div>
  );
}
