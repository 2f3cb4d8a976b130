import type { ReactNode } from "react";
import { fieldId } from "../../components/fieldId.js";
import type { CountQuestion, TopQuestion, YesNoQuestion } from "./topQuestions.js";

interface RowProps<Q extends TopQuestion> {
  readonly formId: string;
  readonly question: Q;
  readonly answer: string;
  readonly notDisclosed: boolean;
  readonly error?: string;
  readonly onAnswer: (answer: string) => void;
  readonly onNotDisclosed: (notDisclosed: boolean) => void;
}

/** The row's frame: the question as a legend, its error beneath, then the controls. */
function AnswerRow({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <fieldset className={`record-answer-row${error ? " record-answer-row--error" : ""}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="record-answer-row__legend">{label}</legend>
      {error && (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error:</span> {error}
        </p>
      )}
      <div className="record-answer-row__controls">{children}</div>
    </fieldset>
  );
}

/**
 * A number of days or a score, with the person's choice not to disclose it (R-TOP-1). Ticking "not disclosed"
 * switches the number off, so a value typed before cannot be sent alongside the mark.
 */
export function TopCountRow({ formId, question, answer, notDisclosed, error, onAnswer, onNotDisclosed, typicalAmount, onTypicalAmount }: RowProps<CountQuestion> & { typicalAmount?: string; onTypicalAmount?: (text: string) => void }) {
  const id = fieldId(formId, question.path);
  const amountId = fieldId(formId, `${question.path.replace(/\.days$/, "")}.typicalAmount`);
  return (
    <AnswerRow id={id} label={question.label} error={error}>
      <div className="form-group">
        <label className="label" htmlFor={id}>
          {question.unit}
        </label>
        <input
          className={`input input--width-4${error ? " input--error" : ""}`}
          id={id}
          inputMode="numeric"
          value={notDisclosed ? "" : answer}
          disabled={notDisclosed}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onAnswer(event.target.value)}
        />
      </div>
      <div className="record-inline-check">
        <input type="checkbox" id={`${id}-not-disclosed`} checked={notDisclosed} onChange={(event) => onNotDisclosed(event.target.checked)} />
        <label htmlFor={`${id}-not-disclosed`}>Not disclosed</label>
      </div>
      {onTypicalAmount && (
        <div className="form-group">
          <label className="label" htmlFor={amountId}>
            Typical amount on a day of use (optional)
          </label>
          <input className="input input--short" id={amountId} value={typicalAmount ?? ""} maxLength={200} onChange={(event) => onTypicalAmount(event.target.value)} />
        </div>
      )}
    </AnswerRow>
  );
}

/** A yes/no answer, with "not disclosed" as a third choice: one of the three is always the answer given. */
export function TopYesNoRow({ formId, question, answer, notDisclosed, error, onAnswer, onNotDisclosed }: RowProps<YesNoQuestion>) {
  const id = fieldId(formId, question.path);
  const selected = notDisclosed ? "notDisclosed" : answer;
  const choose = (choice: string) => {
    if (choice === "notDisclosed") return onNotDisclosed(true);
    onNotDisclosed(false);
    onAnswer(choice);
  };
  const options = [
    { value: "yes", label: "Yes" },
    { value: "no", label: "No" },
    { value: "notDisclosed", label: "Not disclosed" },
  ];
  return (
    <AnswerRow id={id} label={question.label} error={error}>
      <div className="choices choices--inline" id={id} tabIndex={-1}>
        {options.map((option) => (
          <div className="choice" key={option.value}>
            <input className="choice__input" type="radio" id={`${id}-${option.value}`} name={question.path} checked={selected === option.value} onChange={() => choose(option.value)} />
            <label className="choice__label" htmlFor={`${id}-${option.value}`}>
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </AnswerRow>
  );
}
