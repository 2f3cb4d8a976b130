import type { AccommodationNeed, ConsentAnswer, Ethnicity, Sex } from "../codes/demographics.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { ClinicalRecord } from "./common.js";

/** A person known to the service. Several episodes may hang off one person over the years. */
export interface ServiceUser extends ClinicalRecord {
  /** The service's own human-readable reference, unique within the provider. */
  readonly localReference: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly preferredName: string | null;
  readonly dateOfBirth: IsoDate;
  readonly sex: Sex;
  readonly genderIdentity: string | null;
  readonly ethnicity: Ethnicity;
  readonly postcode: string | null;
  /** Ten digits with a valid modulus-11 check digit when present. */
  readonly nhsNumber: string | null;
  readonly gpPractice: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly consentToNationalReporting: ConsentAnswer;
  readonly consentToShareWithGp: ConsentAnswer;
  readonly parentalResponsibility: boolean | null;
  readonly childrenLivingWith: number | null;
  readonly childUnder5InHousehold: boolean;
  readonly pregnant: boolean;
  readonly expectedDeliveryDate: IsoDate | null;
  readonly isCarer: boolean;
  readonly veteran: boolean | null;
  readonly accommodationNeed: AccommodationNeed;
}
