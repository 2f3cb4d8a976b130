import { FIRST_CONTACT_ACTIONS, SUSTAINED_MIN_PLANNED_SESSIONS, type CatalogueItem, type FirstContactAction } from "@waymark/core";
import { optionsOf } from "../../components/codeListOptions.js";
import { DateInput } from "../../components/DateInput.js";
import { ChoiceGroup, TextInput } from "../../components/Field.js";
import type { FieldErrors } from "../../graphql/userErrors.js";
import type { InterventionFormState } from "./interventionForm.js";

interface ItemDetailsFieldsProps {
  readonly formId: string;
  readonly item: CatalogueItem;
  readonly state: InterventionFormState;
  readonly errors: FieldErrors;
  readonly update: (change: Partial<InterventionFormState>) => void;
}

function subTypeHint(item: CatalogueItem): string {
  const choose = item.switches.needsSubType ? "Choose at least one." : "Choose any that apply.";
  return item.switches.needsAssessedNeed
    ? `${choose} Each needs a need in its area found by this episode's latest assessment or reassessment on or before the start date.`
    : choose;
}

/**
 * The questions the chosen item's rule switches call for (R-CAT-1): its sub-types, the person's wish to attend a
 * mutual-aid group and the first contact made (R-ROSC-3), and how long it is planned to run (R-ROSC-6).
 */
export function ItemDetailsFields({ formId, item, state, errors, update }: ItemDetailsFieldsProps) {
  const sustained = item.switches.sustainedOnly;
  return (
    <>
      {item.subTypes.length > 0 && (
        <ChoiceGroup
          formId={formId}
          name="subTypes"
          type="checkbox"
          label={`What kind of ${item.label.toLowerCase()} was given?`}
          hint={subTypeHint(item)}
          options={item.subTypes.map((subType) => ({ value: subType.code, label: subType.label }))}
          selected={state.subTypes}
          error={errors.subTypes}
          onChange={(subTypes) => update({ subTypes })}
        />
      )}
      {item.switches.needsInterest && (
        <>
          <DateInput
            formId={formId}
            name="interestExpressedDate"
            label="When did the person say they would like to go?"
            hint="On or before the start date. For example, 27 3 2025"
            value={state.interestExpressedDate}
            error={errors.interestExpressedDate}
            onChange={(interestExpressedDate) => update({ interestExpressedDate })}
          />
          <ChoiceGroup
            formId={formId}
            name="firstContactActions"
            type="checkbox"
            label="What was done to make the first contact with the group?"
            hint="Choose all that apply."
            options={optionsOf(FIRST_CONTACT_ACTIONS)}
            selected={state.firstContactActions}
            error={errors.firstContactActions}
            onChange={(actions) => update({ firstContactActions: actions as FirstContactAction[] })}
          />
        </>
      )}
      <fieldset className="fieldset record-section">
        <legend className="fieldset__legend">{sustained ? "How long it is planned to run" : "How long it is planned to run (optional)"}</legend>
        <div className="hint">
          {sustained
            ? `${item.label} must be sustained, not a one-off session: enter a planned end date after the start date, or ${SUSTAINED_MIN_PLANNED_SESSIONS} or more planned sessions.`
            : "Leave these blank if there is no plan yet."}
        </div>
        <DateInput
          formId={formId}
          name="plannedEndDate"
          label="Planned end date"
          hint="It may be in the future. For example, 27 3 2026"
          value={state.plannedEndDate}
          error={errors.plannedEndDate}
          onChange={(plannedEndDate) => update({ plannedEndDate })}
        />
        <TextInput
          formId={formId}
          name="plannedSessions"
          label="Planned sessions"
          hint="A whole number."
          width="short"
          value={state.plannedSessions}
          error={errors.plannedSessions}
          onChange={(plannedSessions) => update({ plannedSessions })}
        />
      </fieldset>
    </>
  );
}
