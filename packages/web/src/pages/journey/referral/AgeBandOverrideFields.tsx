import { fieldId } from "../../../components/fieldId.js";
import { ChoiceGroup, TextArea } from "../../../components/Field.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import { ageBandText } from "./ageBand.js";
import type { ReferralTeam } from "./referralDocuments.js";

/**
 * R-ELIG-1 when the person's age on the referral date is outside the chosen team's band. A team lead of that
 * team may accept the referral with a recorded reason; anyone else is told who can, and the server refuses
 * the referral with its own explanation if they save it as it is.
 */
export function AgeBandOverrideFields(props: {
  formId: string;
  personName: string;
  age: number;
  team: ReferralTeam;
  canOverride: boolean;
  overriding: boolean;
  reason: string;
  onOverridingChange: (overriding: boolean) => void;
  onReasonChange: (reason: string) => void;
  errors: FieldErrors;
}) {
  const { formId, personName, age, team, canOverride, overriding, reason, onOverridingChange, onReasonChange, errors } = props;
  return (
    <div className="inset" id={fieldId(formId, "ageBandOverride")} tabIndex={-1}>
      <p>
        {personName} is {age} on the referral date. {team.name} serves people {ageBandText(team)}.
      </p>
      {errors.ageBandOverride && (
        <p className="error-message">
          <span className="visually-hidden">Error:</span> {errors.ageBandOverride}
        </p>
      )}
      {canOverride ? (
        <>
          <ChoiceGroup
            formId={formId}
            name="ageBandOverride.accept"
            label="As team lead, do you accept this referral outside the team’s age band?"
            type="checkbox"
            options={[{ value: "accept", label: "Accept the referral outside the age band" }]}
            selected={overriding ? ["accept"] : []}
            onChange={(selected) => onOverridingChange(selected.includes("accept"))}
          />
          {overriding && (
            <div className="conditional">
              <TextArea
                formId={formId}
                name="ageBandOverride.reason"
                label="Why the team is accepting this referral"
                hint="The team can see this reason on the episode."
                error={errors["ageBandOverride.reason"]}
                value={reason}
                rows={3}
                onChange={onReasonChange}
              />
            </div>
          )}
        </>
      ) : (
        <p>Only a team lead of {team.name} can accept a referral outside its age band. Choose the team for their age, or ask a team lead to accept this referral.</p>
      )}
    </div>
  );
}
