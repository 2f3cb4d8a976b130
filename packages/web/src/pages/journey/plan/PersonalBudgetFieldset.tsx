import { Button } from "../../../components/Button.js";
import { fieldId } from "../../../components/fieldId.js";
import { TextInput, YesNo } from "../../../components/Field.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import { BudgetRunningTotal } from "./BudgetRunningTotal.js";
import { emptyBudgetLine, type BudgetDraft } from "./budgetDraft.js";

/**
 * A personal budget allocated with the plan: the allocation and the lines it pays for, in pounds, with a
 * running total against the allocation (R-PLAN-2).
 */
export function PersonalBudgetFieldset({ formId, value, onChange, errors }: { formId: string; value: BudgetDraft; onChange: (next: BudgetDraft) => void; errors: FieldErrors }) {
  const changeLine = (index: number, patch: { item?: string; cost?: string }) => onChange({ ...value, lines: value.lines.map((line, at) => (at === index ? { ...line, ...patch } : line)) });
  const addLine = () => {
    onChange({ ...value, lines: [...value.lines, emptyBudgetLine()] });
    // The new line's first box is where the keyworker types next.
    const index = value.lines.length;
    requestAnimationFrame(() => document.getElementById(fieldId(formId, `personalBudget.lines.${index}.item`))?.focus());
  };
  const removeLine = (index: number) => {
    onChange({ ...value, lines: value.lines.filter((_, at) => at !== index) });
    document.getElementById(fieldId(formId, "personalBudget-add"))?.focus();
  };
  return (
    <section className="journey-section" aria-labelledby={`${formId}-budget-heading`}>
      <h2 id={`${formId}-budget-heading`}>Personal budget</h2>
      <YesNo
        formId={formId}
        name="personalBudget"
        label="Is a personal budget allocated with this plan?"
        error={errors.personalBudget}
        value={value.allocated}
        onChange={(allocated) => onChange({ ...value, allocated, lines: allocated && value.lines.length === 0 ? [emptyBudgetLine()] : value.lines })}
      />
      {value.allocated && (
        <div className="conditional">
          <TextInput
            formId={formId}
            name="personalBudget.allocatedPence"
            label="Amount allocated, in pounds"
            hint="For example, 250 or 99.50"
            width="short"
            error={errors["personalBudget.allocatedPence"]}
            value={value.allocation}
            onChange={(allocation) => onChange({ ...value, allocation })}
          />
          <div id={fieldId(formId, "personalBudget.lines")} tabIndex={-1}>
            <h3 className="journey-subsection">What the budget pays for</h3>
            <p className="hint">One line for each thing it pays for, for example a gym membership or travel to a mutual-aid group.</p>
            {errors["personalBudget.lines"] && (
              <p className="error-message">
                <span className="visually-hidden">Error:</span> {errors["personalBudget.lines"]}
              </p>
            )}
            {value.lines.map((line, index) => (
              <div className="field-row field-row--first-wide" key={line.key}>
                <TextInput
                  formId={formId}
                  name={`personalBudget.lines.${index}.item`}
                  label={`What line ${index + 1} pays for`}
                  error={errors[`personalBudget.lines.${index}.item`]}
                  value={line.item}
                  onChange={(item) => changeLine(index, { item })}
                />
                <TextInput
                  formId={formId}
                  name={`personalBudget.lines.${index}.costPence`}
                  label={`Cost of line ${index + 1}, in pounds`}
                  width="short"
                  error={errors[`personalBudget.lines.${index}.costPence`]}
                  value={line.cost}
                  onChange={(cost) => changeLine(index, { cost })}
                />
                <Button type="button" variant="secondary" onClick={() => removeLine(index)}>
                  Remove line {index + 1}
                </Button>
              </div>
            ))}
            <Button type="button" variant="secondary" id={fieldId(formId, "personalBudget-add")} onClick={addLine}>
              {value.lines.length === 0 ? "Add a line" : "Add another line"}
            </Button>
            <BudgetRunningTotal draft={value} />
          </div>
        </div>
      )}
    </section>
  );
}
