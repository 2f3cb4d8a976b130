import { useEffect, useState } from "react";
import { fieldId } from "./fieldId.js";

interface DateParts {
  day: string;
  month: string;
  year: string;
}

function partsOf(value: string | null): DateParts {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? { year: match[1] ?? "", month: String(Number(match[2])), day: String(Number(match[3])) } : { day: "", month: "", year: "" };
}

/** YYYY-MM-DD from the three boxes, or the raw text when incomplete so the server's rule names the problem. */
function valueOf(parts: DateParts): string | null {
  if (!parts.day && !parts.month && !parts.year) return null;
  const pad = (text: string) => text.trim().padStart(2, "0");
  return `${parts.year.trim()}-${pad(parts.month)}-${pad(parts.day)}`;
}

/**
 * The GOV.UK date input: day, month and year as three boxes, which people get right far more often than a
 * date picker or a single free-text box. Emits YYYY-MM-DD, or null when left empty.
 */
export function DateInput(props: { formId: string; name: string; label: string; hint?: string; error?: string; value: string | null; onChange: (value: string | null) => void }) {
  const { formId, name, label, hint = "For example, 27 3 2025", error, value, onChange } = props;
  const [parts, setParts] = useState<DateParts>(() => partsOf(value));
  useEffect(() => {
    if (valueOf(parts) !== value) setParts(partsOf(value));
    // Only an outside change of value resets the boxes; typing (which emits its own value) is left alone.
  }, [value]);
  const id = fieldId(formId, name);
  const update = (part: keyof DateParts, text: string) => {
    const next = { ...parts, [part]: text.replace(/\D/g, "") };
    setParts(next);
    onChange(valueOf(next));
  };
  const box = (part: keyof DateParts, text: string, width: string, first = false) => (
    <div className="date-input__item">
      <label className="label date-input__label" htmlFor={first ? id : `${id}-${part}`}>
        {text}
      </label>
      <input
        className={`input date-input__input ${width}${error ? " input--error" : ""}`}
        id={first ? id : `${id}-${part}`}
        inputMode="numeric"
        value={parts[part]}
        aria-invalid={error ? true : undefined}
        onChange={(event) => update(part, event.target.value)}
      />
    </div>
  );
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" role="group" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
        <legend className="fieldset__legend">{label}</legend>
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
        {error && (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="date-input">
          {box("day", "Day", "input--width-2", true)}
          {box("month", "Month", "input--width-2")}
          {box("year", "Year", "input--width-4")}
        </div>
      </fieldset>
    </div>
  );
}
