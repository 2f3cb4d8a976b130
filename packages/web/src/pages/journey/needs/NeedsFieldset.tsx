import { NEED_DOMAINS, NEED_LEVELS, type NeedLevel } from "@waymark/core";
import { fieldId } from "../../../components/fieldId.js";
import { ChoiceGroup } from "../../../components/Field.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import type { NeedsDraft } from "./needsDraft.js";

/** "Not assessed" is a choice of its own, so a level chosen by mistake can be taken back. */
const NOT_ASSESSED = "NOT_ASSESSED";
const LEVEL_OPTIONS = [...NEED_LEVELS.entries.map((entry) => ({ value: entry.code, label: entry.label })), { value: NOT_ASSESSED, label: "Not assessed" }];

/**
 * The level of need in each life domain (no, some or high need). Recovery-support rules read these later
 * (R-ROSC-2 needs an assessed need in the matching domain), so a domain not looked at is left "not assessed"
 * rather than recorded as no need.
 */
export function NeedsFieldset(props: { formId: string; heading: string; hint: string; value: NeedsDraft; onChange: (next: NeedsDraft) => void; errors: FieldErrors }) {
  const { formId, heading, hint, value, onChange, errors } = props;
  return (
    <section className="journey-section" aria-labelledby={`${formId}-needs-heading`} id={fieldId(formId, "needs")} tabIndex={-1}>
      <h2 id={`${formId}-needs-heading`}>{heading}</h2>
      <p className="hint">{hint}</p>
      {errors.needs && (
        <p className="error-message">
          <span className="visually-hidden">Error:</span> {errors.needs}
        </p>
      )}
      {NEED_DOMAINS.entries.map((domain) => (
        <ChoiceGroup
          key={domain.code}
          formId={formId}
          name={`needs.${domain.code}`}
          label={domain.label}
          error={errors[`needs.${domain.code}`]}
          type="radio"
          inline
          options={LEVEL_OPTIONS}
          selected={[value[domain.code] ?? NOT_ASSESSED]}
          onChange={([chosen]) => {
            const others: NeedsDraft = Object.fromEntries(Object.entries(value).filter(([assessed]) => assessed !== domain.code));
            onChange(!chosen || chosen === NOT_ASSESSED ? others : { ...others, [domain.code]: chosen as NeedLevel });
          }}
        />
      ))}
    </section>
  );
}
