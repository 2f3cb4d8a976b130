import { GOAL_STATUSES, NEED_DOMAINS, type GoalStatus } from "@waymark/core";
import { ChoiceGroup, TextArea } from "../../../components/Field.js";
import { displayDate } from "../../../components/formatting.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import type { PlanGoal } from "./reviewDocuments.js";

/** Progress on one goal as typed at the review. */
export interface GoalProgressDraft {
  readonly goalId: string;
  readonly status: GoalStatus;
  readonly note: string;
}

const STATUS_OPTIONS = GOAL_STATUSES.entries.map((entry) => ({ value: entry.code, label: entry.label }));

/**
 * Progress on each goal of the plan under review: where it stands now (the goal takes that status) and a note.
 * Each goal starts at its current status, so an unchanged goal needs no answer.
 */
export function GoalProgressFieldset(props: { formId: string; goals: readonly PlanGoal[]; value: readonly GoalProgressDraft[]; onChange: (next: GoalProgressDraft[]) => void; errors: FieldErrors }) {
  const { formId, goals, value, onChange, errors } = props;
  const change = (index: number, patch: Partial<GoalProgressDraft>) => onChange(value.map((entry, at) => (at === index ? { ...entry, ...patch } : entry)));
  return (
    <section className="journey-section" aria-labelledby={`${formId}-progress-heading`}>
      <h2 id={`${formId}-progress-heading`}>Progress on the plan’s goals</h2>
      {goals.length === 0 && <p>This plan has no goals to record progress on.</p>}
      {goals.map((goal, index) => {
        const entry = value[index];
        if (!entry) return null;
        return (
          <div className="repeating-item" key={goal.id}>
            <h3 className="repeating-item__title">
              Goal {index + 1}: {goal.description}
            </h3>
            <p className="hint">
              {NEED_DOMAINS.labelOf(goal.domain)}
              {goal.targetDate && `. Target date ${displayDate(goal.targetDate)}`}.
            </p>
            <ChoiceGroup
              formId={formId}
              name={`goalProgress.${index}.status`}
              label={`Where does goal ${index + 1} stand now?`}
              error={errors[`goalProgress.${index}.status`]}
              type="radio"
              inline
              options={STATUS_OPTIONS}
              selected={[entry.status]}
              onChange={([status]) => change(index, { status: (status as GoalStatus | undefined) ?? entry.status })}
            />
            <TextArea
              formId={formId}
              name={`goalProgress.${index}.note`}
              label={`Notes on progress with goal ${index + 1} (optional)`}
              error={errors[`goalProgress.${index}.note`]}
              value={entry.note}
              rows={3}
              onChange={(note) => change(index, { note })}
            />
          </div>
        );
      })}
    </section>
  );
}
