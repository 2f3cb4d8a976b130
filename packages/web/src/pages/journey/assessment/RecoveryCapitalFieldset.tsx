import { BARC10_ITEM_COUNT } from "@waymark/core";
import { fieldId } from "../../../components/fieldId.js";
import { Select, YesNo } from "../../../components/Field.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import { BARC10_ITEM_TOPICS, BARC10_SCALE } from "./barc10.js";

/** A BARC-10 score as typed: whether one was taken, and each item's score ("" until chosen). */
export interface RecoveryCapitalDraft {
  readonly taken: boolean | null;
  readonly items: readonly string[];
}

export const NO_RECOVERY_CAPITAL: RecoveryCapitalDraft = { taken: null, items: Array.from({ length: BARC10_ITEM_COUNT }, () => "") };

const SCALE_OPTIONS = BARC10_SCALE.map((point) => ({ value: String(point.score), label: `${point.score}: ${point.label}` }));

/**
 * The optional BARC-10 recovery capital score: ten items scored 1 to 6, with the total (10 to 60) kept up to
 * date as items are scored and announced politely to screen readers.
 */
export function RecoveryCapitalFieldset({ formId, value, onChange, errors }: { formId: string; value: RecoveryCapitalDraft; onChange: (next: RecoveryCapitalDraft) => void; errors: FieldErrors }) {
  const scored = value.items.filter((item) => item !== "");
  const total = scored.reduce((sum, item) => sum + Number(item), 0);
  return (
    <section className="journey-section" aria-labelledby={`${formId}-barc-heading`}>
      <h2 id={`${formId}-barc-heading`}>Recovery capital (BARC-10)</h2>
      <YesNo
        formId={formId}
        name="recoveryCapital"
        label="Did the person complete a BARC-10 questionnaire?"
        hint="The Brief Assessment of Recovery Capital: ten statements the person rates from strongly disagree to strongly agree."
        error={errors.recoveryCapital}
        value={value.taken}
        onChange={(taken) => onChange({ ...value, taken })}
      />
      {value.taken && (
        <div className="conditional" id={fieldId(formId, "recoveryCapital.items")} tabIndex={-1}>
          {errors["recoveryCapital.items"] && (
            <p className="error-message">
              <span className="visually-hidden">Error:</span> {errors["recoveryCapital.items"]}
            </p>
          )}
          <div className="score-grid">
            {BARC10_ITEM_TOPICS.map((topic, index) => (
              <Select
                key={topic}
                formId={formId}
                name={`recoveryCapital.items.${index}`}
                label={`Item ${index + 1}: ${topic}`}
                error={errors[`recoveryCapital.items.${index}`]}
                value={value.items[index] ?? ""}
                options={SCALE_OPTIONS}
                onChange={(score) => onChange({ ...value, items: value.items.map((item, at) => (at === index ? score : item)) })}
              />
            ))}
          </div>
          <div className="running-total" aria-live="polite">
            <p>
              Total: <span className="running-total__figure">{total}</span> out of 60
              {scored.length < BARC10_ITEM_COUNT && `, with ${BARC10_ITEM_COUNT - scored.length} of ${BARC10_ITEM_COUNT} items still to score`}.
            </p>
          </div>
        </div>
      )}
    </section>
  );
}
