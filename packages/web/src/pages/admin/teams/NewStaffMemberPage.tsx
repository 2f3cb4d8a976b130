import { useState } from "react";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { SuccessBanner } from "../../../components/Banner.js";
import { OneTimePassword } from "./OneTimePassword.js";
import { CREATE_STAFF_MEMBER, type StaffRecord } from "./staffQueries.js";
import { StaffMemberForm } from "./StaffMemberForm.js";
import { TEAMS } from "./teamQueries.js";
import "../../../components/lists.css";

/**
 * Creates a staff account. Waymark makes the first password and returns it once, so the admin never has to
 * invent one; the page shows it until the admin leaves.
 */
export function NewStaffMemberPage() {
  const [teams] = useQuery({ query: TEAMS, variables: {} });
  const [, create] = useMutation(CREATE_STAFF_MEMBER);
  const [created, setCreated] = useState<{ member: StaffRecord; password: string | null } | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <div className="narrow">
      <Link to="/admin/teams" className="back-link">
        Back to teams and staff
      </Link>
      <h1>Add a staff member</h1>
      {created ? (
        <>
          <SuccessBanner title={`Account created for ${created.member.name}`}>{`They sign in with ${created.member.email}.`}</SuccessBanner>
          {created.password && <OneTimePassword name={created.member.name} password={created.password} />}
          <p>
            <Link to={`/admin/teams/staff/${created.member.id}`}>View {created.member.name}'s account</Link>
          </p>
          <p>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setCreated(null);
                setFormKey((key) => key + 1);
              }}
            >
              Add another staff member
            </button>
          </p>
        </>
      ) : (
        <>
          {!teams.data ? (
            <p aria-live="polite">Loading…</p>
          ) : (
            <StaffMemberForm
              key={formKey}
              teams={teams.data.teams}
              submitLabel="Create account"
              onSave={async (details) => {
                const payload = (await create({ input: { name: details.name, email: details.email, roles: details.roles, teamIds: details.teamIds } })).data?.createStaffMember;
                if (!payload?.staffMember) return payload?.userErrors ?? [];
                setCreated({ member: payload.staffMember, password: payload.oneTimePassword });
                return null;
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
