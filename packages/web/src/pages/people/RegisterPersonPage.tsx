import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation } from "urql";
import { Button } from "../../components/Button.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { Select } from "../../components/Field.js";
import { serviceToday } from "../../components/serviceToday.js";
import { useUnsavedChangesGuard } from "../../components/useUnsavedChangesGuard.js";
import type { FieldErrors } from "../../graphql/userErrors.js";
import { useSession } from "../../session/SessionContext.js";
import { PersonDetailsFields } from "./PersonDetailsFields.js";
import { checkPersonDraft, EMPTY_PERSON, inputOf, personErrorsOf, type PersonDraft } from "./personDraft.js";
import { REGISTER_PERSON, type RegisterPersonResult } from "./registerPerson.js";
import { savedBannerState } from "../person/savedBanner.js";

const FORM_ID = "register-person";

/**
 * Registers a person with the service. The form checks what it can first, with the same rules and words
 * as the server; the server's answer is final. Once saved, the person's record opens, ready for a referral.
 */
export function RegisterPersonPage() {
  const { staff } = useSession();
  const teams = staff?.teams ?? [];
  const [draft, setDraft] = useState<PersonDraft>(EMPTY_PERSON);
  const [teamId, setTeamId] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [savedId, setSavedId] = useState<string | null>(null);
  const [{ fetching }, register] = useMutation<RegisterPersonResult>(REGISTER_PERSON);
  const navigate = useNavigate();
  const dirty = JSON.stringify(draft) !== JSON.stringify(EMPTY_PERSON) || teamId !== "";
  useUnsavedChangesGuard(dirty && savedId === null);
  useEffect(() => {
    // Leaves only once the guard has been told the form is saved, so it does not ask about a saved record.
    if (savedId) navigate(`/people/${savedId}`, { state: savedBannerState("Person registered", "You can now record a referral for them.") });
  }, [savedId, navigate]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {
      ...(teams.length > 1 && !teamId ? { teamId: "Choose the team registering the person." } : {}),
      ...checkPersonDraft(draft, serviceToday()),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await register({ input: { ...inputOf(draft), ...(teamId ? { teamId } : {}) } });
    const payload = result.data?.registerServiceUser;
    if (!payload) {
      setErrors({ "": "The person could not be registered because the server did not answer. Nothing was saved. Try again." });
      return;
    }
    if (payload.serviceUser) {
      setSavedId(payload.serviceUser.id);
      return;
    }
    const serverErrors = personErrorsOf(payload.userErrors.filter((error) => error.field !== "teamId"));
    const teamError = payload.userErrors.find((error) => error.field === "teamId");
    setErrors(teamError ? { teamId: teamError.message, ...serverErrors } : serverErrors);
  };

  return (
    <div className="narrow">
      <Link className="back-link" to="/people">
        Back to find a person
      </Link>
      <h1>Register a person</h1>
      <p>Check the service does not know the person already before registering them: search for them by name first.</p>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        {teams.length > 1 && (
          <Select
            formId={FORM_ID}
            name="teamId"
            label="Team registering the person"
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
            value={teamId}
            error={errors.teamId}
            onChange={setTeamId}
          />
        )}
        <PersonDetailsFields formId={FORM_ID} draft={draft} errors={errors} onChange={setDraft} />
        <Button type="submit" busy={fetching}>
          Register person
        </Button>
        <Link to="/people" className="button button--secondary">
          Cancel
        </Link>
      </form>
    </div>
  );
}
