import { ACCOMMODATION_NEEDS, CONSENT_ANSWERS, ETHNICITIES, SEXES } from "../codes/demographics.js";
import { addYears, isIsoDate, type IsoDate } from "../dates/isoDate.js";
import type { ServiceUser } from "../records/serviceUser.js";
import { checkNhsNumber } from "./nhsNumber.js";
import { INPUT_CODES, RULE_CODES } from "./ruleCodes.js";
import { resultOf, violation, type RuleResult, type Violation } from "./violation.js";

export type ServiceUserInput = Omit<ServiceUser, "id" | "enteredInError">;

/** UK postcode shape (outward code, space optional, inward code). */
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Older than any living person: a date of birth before this is a typing error. */
const MAX_AGE_YEARS = 120;

export function isUkPostcode(value: string): boolean {
  return UK_POSTCODE.test(value.trim());
}

/** Upper-case with one space before the inward code, as Royal Mail writes it. */
export function normalisePostcode(value: string): string {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

function required(field: string, value: string | null | undefined, what: string): Violation[] {
  return value?.trim() ? [] : [violation(INPUT_CODES.required, field, `Enter ${what}.`)];
}

function oneOf(field: string, value: unknown, list: { includes(value: unknown): boolean }, what: string): Violation[] {
  return list.includes(value) ? [] : [violation(INPUT_CODES.invalidValue, field, `Choose ${what} from the list.`)];
}

/**
 * The checks on a person's details when they are registered or updated: names and date of birth present and
 * plausible, codes from their lists, NHS number valid, pregnancy with its expected date.
 */
export function checkServiceUser(input: ServiceUserInput, today: IsoDate): RuleResult {
  const found: Violation[] = [
    ...required("localReference", input.localReference, "the service's reference for this person"),
    ...required("firstName", input.firstName, "the person's first name"),
    ...required("lastName", input.lastName, "the person's last name"),
    ...oneOf("sex", input.sex, SEXES, "the person's sex"),
    ...oneOf("ethnicity", input.ethnicity, ETHNICITIES, "an ethnic group, or not stated"),
    ...oneOf("consentToNationalReporting", input.consentToNationalReporting, CONSENT_ANSWERS, "an answer for consent to national reporting"),
    ...oneOf("consentToShareWithGp", input.consentToShareWithGp, CONSENT_ANSWERS, "an answer for consent to share with the GP"),
    ...oneOf("accommodationNeed", input.accommodationNeed, ACCOMMODATION_NEEDS, "the accommodation need"),
  ];
  const dateOfBirthInvalid = RULE_CODES["R-DATE-1"];
  if (!isIsoDate(input.dateOfBirth)) {
    found.push(violation(dateOfBirthInvalid, "dateOfBirth", "Enter a real date of birth, for example 27/3/1985."));
  } else if (input.dateOfBirth > today) {
    found.push(violation(dateOfBirthInvalid, "dateOfBirth", "The date of birth cannot be in the future."));
  } else if (addYears(input.dateOfBirth, MAX_AGE_YEARS) < today) {
    found.push(violation(dateOfBirthInvalid, "dateOfBirth", `The date of birth makes the person over ${MAX_AGE_YEARS}. Check the year.`));
  }
  const nhs = checkNhsNumber(input.nhsNumber);
  if (!nhs.ok) found.push(...nhs.violations);
  if (input.postcode && !isUkPostcode(input.postcode)) {
    found.push(violation(INPUT_CODES.invalidValue, "postcode", "Enter a full UK postcode, for example SO14 7LP, or leave it blank (no fixed abode)."));
  }
  if (input.email && !EMAIL.test(input.email)) {
    found.push(violation(INPUT_CODES.invalidValue, "email", "Enter an email address like name@example.com."));
  }
  if (input.childrenLivingWith !== null && !(Number.isInteger(input.childrenLivingWith) && input.childrenLivingWith >= 0 && input.childrenLivingWith <= 20)) {
    found.push(violation(INPUT_CODES.invalidValue, "childrenLivingWith", "Enter the number of children living with the person, from 0 to 20."));
  }
  if (input.pregnant && input.expectedDeliveryDate !== null && !isIsoDate(input.expectedDeliveryDate)) {
    found.push(violation(dateOfBirthInvalid, "expectedDeliveryDate", "Enter a real expected date of delivery."));
  }
  if (!input.pregnant && input.expectedDeliveryDate !== null) {
    found.push(violation(INPUT_CODES.invalidValue, "expectedDeliveryDate", "An expected date of delivery is recorded only when the person is pregnant."));
  }
  return resultOf(found);
}
