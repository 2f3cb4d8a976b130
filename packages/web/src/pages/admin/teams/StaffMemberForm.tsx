import { KEYWORKER_ROLES, ROLES, type Role } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { Button } from "../../../components/Button.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { ChoiceGroup, TextInput } from "../../../components/Field.js";
import { useUnsavedChangesGuard } from "../../../components/useUnsavedChangesGuard.js";
import { fieldErrorsOf, type FieldErrors, type UserError } from "../../../graphql/userErrors.js";
import type { StaffRecord } from "./staffQueries.js";
import type { TeamRecord } from "./teamQueries.js";

const FORM_ID = "staff-member";

/** What each role lets a person do, so an admin gives the least that does the job. */
const ROLE_HINTS: Record<Role, string> = {
  PRACTITIONER: "Practitioner: keeps the records of the people on their own caseload",
  TEAM_LEAD: "Team lead: sees the team's whole caseload, allocates keyworkers and signs plans off",
  ADMIN: "Admin: teams, staff accounts and the intervention catalogue; no clinical records",
  ANALYST: "Analyst: pseudonymised reports and exports, with no names or contact details",
};

export interface StaffDetails {
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly teamIds: readonly string[];
}

/** The checks an admin can act on before sending; the server repeats them and adds the ones needing the database. */
function detailErrors(details: StaffDetails): FieldErrors {
  const errors: FieldErrors = {};
  if (!details.name.trim()) errors.name = "Enter the staff member's name.";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(details.email.trim())) errors.email = "Enter an email address like name@example.org.";
  if (details.roles.length === 0) errors.roles = "Give the staff member at least one role.";
  if (details.roles.some((role) => KEYWORKER_ROLES.includes(role)) && details.teamIds.length === 0) {
    errors.teamIds = "Practitioners and team leads need at least one team: their caseload comes from it.";
  }
  return errors;
}

/**
 * A staff account's name, email, roles and teams. `onSave` resolves to the server's refusals, or null once
 * saved. Errors on a team are shown against the teams question.
 */
export function StaffMemberForm({ member, teams, submitLabel, onSave }: { member?: StaffRecord; teams: readonly TeamRecord[]; submitLabel: string; onSave: (details: StaffDetails) => Promise<readonly UserError[] | null> }) {
  const [details, setDetails] = useState<StaffDetails>(() => ({ name: member?.name ?? "", email: member?.email ?? "", roles: member?.roles ?? [], teamIds: member?.teams.map((team) => team.id) ?? [] }));
  const [saved, setSaved] = useState(details);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  useUnsavedChangesGuard(!saving && JSON.stringify(details) !== JSON.stringify(saved));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = detailErrors(details);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const refused = await onSave({ ...details, name: details.name.trim(), email: details.email.trim() });
    setSaving(false);
    if (!refused) {
      setSaved(details);
      return;
    }
    const onTeams = refused.map((error) => (error.field.startsWith("teamIds.") ? { ...error, field: "teamIds" } : error));
    setErrors(fieldErrorsOf(onTeams.length > 0 ? onTeams : [{ field: "", message: "The account could not be saved. Try again." }]));
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <TextInput formId={FORM_ID} name="name" label="Full name" autoComplete="off" value={details.name} error={errors.name} onChange={(name) => setDetails({ ...details, name })} />
      <TextInput formId={FORM_ID} name="email" label="Email address" hint="They sign in with it." type="email" autoComplete="off" value={details.email} error={errors.email} onChange={(email) => setDetails({ ...details, email })} />
      <ChoiceGroup
        formId={FORM_ID}
        name="roles"
        label="Roles"
        hint="Select all that apply."
        type="checkbox"
        options={ROLES.codes.map((role) => ({ value: role, label: ROLE_HINTS[role] }))}
        selected={details.roles}
        error={errors.roles}
        onChange={(roles) => setDetails({ ...details, roles: ROLES.codes.filter((role) => roles.includes(role)) })}
      />
      <ChoiceGroup
        formId={FORM_ID}
        name="teamIds"
        label="Teams"
        hint="The teams they work in. Practitioners and team leads need at least one."
        type="checkbox"
        options={teams.map((team) => ({ value: team.id, label: team.name }))}
        selected={details.teamIds}
        error={errors.teamIds}
        onChange={(teamIds) => setDetails({ ...details, teamIds })}
      />
      <Button type="submit" busy={saving}>
        {submitLabel}
      </Button>
    </form>
  );
}
