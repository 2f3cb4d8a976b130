import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { Button } from "../../components/Button.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { LoadingRecord, RecordLoadFailed, RecordNotFound } from "../../components/RecordPageStates.js";
import { serviceToday } from "../../components/serviceToday.js";
import { useUnsavedChangesGuard } from "../../components/useUnsavedChangesGuard.js";
import type { FieldErrors } from "../../graphql/userErrors.js";
import { PERSON_FOR_EDIT_QUERY, UPDATE_PERSON, type PersonForEdit } from "../people/editPerson.js";
import { PersonDetailsFields } from "../people/PersonDetailsFields.js";
import { checkPersonDraft, draftOf, inputOf, personErrorsOf, type PersonDraft } from "../people/personDraft.js";
import { savedBannerState } from "./savedBanner.js";

const FORM_ID = "edit-person";

/** Loads the person, then shows the form with their details filled in. */
export function EditPersonPage() {
  const { id = "" } = useParams();
  const [result, refetch] = useQuery({ query: PERSON_FOR_EDIT_QUERY, variables: { id }, requestPolicy: "network-only" });
  if (!result.data && result.fetching) return <LoadingRecord />;
  if (result.error && !result.data) return <RecordLoadFailed retry={() => refetch({ requestPolicy: "network-only" })} />;
  const person = result.data?.serviceUser;
  if (!person) return <RecordNotFound what="person" />;
  return <EditPersonForm key={person.version} person={person} />;
}

/**
 * Changes a person's details. The save names the version the form was filled from, so a change someone else
 * saved in the meantime is not overwritten: the server refuses it and the form says so.
 */
function EditPersonForm({ person }: { person: PersonForEdit }) {
  const initial = draftOf(person);
  const [draft, setDraft] = useState<PersonDraft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const [{ fetching }, update] = useMutation(UPDATE_PERSON);
  const navigate = useNavigate();
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useUnsavedChangesGuard(dirty && !saved);
  useEffect(() => {
    if (saved) navigate(`/people/${person.id}`, { state: savedBannerState("Details saved") });
  }, [saved, navigate, person.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkPersonDraft(draft, serviceToday());
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await update({ input: { id: person.id, version: person.version, ...inputOf(draft) } });
    const payload = result.data?.updateServiceUser;
    if (!payload) {
      setErrors({ "": "The details could not be saved because the server did not answer. Nothing was changed. Try again." });
      return;
    }
    if (payload.serviceUser) {
      setSaved(true);
      return;
    }
    const stale = payload.userErrors.some((error) => error.code === "STALE_VERSION");
    setErrors(
      stale
        ? { "": "Someone else changed these details while you were editing. Your changes were not saved: reload the page to see theirs, then make yours again." }
        : personErrorsOf(payload.userErrors),
    );
  };

  const name = `${person.firstName} ${person.lastName}`;
  return (
    <div className="narrow">
      <Link className="back-link" to={`/people/${person.id}`}>
        Back to {name}
      </Link>
      <p className="caption">
        {name} · {person.localReference}
      </p>
      <h1>Edit details</h1>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <PersonDetailsFields formId={FORM_ID} draft={draft} errors={errors} onChange={setDraft} />
        <Button type="submit" busy={fetching}>
          Save details
        </Button>
        <Link to={`/people/${person.id}`} className="button button--secondary">
          Cancel
        </Link>
      </form>
    </div>
  );
}
