import {
  checkServiceUser,
  violationsOf,
  type AccommodationNeed,
  type ConsentAnswer,
  type Ethnicity,
  type IsoDate,
  type ClinicalRecord,
  type ServiceUser,
  type ServiceUserInput,
  type Sex,
} from "@waymark/core";
import type { FieldErrors } from "../../graphql/userErrors.js";

/** A yes/no question that may also be left as not known (stored as null). */
export type MaybeYesNo = "yes" | "no" | "unknown";

/**
 * The person form as typed: text as text, so a half-typed number or date stays on screen until it is fixed.
 * Safeguarding answers start unanswered (null) so nobody is recorded as "no" without being asked.
 */
export interface PersonDraft {
  readonly localReference: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly preferredName: string;
  readonly dateOfBirth: IsoDate | null;
  readonly sex: string;
  readonly genderIdentity: string;
  readonly ethnicity: string;
  readonly postcode: string;
  readonly nhsNumber: string;
  readonly gpPractice: string;
  readonly phone: string;
  readonly email: string;
  readonly consentToNationalReporting: string;
  readonly consentToShareWithGp: string;
  readonly parentalResponsibility: MaybeYesNo;
  readonly childrenLivingWith: string;
  readonly childUnder5InHousehold: boolean | null;
  readonly pregnant: boolean | null;
  readonly expectedDeliveryDate: IsoDate | null;
  readonly isCarer: boolean | null;
  readonly veteran: MaybeYesNo;
  readonly accommodationNeed: string;
}

/** The fields a person has, as the API names them in its input and its userErrors, in the order the form asks them. */
export const PERSON_FIELDS: readonly (keyof PersonDraft)[] = [
  "localReference",
  "firstName",
  "lastName",
  "preferredName",
  "dateOfBirth",
  "sex",
  "genderIdentity",
  "ethnicity",
  "postcode",
  "phone",
  "email",
  "nhsNumber",
  "gpPractice",
  "consentToNationalReporting",
  "consentToShareWithGp",
  "pregnant",
  "expectedDeliveryDate",
  "childUnder5InHousehold",
  "childrenLivingWith",
  "parentalResponsibility",
  "isCarer",
  "veteran",
  "accommodationNeed",
];

/** A new person: consents "not asked" and housing "not known" are the true state before anyone asks. */
export const EMPTY_PERSON: PersonDraft = {
  localReference: "",
  firstName: "",
  lastName: "",
  preferredName: "",
  dateOfBirth: null,
  sex: "",
  genderIdentity: "",
  ethnicity: "",
  postcode: "",
  nhsNumber: "",
  gpPractice: "",
  phone: "",
  email: "",
  consentToNationalReporting: "NOT_ASKED",
  consentToShareWithGp: "NOT_ASKED",
  parentalResponsibility: "unknown",
  childrenLivingWith: "",
  childUnder5InHousehold: null,
  pregnant: null,
  expectedDeliveryDate: null,
  isCarer: null,
  veteran: "unknown",
  accommodationNeed: "NOT_KNOWN",
};

/** The person's details as the API returns them: core's record without its ID and entered-in-error mark. */
export type PersonDetails = Omit<ServiceUser, keyof ClinicalRecord>;

/** The GraphQL selection of every detail field, shared by the record, the edit form and the register payload. */
export const PERSON_DETAIL_FIELDS = PERSON_FIELDS.join("\n");

const maybeOf = (value: boolean | null): MaybeYesNo => (value === null ? "unknown" : value ? "yes" : "no");
const booleanOf = (value: MaybeYesNo): boolean | null => (value === "unknown" ? null : value === "yes");

export function draftOf(person: PersonDetails): PersonDraft {
  return {
    localReference: person.localReference,
    firstName: person.firstName,
    lastName: person.lastName,
    preferredName: person.preferredName ?? "",
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    genderIdentity: person.genderIdentity ?? "",
    ethnicity: person.ethnicity,
    postcode: person.postcode ?? "",
    nhsNumber: person.nhsNumber ?? "",
    gpPractice: person.gpPractice ?? "",
    phone: person.phone ?? "",
    email: person.email ?? "",
    consentToNationalReporting: person.consentToNationalReporting,
    consentToShareWithGp: person.consentToShareWithGp,
    parentalResponsibility: maybeOf(person.parentalResponsibility),
    childrenLivingWith: person.childrenLivingWith === null ? "" : String(person.childrenLivingWith),
    childUnder5InHousehold: person.childUnder5InHousehold,
    pregnant: person.pregnant,
    expectedDeliveryDate: person.expectedDeliveryDate,
    isCarer: person.isCarer,
    veteran: maybeOf(person.veteran),
    accommodationNeed: person.accommodationNeed,
  };
}

const textOrNull = (value: string): string | null => (value.trim() === "" ? null : value.trim());

/** The number typed, or NaN for something that is not a whole number, which the rule then names. */
function countOf(value: string): number | null {
  const text = value.trim();
  if (text === "") return null;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * The draft as the API's input (RegisterServiceUserInput and UpdateServiceUserInput share these fields).
 * Unanswered safeguarding questions are sent as no only after `checkPersonDraft` has let the draft through,
 * which it does not while they are unanswered.
 */
export function inputOf(draft: PersonDraft): ServiceUserInput {
  return {
    localReference: draft.localReference.trim(),
    firstName: draft.firstName.trim(),
    lastName: draft.lastName.trim(),
    preferredName: textOrNull(draft.preferredName),
    dateOfBirth: draft.dateOfBirth ?? "",
    sex: draft.sex as Sex,
    genderIdentity: textOrNull(draft.genderIdentity),
    ethnicity: draft.ethnicity as Ethnicity,
    postcode: textOrNull(draft.postcode),
    nhsNumber: textOrNull(draft.nhsNumber),
    gpPractice: textOrNull(draft.gpPractice),
    phone: textOrNull(draft.phone),
    email: textOrNull(draft.email),
    consentToNationalReporting: draft.consentToNationalReporting as ConsentAnswer,
    consentToShareWithGp: draft.consentToShareWithGp as ConsentAnswer,
    parentalResponsibility: booleanOf(draft.parentalResponsibility),
    childrenLivingWith: countOf(draft.childrenLivingWith),
    childUnder5InHousehold: draft.childUnder5InHousehold ?? false,
    pregnant: draft.pregnant ?? false,
    // An expected date belongs only to a pregnancy: answering "not pregnant" drops one typed earlier.
    expectedDeliveryDate: draft.pregnant ? draft.expectedDeliveryDate : null,
    isCarer: draft.isCarer ?? false,
    veteran: booleanOf(draft.veteran),
    accommodationNeed: draft.accommodationNeed as AccommodationNeed,
  };
}

/**
 * The same checks the server makes (core's checkServiceUser, with its messages), plus answers to the
 * questions behind the safeguarding flag (R-SAFE-1) and the carer suicide-risk factor (R-RISK-2): the form
 * asks for those rather than letting "not answered" pass as "no".
 */
export function checkPersonDraft(draft: PersonDraft, today: IsoDate): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.pregnant === null) errors.pregnant = "Answer whether the person is pregnant.";
  if (draft.childUnder5InHousehold === null) errors.childUnder5InHousehold = "Answer whether a child under 5 lives in the person's household.";
  if (draft.isCarer === null) errors.isCarer = "Answer whether the person is a carer for someone.";
  for (const found of violationsOf(checkServiceUser(inputOf(draft), today))) errors[found.field] ??= found.message;
  // Show the problems in the order the form asks the questions.
  return Object.fromEntries(PERSON_FIELDS.filter((field) => errors[field]).map((field) => [field, errors[field] as string]));
}

/** Server errors keyed by field; one about a field the form does not show is kept for the summary only. */
export function personErrorsOf(userErrors: readonly { field: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const error of userErrors) {
    const field = (PERSON_FIELDS as readonly string[]).includes(error.field) ? error.field : "";
    errors[field] ??= error.message;
  }
  return errors;
}
