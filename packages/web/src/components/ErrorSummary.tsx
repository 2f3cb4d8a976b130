import { useEffect, useRef } from "react";
import { fieldId } from "./fieldId.js";

/**
 * The GOV.UK error summary: a box at the top of the form listing every problem, each linked to its field.
 * It takes focus when it appears so screen-reader users hear the problems straight away.
 */
export function ErrorSummary({ errors, formId }: { errors: Record<string, string>; formId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length > 0) box.current?.focus();
  }, [entries.length]);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby={`${formId}-error-summary-title`} tabIndex={-1} ref={box}>
      <h2 className="error-summary__title" id={`${formId}-error-summary-title`}>
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {entries.map(([field, message]) => (
          <li key={field || "form"}>{field ? <a href={`#${fieldId(formId, field)}`}>{message}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
}
