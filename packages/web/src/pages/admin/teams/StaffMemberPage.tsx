import { useState } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { SuccessBanner } from "../../../components/Banner.js";
import { Button } from "../../../components/Button.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { Tag } from "../../../components/Tag.js";
import { fieldErrorsOf, type FieldErrors, type UserError } from "../../../graphql/userErrors.js";
import { useSession } from "../../../session/SessionContext.js";
import { OneTimePassword } from "./OneTimePassword.js";
import { STAFF_MEMBER, UPDATE_STAFF_MEMBER, type StaffRecord, type UpdateStaffInput } from "./staffQueries.js";
import { StaffMemberForm } from "./StaffMemberForm.js";
import { TEAMS } from "./teamQueries.js";
import "../../../components/lists.css";

const ACCOUNT_FORM_ID = "staff-account";
const isStaffMember = (node: unknown): node is StaffRecord => typeof node === "object" && node !== null && (node as { __typename?: string }).__typename === "StaffMember";

/** Disabling, re-enabling and resetting the password: each takes effect at once and ends the account's sessions. */
function AccountActions({ member, isSelf, onChange }: { member: StaffRecord; isSelf: boolean; onChange: (input: Omit<UpdateStaffInput, "id" | "version">) => Promise<readonly UserError[] | null> }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState<"active" | "password" | null>(null);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const run = async (which: "active" | "password", input: Omit<UpdateStaffInput, "id" | "version">) => {
    setErrors({});
    setBusy(which);
    const refused = await onChange(input);
    setBusy(null);
    if (refused) setErrors(fieldErrorsOf((refused.length > 0 ? refused : [{ field: "", message: "The change could not be saved. Try again." }]).map((error) => ({ ...error, field: "" }))));
  };
  return (
    <section className="danger-zone" aria-labelledby={`${ACCOUNT_FORM_ID}-heading`}>
      <h2 id={`${ACCOUNT_FORM_ID}-heading`}>Account access</h2>
      <ErrorSummary errors={errors} formId={ACCOUNT_FORM_ID} />
      {member.active ? (
        <>
          <p>Disabling the account signs {member.name} out everywhere at once and stops their API tokens. Their records and audit trail stay.</p>
          {isSelf ? (
            <p className="secondary">You cannot disable your own account.</p>
          ) : (
            <Button type="button" variant="warning" busy={busy === "active"} onClick={() => void run("active", { active: false })}>
              Disable account
            </Button>
          )}
        </>
      ) : (
        <>
          <p>This account is disabled: {member.name} cannot sign in.</p>
          <Button type="button" variant="secondary" busy={busy === "active"} onClick={() => void run("active", { active: true })}>
            Enable account
          </Button>
        </>
      )}
      <h3>Password</h3>
      <p>Resetting makes a new one-time password, signs {member.name} out everywhere and lifts a sign-in lock.</p>
      {confirmingReset ? (
        <div className="inset" role="group" aria-labelledby={`${ACCOUNT_FORM_ID}-reset-confirm`}>
          <p id={`${ACCOUNT_FORM_ID}-reset-confirm`}>
            <strong>Reset {member.name}'s password?</strong> Their current password stops working straight away.
          </p>
          <Button
            type="button"
            variant="warning"
            busy={busy === "password"}
            onClick={() => {
              setConfirmingReset(false);
              void run("password", { resetPassword: true });
            }}
          >
            Yes, reset the password
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirmingReset(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirmingReset(true)}>
          Reset password
        </Button>
      )}
    </section>
  );
}

/** One staff account: change its details, roles and teams; disable or enable it; reset its password. */
export function StaffMemberPage() {
  const { staffId = "" } = useParams();
  const { staff: me } = useSession();
  const [result] = useQuery({ query: STAFF_MEMBER, variables: { id: staffId } });
  const [teams] = useQuery({ query: TEAMS, variables: {} });
  const [, update] = useMutation(UPDATE_STAFF_MEMBER);
  const [banner, setBanner] = useState<string | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const member = result.data?.node;

  if (!isStaffMember(member)) {
    if (result.fetching) return <p aria-live="polite">Loading…</p>;
    return (
      <div className="narrow">
        <h1>Staff member not found</h1>
        <p>
          <Link to="/admin/teams">Go back to teams and staff</Link>.
        </p>
      </div>
    );
  }
  const save = async (input: Omit<UpdateStaffInput, "id" | "version">, words: string): Promise<readonly UserError[] | null> => {
    setBanner(null);
    setPassword(null);
    const payload = (await update({ input: { ...input, id: member.id, version: member.version } })).data?.updateStaffMember;
    if (!payload?.staffMember) return payload?.userErrors ?? [];
    setBanner(words);
    setPassword(payload.oneTimePassword);
    return null;
  };

  return (
    <div className="narrow">
      <Link to="/admin/teams" className="back-link">
        Back to teams and staff
      </Link>
      {banner && <SuccessBanner title={banner} />}
      {password && <OneTimePassword name={member.name} password={password} />}
      <h1>
        {member.name} {member.active ? <Tag tone="green">Active</Tag> : <Tag tone="grey">Disabled</Tag>}
      </h1>
      {teams.data ? (
        <StaffMemberForm key={member.version} member={member} teams={teams.data.teams} submitLabel="Save changes" onSave={(details) => save(details, "Changes saved")} />
      ) : (
        <p aria-live="polite">Loading…</p>
      )}
      <AccountActions
        member={member}
        isSelf={me?.id === member.id}
        onChange={(input) => save(input, input.resetPassword ? "Password reset" : input.active ? "Account enabled" : "Account disabled")}
      />
    </div>
  );
}
