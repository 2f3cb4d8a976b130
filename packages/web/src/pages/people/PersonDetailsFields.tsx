import { ACCOMMODATION_NEEDS, CONSENT_ANSWERS, ETHNICITIES, SEXES, type CodeListEntry } from "@waymark/core";
import { DateInput } from "../../components/DateInput.js";
import { ChoiceGroup, Select, TextInput, YesNo, type Option } from "../../components/Field.js";
import type { FieldErrors } from "../../graphql/userErrors.js";
import type { MaybeYesNo, PersonDraft } from "./personDraft.js";
import "../../components/recordForms.css";

const MAYBE_OPTIONS: readonly Option[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "unknown", label: "Not known" },
];

const optionsOf = (entries: readonly CodeListEntry[]): Option[] => entries.map(({ code, label }) => ({ value: code, label }));

/**
 * Every detail of a person, in the order a keyworker asks them at a first appointment: who they are, how to
 * reach them, what they consent to, and the household questions behind the safeguarding flag. Used to
 * register a person and to edit their details, so both ask the same questions the same way.
 */
export function PersonDetailsFields({ formId, draft, errors, onChange }: { formId: string; draft: PersonDraft; errors: FieldErrors; onChange: (draft: PersonDraft) => void }) {
  const set =
    <K extends keyof PersonDraft>(field: K) =>
    (value: PersonDraft[K]) =>
      onChange({ ...draft, [field]: value });
  const field = (name: keyof PersonDraft) => ({ formId, name, error: errors[name] });
  const choose = (name: keyof PersonDraft, otherwise: string) => (selected: string[]) => onChange({ ...draft, [name]: selected[0] ?? otherwise });
  return (
    <>
      <h2>Name and reference</h2>
      <TextInput
        {...field("localReference")}
        label="Local reference"
        hint="The service's own reference for this person, for example SRS-00123. It must not be in use for anyone else."
        width="short"
        autoComplete="off"
        value={draft.localReference}
        onChange={set("localReference")}
      />
      <TextInput {...field("firstName")} label="First name" autoComplete="off" value={draft.firstName} onChange={set("firstName")} />
      <TextInput {...field("lastName")} label="Last name" autoComplete="off" value={draft.lastName} onChange={set("lastName")} />
      <TextInput
        {...field("preferredName")}
        label="Preferred name (optional)"
        hint="The name the person likes to be called, if it is not their first name."
        autoComplete="off"
        value={draft.preferredName}
        onChange={set("preferredName")}
      />

      <h2>About the person</h2>
      <DateInput {...field("dateOfBirth")} label="Date of birth" hint="For example, 27 3 1985" value={draft.dateOfBirth} onChange={set("dateOfBirth")} />
      <ChoiceGroup {...field("sex")} label="Sex" type="radio" options={optionsOf(SEXES.entries)} selected={draft.sex ? [draft.sex] : []} onChange={choose("sex", "")} />
      <TextInput
        {...field("genderIdentity")}
        label="Gender identity (optional)"
        hint="In the person's own words, if they want to give it."
        autoComplete="off"
        value={draft.genderIdentity}
        onChange={set("genderIdentity")}
      />
      <Select
        {...field("ethnicity")}
        label="Ethnic group"
        hint="As the person describes it. Choose Not stated if they would rather not say."
        options={optionsOf(ETHNICITIES.entries)}
        value={draft.ethnicity}
        onChange={set("ethnicity")}
      />

      <h2>Contact details and GP</h2>
      <TextInput
        {...field("postcode")}
        label="Postcode (optional)"
        hint="The full postcode, for example SO14 7LP. Leave it blank for no fixed abode or not known."
        width="short"
        autoComplete="off"
        value={draft.postcode}
        onChange={set("postcode")}
      />
      <TextInput {...field("phone")} label="Phone number (optional)" type="tel" width="short" autoComplete="off" value={draft.phone} onChange={set("phone")} />
      <TextInput {...field("email")} label="Email address (optional)" type="email" autoComplete="off" value={draft.email} onChange={set("email")} />
      <TextInput
        {...field("nhsNumber")}
        label="NHS number (optional)"
        hint="10 digits, for example 943 476 5919. Spaces are fine."
        width="short"
        autoComplete="off"
        value={draft.nhsNumber}
        onChange={set("nhsNumber")}
      />
      <TextInput {...field("gpPractice")} label="GP practice (optional)" autoComplete="off" value={draft.gpPractice} onChange={set("gpPractice")} />

      <h2>Consent</h2>
      <ChoiceGroup
        {...field("consentToNationalReporting")}
        label="Does the person consent to their information being included in national reporting?"
        type="radio"
        inline
        options={optionsOf(CONSENT_ANSWERS.entries)}
        selected={[draft.consentToNationalReporting]}
        onChange={choose("consentToNationalReporting", "NOT_ASKED")}
      />
      <ChoiceGroup
        {...field("consentToShareWithGp")}
        label="Does the person consent to the service sharing information with their GP?"
        type="radio"
        inline
        options={optionsOf(CONSENT_ANSWERS.entries)}
        selected={[draft.consentToShareWithGp]}
        onChange={choose("consentToShareWithGp", "NOT_ASKED")}
      />

      <h2>Household and circumstances</h2>
      <YesNo
        {...field("pregnant")}
        label="Is the person pregnant?"
        hint="Pregnancy raises a safeguarding flag and a home visit becomes due."
        value={draft.pregnant}
        onChange={set("pregnant")}
      />
      {draft.pregnant && (
        <div className="conditional">
          <DateInput
            {...field("expectedDeliveryDate")}
            label="Expected date of delivery (optional)"
            hint="For example, 14 6 2027"
            value={draft.expectedDeliveryDate}
            onChange={set("expectedDeliveryDate")}
          />
        </div>
      )}
      <YesNo
        {...field("childUnder5InHousehold")}
        label="Does a child under 5 live in the person's household?"
        hint="A child under 5 at home raises a safeguarding flag and a home visit becomes due."
        value={draft.childUnder5InHousehold}
        onChange={set("childUnder5InHousehold")}
      />
      <TextInput
        {...field("childrenLivingWith")}
        label="How many children live with the person? (optional)"
        hint="Any age. Enter 0 for none."
        width="short"
        autoComplete="off"
        value={draft.childrenLivingWith}
        onChange={set("childrenLivingWith")}
      />
      <ChoiceGroup
        {...field("parentalResponsibility")}
        label="Does the person have parental responsibility for a child?"
        type="radio"
        inline
        options={MAYBE_OPTIONS}
        selected={[draft.parentalResponsibility]}
        onChange={([value]) => set("parentalResponsibility")((value ?? "unknown") as MaybeYesNo)}
      />
      <YesNo
        {...field("isCarer")}
        label="Is the person a carer for someone?"
        hint="Being a carer is one of the factors linked to suicide risk."
        value={draft.isCarer}
        onChange={set("isCarer")}
      />
      <ChoiceGroup
        {...field("veteran")}
        label="Has the person served in the armed forces?"
        type="radio"
        inline
        options={MAYBE_OPTIONS}
        selected={[draft.veteran]}
        onChange={([value]) => set("veteran")((value ?? "unknown") as MaybeYesNo)}
      />
      <ChoiceGroup
        {...field("accommodationNeed")}
        label="Housing situation"
        type="radio"
        options={optionsOf(ACCOMMODATION_NEEDS.entries)}
        selected={[draft.accommodationNeed]}
        onChange={choose("accommodationNeed", "NOT_KNOWN")}
      />
    </>
  );
}
