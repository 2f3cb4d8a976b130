import { ROUTES, SUBSTANCES, type Route, type Substance } from "@waymark/core";
import { fieldId } from "../../../components/fieldId.js";
import { Select, TextInput } from "../../../components/Field.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import type { SubstanceRow } from "./substanceDraft.js";

const RANK_TITLES = ["Main problem substance", "Second problem substance (optional)", "Third problem substance (optional)"];
const SUBSTANCE_OPTIONS = SUBSTANCES.entries.map((entry) => ({ value: entry.code, label: entry.label }));
const ROUTE_OPTIONS = ROUTES.entries.map((entry) => ({ value: entry.code, label: entry.label }));

/**
 * Up to three problem substances ranked by their rows, main one first, each with the age it was first used
 * and how it is taken. The cohort the episode counts in follows from them (R-COH-1).
 */
export function ProblemSubstancesFieldset({ formId, rows, onChange, errors }: { formId: string; rows: readonly SubstanceRow[]; onChange: (next: SubstanceRow[]) => void; errors: FieldErrors }) {
  const change = (index: number, patch: Partial<SubstanceRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <section className="journey-section" aria-labelledby={`${formId}-substances-heading`} id={fieldId(formId, "problemSubstances")} tabIndex={-1}>
      <h2 id={`${formId}-substances-heading`}>Problem substances</h2>
      <p className="hint">Rank them by the harm they cause the person now, the main one first.</p>
      {errors.problemSubstances && (
        <p className="error-message">
          <span className="visually-hidden">Error:</span> {errors.problemSubstances}
        </p>
      )}
      {rows.map((row, index) => (
        <div className="repeating-item" key={index}>
          <h3 className="repeating-item__title">{RANK_TITLES[index]}</h3>
          <div className="field-row">
            <Select
              formId={formId}
              name={`problemSubstances.${index}.substance`}
              label={`Substance ${index + 1}`}
              error={errors[`problemSubstances.${index}.substance`]}
              value={row.substance}
              placeholder={index === 0 ? "Choose…" : "None"}
              options={SUBSTANCE_OPTIONS}
              onChange={(substance) => change(index, { substance: substance as Substance | "" })}
            />
            <TextInput
              formId={formId}
              name={`problemSubstances.${index}.ageOfFirstUse`}
              label={`Age substance ${index + 1} was first used (optional)`}
              hint="In years"
              width="short"
              error={errors[`problemSubstances.${index}.ageOfFirstUse`]}
              value={row.ageOfFirstUse}
              onChange={(ageOfFirstUse) => change(index, { ageOfFirstUse })}
            />
            <Select
              formId={formId}
              name={`problemSubstances.${index}.route`}
              label={`How substance ${index + 1} is taken (optional)`}
              error={errors[`problemSubstances.${index}.route`]}
              value={row.route}
              placeholder="Not recorded"
              options={ROUTE_OPTIONS}
              onChange={(route) => change(index, { route: route as Route | "" })}
            />
          </div>
        </div>
      ))}
    </section>
  );
}
