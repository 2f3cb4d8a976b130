import { addWeeks, isIsoDate, type IsoDate, type PlanKind } from "@waymark/core";
import { DateInput } from "../../../components/DateInput.js";
import { Select } from "../../../components/Field.js";
import { displayDate } from "../../../components/formatting.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import type { Clinician } from "../shared/useTeamClinicians.js";

/**
 * Who signed the plan off and when (R-PLAN-1), and what that starts: reviews every `reviewIntervalWeeks`,
 * the team's setting, the first due that long after sign-off (R-REV-1).
 */
export function SignOffFieldset(props: {
  formId: string;
  kind: PlanKind;
  assessors: readonly Clinician[];
  currentStaffId: string | undefined;
  signedOffById: string;
  signedOffDate: IsoDate | null;
  onChange: (next: { signedOffById: string; signedOffDate: IsoDate | null }) => void;
  team: { readonly name: string; readonly reviewIntervalWeeks: number };
  errors: FieldErrors;
}) {
  const { formId, kind, assessors, currentStaffId, signedOffById, signedOffDate, onChange, team, errors } = props;
  const weeks = team.reviewIntervalWeeks;
  const firstReview = signedOffById && isIsoDate(signedOffDate) ? addWeeks(signedOffDate, weeks) : null;
  return (
    <section className="journey-section" aria-labelledby={`${formId}-sign-off-heading`}>
      <h2 id={`${formId}-sign-off-heading`}>Sign-off and reviews</h2>
      <Select
        formId={formId}
        name="signedOffById"
        label="Signed off by"
        hint={
          kind === "FULL"
            ? "A full plan must be signed off by the assessor, a practitioner or team lead."
            : "An interim plan may be signed off; once it is, it is reviewed on the team’s schedule."
        }
        error={errors.signedOffById}
        value={signedOffById}
        placeholder="Not signed off yet"
        options={assessors.map((assessor) => ({ value: assessor.id, label: assessor.id === currentStaffId ? `${assessor.name} (you)` : assessor.name }))}
        onChange={(id) => onChange({ signedOffById: id, signedOffDate })}
      />
      <DateInput formId={formId} name="signedOffDate" label="Date signed off" error={errors.signedOffDate} value={signedOffDate} onChange={(date) => onChange({ signedOffById, signedOffDate: date })} />
      <div className="inset">
        <p>
          {team.name} reviews recovery plans every {weeks} {weeks === 1 ? "week" : "weeks"}.{" "}
          {firstReview ? `Signed off on ${displayDate(signedOffDate)}, this plan’s first review will be due by ${displayDate(firstReview)}.` : "A plan is put on the review schedule once it is signed off."}
        </p>
      </div>
    </section>
  );
}
