import { checkContact, CONTACT_KINDS, CONTACT_OUTCOMES, violationsOf, type ContactKind, type ContactOutcome, type IsoDate } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { gql, useMutation } from "urql";
import { Button } from "../../components/Button.js";
import { optionsOf } from "../../components/codeListOptions.js";
import { DateInput } from "../../components/DateInput.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { ChoiceGroup, TextArea, TextInput } from "../../components/Field.js";
import { serviceToday } from "../../components/serviceToday.js";
import { useUnsavedChangesGuard } from "../../components/useUnsavedChangesGuard.js";
import type { KnownServiceSettings } from "../../components/useServiceSettings.js";
import { fieldErrorsOf, type FieldErrors, type UserError } from "../../graphql/userErrors.js";
import type { EpisodeForContact } from "./contactQueries.js";
import { dnaFollowUpExplanation } from "./dnaFollowUp.js";

const RECORD_CONTACT = gql<{ recordContact: { contact: { id: string } | null; userErrors: UserError[] } }, { input: object }>`
  mutation RecordContact($input: RecordContactInput!) {
    recordContact(input: $input) {
      contact { id }
      userErrors { code field message }
    }
  }
`;

const FORM_ID = "contact";

export interface ContactFormState {
  readonly date: IsoDate | null;
  readonly time: string;
  readonly kind: ContactKind | "";
  readonly outcome: ContactOutcome | "";
  readonly notes: string;
}

/** The contact just saved, for the confirmation. */
export interface SavedContact {
  readonly date: IsoDate;
  readonly time: string | null;
  readonly kind: ContactKind;
  readonly outcome: ContactOutcome;
}

/**
 * A contact or a missed appointment. Choosing "did not attend" explains the follow-up it makes due (R-DNA-1)
 * before saving; core's checkContact runs before sending.
 */
export function ContactForm({ episode, serviceSettings, onSaved }: { episode: EpisodeForContact; serviceSettings: KnownServiceSettings; onSaved: (saved: SavedContact) => void }) {
  const [initial] = useState<ContactFormState>(() => ({ date: serviceToday(), time: "", kind: "", outcome: "", notes: "" }));
  const [state, setState] = useState<ContactFormState>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, record] = useMutation(RECORD_CONTACT);
  useUnsavedChangesGuard(JSON.stringify(state) !== JSON.stringify(initial));
  const update = (change: Partial<ContactFormState>) => setState((current) => ({ ...current, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const time = state.time.trim() === "" ? null : state.time.trim();
    const contact = { date: state.date ?? "", time, kind: state.kind as ContactKind, outcome: state.outcome as ContactOutcome, staffId: "", notes: state.notes.trim() || null };
    const found = fieldErrorsOf([
      ...(state.date === null ? [{ field: "date", message: "Enter the date of the contact." }] : []),
      ...violationsOf(checkContact(contact, { episode, dateOfBirth: episode.serviceUser.dateOfBirth, today: serviceToday() })),
    ]);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await record({ input: { episodeId: episode.id, date: contact.date, time, kind: contact.kind, outcome: contact.outcome, notes: contact.notes } });
    const payload = result.data?.recordContact;
    if (!payload) return setErrors({ "": "The contact could not be saved. Check your connection and try again." });
    if (payload.userErrors.length > 0) return setErrors(fieldErrorsOf(payload.userErrors));
    onSaved({ date: contact.date, time, kind: contact.kind, outcome: contact.outcome });
  };

  const outcomeOptions = optionsOf(CONTACT_OUTCOMES);
  return (
    <>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DateInput formId={FORM_ID} name="date" label="Date" hint="Today's date is filled in. For example, 27 3 2025" value={state.date} error={errors.date} onChange={(date) => update({ date })} />
        <TextInput formId={FORM_ID} name="time" label="Time (optional)" hint="24-hour clock, for example 14:30." width="short" value={state.time} error={errors.time} onChange={(time) => update({ time })} />
        <ChoiceGroup
          formId={FORM_ID}
          name="kind"
          type="radio"
          label="Kind of contact"
          hint="A phone call, letter, text or home visit after a missed appointment counts as the follow-up attempt."
          options={optionsOf(CONTACT_KINDS)}
          selected={state.kind === "" ? [] : [state.kind]}
          error={errors.kind}
          onChange={([kind]) => update({ kind: (kind ?? "") as ContactKind })}
        />
        <ChoiceGroup
          formId={FORM_ID}
          name="outcome"
          type="radio"
          label="What happened?"
          options={outcomeOptions}
          selected={state.outcome === "" ? [] : [state.outcome]}
          error={errors.outcome}
          onChange={([outcome]) => update({ outcome: (outcome ?? "") as ContactOutcome })}
        />
        {state.outcome === "DID_NOT_ATTEND" && <p className="inset">{dnaFollowUpExplanation(state.date, state.kind, serviceSettings)}</p>}
        <TextArea formId={FORM_ID} name="notes" label="Notes (optional)" value={state.notes} error={errors.notes} onChange={(notes) => update({ notes })} />
        <Button type="submit" busy={fetching}>
          Save contact
        </Button>
      </form>
    </>
  );
}
