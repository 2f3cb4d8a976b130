import { NEED_DOMAINS, type NeedDomain } from "@waymark/core";
import { Button } from "../../../components/Button.js";
import { Select, TextInput } from "../../../components/Field.js";
import { fieldId } from "../../../components/fieldId.js";
import type { SubTypeDraft } from "./catalogueDraft.js";

const NEED_DOMAIN_OPTIONS = NEED_DOMAINS.entries.map((entry) => ({ value: entry.code, label: entry.label }));

/**
 * The item's sub-types: code, label and the need domain an assessment must show. A sub-type saved on an item
 * in use keeps its code and cannot be removed, because recorded interventions name it (R-CAT-1).
 */
export function SubTypesEditor({ formId, subTypes, errors, onChange }: { formId: string; subTypes: readonly SubTypeDraft[]; errors: Record<string, string>; onChange: (subTypes: SubTypeDraft[]) => void }) {
  const update = (index: number, change: Partial<SubTypeDraft>) => onChange(subTypes.map((subType, at) => (at === index ? { ...subType, ...change } : subType)));
  const remove = (index: number) => {
    onChange(subTypes.filter((_, at) => at !== index));
    // Focus moves somewhere sensible rather than being lost with the removed row.
    requestAnimationFrame(() => document.getElementById(fieldId(formId, "subTypes"))?.focus());
  };
  const add = () => {
    onChange([...subTypes, { code: "", label: "", needDomain: "", locked: false }]);
    requestAnimationFrame(() => document.getElementById(fieldId(formId, `subTypes.${subTypes.length}.code`))?.focus());
  };
  const listError = errors.subTypes;
  return (
    <div className={`form-group${listError ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={`${formId}-subtypes-hint`}>
        <legend className="fieldset__legend fieldset__legend--m">Sub-types</legend>
        <div className="hint" id={`${formId}-subtypes-hint`}>
          Kinds of support within this item that a keyworker can choose, such as housing support within social support. Leave empty if the item has none.
        </div>
        {listError && (
          <p className="error-message" id={`${fieldId(formId, "subTypes")}-error`}>
            <span className="visually-hidden">Error:</span> {listError}
          </p>
        )}
        <div id={fieldId(formId, "subTypes")} tabIndex={-1}>
          {subTypes.length === 0 && <p className="secondary">This item has no sub-types.</p>}
          {subTypes.map((subType, index) => (
            <fieldset className="fieldset sub-type" key={index}>
              <legend className="fieldset__legend">Sub-type {index + 1}</legend>
              {subType.locked ? (
                <p id={fieldId(formId, `subTypes.${index}.code`)}>
                  Code <code>{subType.code}</code>
                  <span className="secondary"> (fixed: interventions are recorded with it)</span>
                </p>
              ) : (
                <TextInput
                  formId={formId}
                  name={`subTypes.${index}.code`}
                  label="Code"
                  hint="Capital letters, digits and underscores, for example HOUSING."
                  width="short"
                  value={subType.code}
                  error={errors[`subTypes.${index}.code`]}
                  onChange={(code) => update(index, { code })}
                />
              )}
              <TextInput formId={formId} name={`subTypes.${index}.label`} label="Label" value={subType.label} error={errors[`subTypes.${index}.label`]} onChange={(label) => update(index, { label })} />
              <Select
                formId={formId}
                name={`subTypes.${index}.needDomain`}
                label="Need domain"
                hint="The assessed need this sub-type answers. Needed when the item checks for an assessed need."
                placeholder="None"
                options={NEED_DOMAIN_OPTIONS}
                value={subType.needDomain}
                error={errors[`subTypes.${index}.needDomain`]}
                onChange={(needDomain) => update(index, { needDomain: needDomain as NeedDomain | "" })}
              />
              {!subType.locked && (
                <Button type="button" variant="secondary" onClick={() => remove(index)}>
                  Remove sub-type {index + 1}
                </Button>
              )}
            </fieldset>
          ))}
        </div>
        <Button type="button" variant="secondary" onClick={add}>
          Add a sub-type
        </Button>
      </fieldset>
    </div>
  );
}
