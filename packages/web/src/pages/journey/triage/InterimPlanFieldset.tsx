import type { IsoDate } from "@waymark/core";
import { DateInput } from "../../../components/DateInput.js";
import { ChoiceGroup, YesNo } from "../../../components/Field.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import { GoalsFieldset } from "../goals/GoalsFieldset.js";
import type { GoalDraft } from "../goals/goalDraft.js";

/** The interim recovery plan that may be agreed at triage, as typed. */
export interface InterimPlanDraft {
  readonly agreedAtTriage: boolean | null;
  readonly startDate: IsoDate | null;
  readonly goals: readonly GoalDraft[];
  readonly agreedWithServiceUser: boolean;
}

/**
 * The interim plan (R-PLAN-1) recorded with the triage when one was agreed there; it can also be agreed later
 * on its own. Its fields appear only once the keyworker says a plan was agreed.
 */
export function InterimPlanFieldset({ formId, value, onChange, errors }: { formId: string; value: InterimPlanDraft; onChange: (next: InterimPlanDraft) => void; errors: FieldErrors }) {
  return (
    <section className="journey-section" aria-labelledby={`${formId}-interim-heading`}>
      <h2 id={`${formId}-interim-heading`}>Interim recovery plan</h2>
      <YesNo
        formId={formId}
        name="interimPlan"
        label="Was an interim recovery plan agreed at the triage?"
        hint="If not, you can agree one later from the person’s record."
        error={errors.interimPlan}
        value={value.agreedAtTriage}
        onChange={(agreedAtTriage) => onChange({ ...value, agreedAtTriage })}
      />
      {value.agreedAtTriage && (
        <div className="conditional">
          <DateInput
            formId={formId}
            name="interimPlan.startDate"
            label="Date the interim plan starts"
            error={errors["interimPlan.startDate"]}
            value={value.startDate}
            onChange={(startDate) => onChange({ ...value, startDate })}
          />
          <h3 className="journey-subsection">Goals of the interim plan</h3>
          <GoalsFieldset
            formId={formId}
            name="interimPlan.goals"
            hint="What the person wants to work on first, such as staying safe until the comprehensive assessment."
            goals={value.goals}
            onChange={(goals) => onChange({ ...value, goals })}
            errors={errors}
          />
          <ChoiceGroup
            formId={formId}
            name="interimPlan.agreedWithServiceUser"
            label="Agreement"
            error={errors["interimPlan.agreedWithServiceUser"]}
            type="checkbox"
            options={[{ value: "agreed", label: "The person has agreed this interim plan" }]}
            selected={value.agreedWithServiceUser ? ["agreed"] : []}
            onChange={(selected) => onChange({ ...value, agreedWithServiceUser: selected.includes("agreed") })}
          />
        </div>
      )}
    </section>
  );
}
