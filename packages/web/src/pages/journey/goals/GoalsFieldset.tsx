import { NEED_DOMAINS } from "@waymark/core";
import { Button } from "../../../components/Button.js";
import { DateInput } from "../../../components/DateInput.js";
import { fieldId } from "../../../components/fieldId.js";
import { Select, TextArea } from "../../../components/Field.js";
import { Tag } from "../../../components/Tag.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import { emptyGoal, type GoalDraft } from "./goalDraft.js";

const DOMAIN_OPTIONS = NEED_DOMAINS.entries.map((entry) => ({ value: entry.code, label: entry.label }));

/**
 * A plan's goals as rows a keyworker adds and removes: the life domain, the goal in the person's words and
 * an optional target date. A new goal is open; reviews record progress on it. Adding a goal moves focus to
 * it, so a keyboard or screen-reader user lands where the new row is.
 */
export function GoalsFieldset(props: { formId: string; name: string; goals: readonly GoalDraft[]; onChange: (next: GoalDraft[]) => void; errors: FieldErrors; hint: string }) {
  const { formId, name, goals, onChange, errors, hint } = props;
  const change = (index: number, patch: Partial<GoalDraft>) => onChange(goals.map((goal, at) => (at === index ? { ...goal, ...patch } : goal)));
  const add = () => {
    onChange([...goals, emptyGoal()]);
    const index = goals.length;
    requestAnimationFrame(() => document.getElementById(fieldId(formId, `${name}.${index}.domain`))?.focus());
  };
  const remove = (index: number) => {
    onChange(goals.filter((_, at) => at !== index));
    // Focus would otherwise be lost with the removed row's button.
    document.getElementById(fieldId(formId, `${name}-add`))?.focus();
  };
  return (
    <div className="goal-list" id={fieldId(formId, name)} tabIndex={-1}>
      <p className="hint">{hint}</p>
      {errors[name] && (
        <p className="error-message">
          <span className="visually-hidden">Error:</span> {errors[name]}
        </p>
      )}
      {goals.map((goal, index) => (
        <div className="repeating-item" key={goal.key}>
          <h3 className="repeating-item__title">Goal {index + 1}</h3>
          <Select
            formId={formId}
            name={`${name}.${index}.domain`}
            label="Life domain"
            error={errors[`${name}.${index}.domain`]}
            value={goal.domain}
            options={DOMAIN_OPTIONS}
            onChange={(domain) => change(index, { domain: domain as GoalDraft["domain"] })}
          />
          <TextArea
            formId={formId}
            name={`${name}.${index}.description`}
            label="The goal, in the person’s words"
            error={errors[`${name}.${index}.description`]}
            value={goal.description}
            rows={2}
            onChange={(description) => change(index, { description })}
          />
          <DateInput
            formId={formId}
            name={`${name}.${index}.targetDate`}
            label="Target date (optional)"
            hint="When they hope to achieve it. For example, 27 9 2025"
            error={errors[`${name}.${index}.targetDate`]}
            value={goal.targetDate}
            onChange={(targetDate) => change(index, { targetDate })}
          />
          <p className="repeating-item__status">
            Status: <Tag tone="blue">Open</Tag>
          </p>
          <Button type="button" variant="secondary" onClick={() => remove(index)}>
            Remove goal {index + 1}
          </Button>
        </div>
      ))}
      <Button type="button" variant="secondary" id={fieldId(formId, `${name}-add`)} onClick={add}>
        {goals.length === 0 ? "Add a goal" : "Add another goal"}
      </Button>
    </div>
  );
}
