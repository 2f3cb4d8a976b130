import type { CatalogueItem } from "@waymark/core";
import { Fragment } from "react";
import { WarningText } from "../../components/Banner.js";
import { fieldId } from "../../components/fieldId.js";
import type { ModalityGroup } from "./offeredItems.js";

interface ItemChoiceProps {
  readonly formId: string;
  readonly groups: readonly ModalityGroup[];
  readonly selected: string;
  readonly onSelect: (item: CatalogueItem) => void;
  readonly error?: string;
  /** Why the chosen item would be refused as the form stands, from the same rules the server runs. */
  readonly warnings: readonly string[];
  /** Items this episode cannot have yet, with the rule's reason. */
  readonly unavailable: readonly { item: CatalogueItem; reason: string }[];
}

/**
 * The catalogue items offered for this episode as radios, one group per modality. The chosen item opens
 * beneath it with its definition and, before anything is submitted, what the rules would refuse about it.
 */
export function ItemChoice({ formId, groups, selected, onSelect, error, warnings, unavailable }: ItemChoiceProps) {
  const id = fieldId(formId, "catalogueItemCode");
  const chosen = groups.flatMap((group) => group.items).find((item) => item.code === selected);
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
        <legend className="fieldset__legend record-legend--section">Which intervention?</legend>
        <div className="hint" id={`${id}-hint`}>
          Only the interventions that can be recorded at this point in the episode are listed.
        </div>
        {error && (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error:</span> {error}
          </p>
        )}
        <div id={id} tabIndex={-1}>
          {groups.map((group) => (
            <fieldset className="fieldset" key={group.modality}>
              <legend className="fieldset__legend record-legend--group">{group.label}</legend>
              {group.items.map((item) => (
                <Fragment key={item.code}>
                  <div className="choice">
                    <input
                      className="choice__input"
                      type="radio"
                      id={`${id}-${item.code}`}
                      name="catalogueItemCode"
                      value={item.code}
                      checked={item.code === selected}
                      aria-describedby={item.code === selected ? `${id}-${item.code}-definition` : undefined}
                      onChange={() => onSelect(item)}
                    />
                    <label className="choice__label" htmlFor={`${id}-${item.code}`}>
                      {item.label}
                    </label>
                  </div>
                  {item.code === selected && (
                    <div className="record-conditional">
                      <p className="hint" id={`${id}-${item.code}-definition`}>
                        {item.definition}
                      </p>
                      {warnings.map((warning) => (
                        <WarningText key={warning}>{warning}</WarningText>
                      ))}
                    </div>
                  )}
                </Fragment>
              ))}
            </fieldset>
          ))}
        </div>
        {unavailable.length > 0 && (
          <div className="inset">
            <p>Not listed yet:</p>
            <ul>
              {unavailable.map(({ item, reason }) => (
                <li key={item.code}>{reason}</li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>
      {/* Always present, so a screen reader hears a new refusal as the answers change, not only when it lands on it. */}
      <p className="visually-hidden" role="status">
        {chosen && warnings.length > 0 ? `${chosen.label} cannot be recorded as the form stands. ${warnings.join(" ")}` : ""}
      </p>
    </div>
  );
}
