import type { ReactNode } from "react";
import { fieldId } from "./fieldId.js";

export interface FieldProps {
  readonly formId: string;
  /** The input path, as the API names it in userErrors (e.g. "referral.receivedDate"). */
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string;
}

/** A label, optional hint and error message around one input, wired together for assistive technology. */
export function FieldWrapper({ formId, name, label, hint, error, children }: FieldProps & { children: (ids: { id: string; describedBy: string | undefined }) => ReactNode }) {
  const id = fieldId(formId, name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error:</span> {error}
        </p>
      )}
      {children({ id, describedBy })}
    </div>
  );
}

export function TextInput(props: FieldProps & { value: string; onChange: (value: string) => void; type?: "text" | "email" | "password" | "number" | "tel"; autoComplete?: string; width?: "short" | "full" }) {
  const { value, onChange, type = "text", autoComplete, width = "full", ...field } = props;
  return (
    <FieldWrapper {...field}>
      {({ id, describedBy }) => (
        <input
          className={`input input--${width}${field.error ? " input--error" : ""}`}
          id={id}
          name={field.name}
          type={type}
          value={value}
          autoComplete={autoComplete}
          aria-describedby={describedBy}
          aria-invalid={field.error ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldWrapper>
  );
}

export function TextArea(props: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { value, onChange, rows = 4, ...field } = props;
  return (
    <FieldWrapper {...field}>
      {({ id, describedBy }) => (
        <textarea
          className={`textarea${field.error ? " input--error" : ""}`}
          id={id}
          name={field.name}
          rows={rows}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={field.error ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldWrapper>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function Select(props: FieldProps & { value: string; onChange: (value: string) => void; options: readonly Option[]; placeholder?: string }) {
  const { value, onChange, options, placeholder = "Choose…", ...field } = props;
  return (
    <FieldWrapper {...field}>
      {({ id, describedBy }) => (
        <select
          className={`select${field.error ? " input--error" : ""}`}
          id={id}
          name={field.name}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={field.error ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{placeholder}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldWrapper>
  );
}

/** A group of radios or checkboxes in a fieldset with a legend, as GOV.UK lays them out. */
export function ChoiceGroup(props: FieldProps & { type: "radio" | "checkbox"; options: readonly Option[]; selected: readonly string[]; onChange: (selected: string[]) => void; inline?: boolean }) {
  const { formId, name, label, hint, error, type, options, selected, onChange, inline } = props;
  const id = fieldId(formId, name);
  const toggle = (value: string, checked: boolean) => {
    if (type === "radio") onChange([value]);
    else onChange(checked ? [...selected, value] : selected.filter((entry) => entry !== value));
  };
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}>
        <legend className="fieldset__legend">{label}</legend>
        {hint && (
          <div className="hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        {error && (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className={`choices${inline ? " choices--inline" : ""}`} id={id} tabIndex={-1}>
          {options.map((option, index) => (
            <div className="choice" key={option.value}>
              <input
                className="choice__input"
                id={`${id}-${index}`}
                name={name}
                type={type}
                value={option.value}
                checked={selected.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label className="choice__label" htmlFor={`${id}-${index}`}>
                {option.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** Radios for a yes/no question, with the answer as true, false or null (not answered). */
export function YesNo(props: FieldProps & { value: boolean | null; onChange: (value: boolean) => void }) {
  const { value, onChange, ...field } = props;
  return (
    <ChoiceGroup
      {...field}
      type="radio"
      inline
      options={[
        { value: "yes", label: "Yes" },
        { value: "no", label: "No" },
      ]}
      selected={value === null ? [] : [value ? "yes" : "no"]}
      onChange={([choice]) => onChange(choice === "yes")}
    />
  );
}
