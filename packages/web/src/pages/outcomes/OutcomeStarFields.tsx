import { OUTCOME_STAR_AREAS, OUTCOME_STAR_MAX, OUTCOME_STAR_MIN, type OutcomeStarArea } from "@waymark/core";
import { fieldId } from "../../components/fieldId.js";
import type { FieldErrors } from "../../graphql/userErrors.js";

interface OutcomeStarFieldsProps {
  readonly formId: string;
  readonly taken: boolean;
  readonly scores: Readonly<Partial<Record<OutcomeStarArea, string>>>;
  readonly errors: FieldErrors;
  readonly onTaken: (taken: boolean) => void;
  readonly onScore: (area: OutcomeStarArea, text: string) => void;
}

/** The optional alcohol Outcome Star: ten areas scored 1 to 10, shown once the keyworker says one was completed. */
export function OutcomeStarFields({ formId, taken, scores, errors, onTaken, onScore }: OutcomeStarFieldsProps) {
  const id = fieldId(formId, "outcomeStar");
  return (
    <fieldset className="fieldset record-section">
      <legend className="record-legend--section">
        <h2 className="record-legend__heading">Outcome Star (optional)</h2>
      </legend>
      <div className={`form-group${errors.outcomeStar ? " form-group--error" : ""}`}>
        <div className="hint" id={`${id}-hint`}>
          For alcohol clients. Score only the areas you talked about, each from {OUTCOME_STAR_MIN} to {OUTCOME_STAR_MAX}.
        </div>
        {errors.outcomeStar && (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error:</span> {errors.outcomeStar}
          </p>
        )}
        <div className="record-inline-check">
          <input type="checkbox" id={id} checked={taken} aria-describedby={`${id}-hint`} onChange={(event) => onTaken(event.target.checked)} />
          <label htmlFor={id}>An Outcome Star was completed</label>
        </div>
      </div>
      {taken && (
        <div className="record-conditional record-star">
          {OUTCOME_STAR_AREAS.entries.map((area) => {
            const areaId = fieldId(formId, `outcomeStar.${area.code}`);
            const error = errors[`outcomeStar.${area.code}`];
            return (
              <div className={`form-group${error ? " form-group--error" : ""}`} key={area.code}>
                <label className="label" htmlFor={areaId}>
                  {area.label}
                </label>
                {error && (
                  <p className="error-message" id={`${areaId}-error`}>
                    <span className="visually-hidden">Error:</span> {error}
                  </p>
                )}
                <input
                  className={`input input--width-2${error ? " input--error" : ""}`}
                  id={areaId}
                  inputMode="numeric"
                  value={scores[area.code] ?? ""}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${areaId}-error` : undefined}
                  onChange={(event) => onScore(area.code, event.target.value)}
                />
              </div>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
