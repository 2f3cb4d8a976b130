import { isIsoDate, type IsoDate } from "@waymark/core";
import { DateInput } from "../../components/DateInput.js";
import { fieldId } from "../../components/fieldId.js";
import type { FieldErrors } from "../../graphql/userErrors.js";

interface ContactScheduleFieldProps {
  readonly formId: string;
  readonly checkUps: readonly (IsoDate | null)[];
  readonly errors: FieldErrors;
  readonly hint: string;
  readonly onChange: (checkUps: (IsoDate | null)[]) => void;
  readonly onReset: () => void;
}

const WEEKDAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** The check-up's day in words, weekday first, since check-ups are booked into clinic days. */
function checkUpHint(checkUp: IsoDate | null): string {
  return checkUp !== null && isIsoDate(checkUp) ? WEEKDAY.format(new Date(`${checkUp}T12:00:00Z`)) : "For example, 27 3 2027";
}

/**
 * R-ROSC-4: the aftercare check-ups the service commits to, one date each. Starts from the default schedule;
 * dates can be moved, removed or added, and the default brought back.
 */
export function ContactScheduleField({ formId, checkUps, errors, hint, onChange, onReset }: ContactScheduleFieldProps) {
  const id = fieldId(formId, "contactSchedule");
  const error = errors.contactSchedule;
  const change = (index: number, value: IsoDate | null) => onChange(checkUps.map((checkUp, at) => (at === index ? value : checkUp)));
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
        <legend className="fieldset__legend record-legend--group">Aftercare check-ups</legend>
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
        {error && (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error:</span> {error}
          </p>
        )}
        <ol className="record-date-list" id={id} tabIndex={-1}>
          {checkUps.map((checkUp, index) => (
            <li className="record-date-list__item" key={index}>
              <DateInput
                formId={formId}
                name={`contactSchedule.${index}`}
                label={`Check-up ${index + 1}`}
                hint={checkUpHint(checkUp)}
                value={checkUp}
                error={errors[`contactSchedule.${index}`]}
                onChange={(value) => change(index, value)}
              />
              <button type="button" className="button button--secondary" onClick={() => onChange(checkUps.filter((_, at) => at !== index))}>
                Remove<span className="visually-hidden"> check-up {index + 1}</span>
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="button button--secondary" onClick={() => onChange([...checkUps, null])}>
          Add a check-up
        </button>
        <button type="button" className="button button--secondary" onClick={onReset}>
          Use the default check-ups
        </button>
      </fieldset>
    </div>
  );
}
