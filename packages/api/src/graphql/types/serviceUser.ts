import type { AccommodationNeed, ConsentAnswer, Ethnicity, IsoDate, Sex } from "@waymark/core";
import { Field, Int, ObjectType } from "type-graphql";
import { toServiceUser, type ServiceUserRow } from "../../db/mappers.js";
import { AccommodationNeedEnum, ConsentEnum, EthnicityEnum, SexEnum } from "../enums.js";
import { toGlobalId } from "../globalId.js";
import type { FieldsServed } from "../requestedFields.js";
import { connectionType, Node } from "../relay.js";
import { DateScalar } from "../scalars.js";
import { EnteredInError } from "./enteredInError.js";
import { SuicideRiskFlag } from "./risk.js";
import { SafeguardingFlag } from "./safeguarding.js";

@ObjectType({ description: "The flags a person carries, as the caseload shows them." })
export class ServiceUserFlags {
  @Field(() => SuicideRiskFlag, { description: "R-RISK-2: raised while the latest risk assessment in the person's episodes you can see records a suicide-risk factor." })
  suicideRisk!: SuicideRiskFlag;

  @Field(() => SafeguardingFlag, { description: "R-SAFE-1: pregnant or living with a child under 5; a home visit is due in the open episode until one is recorded." })
  safeguarding!: SafeguardingFlag;
}

@ObjectType({ implements: Node, description: "A person known to the service. Their episodes of care hang off this record." })
export class ServiceUser extends Node {
  localId!: string;

  @Field(() => String, { description: "Stable random identifier that stands for the person in pseudonymised reports and exports." })
  pseudonym!: string;

  @Field(() => String, { description: "The service's own reference for the person, unique within the provider." })
  localReference!: string;

  @Field(() => String, { description: "First name." })
  firstName!: string;

  @Field(() => String, { description: "Last name." })
  lastName!: string;

  @Field(() => String, { nullable: true, description: "The name the person likes to be called." })
  preferredName!: string | null;

  @Field(() => DateScalar, { description: "Date of birth." })
  dateOfBirth!: IsoDate;

  @Field(() => SexEnum, { description: "Sex." })
  sex!: Sex;

  @Field(() => String, { nullable: true, description: "Gender identity in the person's own words, if they gave it." })
  genderIdentity!: string | null;

  @Field(() => EthnicityEnum, { description: "Ethnic group." })
  ethnicity!: Ethnicity;

  @Field(() => String, { nullable: true, description: "Postcode; null for no fixed abode or not known." })
  postcode!: string | null;

  @Field(() => String, { nullable: true, description: "NHS number, ten digits." })
  nhsNumber!: string | null;

  @Field(() => String, { nullable: true, description: "GP practice." })
  gpPractice!: string | null;

  @Field(() => String, { nullable: true, description: "Phone number." })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: "Email address." })
  email!: string | null;

  @Field(() => ConsentEnum, { description: "Consent to be included in national reporting." })
  consentToNationalReporting!: ConsentAnswer;

  @Field(() => ConsentEnum, { description: "Consent to share information with the GP." })
  consentToShareWithGp!: ConsentAnswer;

  @Field(() => Boolean, { nullable: true, description: "Has parental responsibility for a child." })
  parentalResponsibility!: boolean | null;

  @Field(() => Int, { nullable: true, description: "Number of children living with the person." })
  childrenLivingWith!: number | null;

  @Field(() => Boolean, { description: "A child under 5 lives in the household (raises the safeguarding flag)." })
  childUnder5InHousehold!: boolean;

  @Field(() => Boolean, { description: "Pregnant (raises the safeguarding flag)." })
  pregnant!: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Expected date of delivery, when pregnant." })
  expectedDeliveryDate!: IsoDate | null;

  @Field(() => Boolean, { description: "Is a carer for someone." })
  isCarer!: boolean;

  @Field(() => Boolean, { nullable: true, description: "Has served in the armed forces." })
  veteran!: boolean | null;

  @Field(() => AccommodationNeedEnum, { description: "Housing situation." })
  accommodationNeed!: AccommodationNeed;

  @Field(() => EnteredInError, { nullable: true, description: "Set when the person's record was marked entered in error." })
  enteredInError!: EnteredInError | null;

  @Field(() => Int, { description: "Version of this record; pass it back when updating so a stale edit is refused." })
  version!: number;

  /**
   * A person as a working list shows them, from their names and reference alone: only the fields in
   * PERSON_SUMMARY_FIELDS are set, so it is built only for a document that asks for nothing else.
   */
  static summaryOf(row: Pick<ServiceUserRow, "id" | "localReference" | "firstName" | "lastName" | "preferredName">): ServiceUser {
    const person = new ServiceUser();
    person.id = toGlobalId("ServiceUser", row.id);
    person.localId = row.id;
    person.localReference = row.localReference;
    person.firstName = row.firstName;
    person.lastName = row.lastName;
    person.preferredName = row.preferredName;
    return person;
  }

  static of(row: ServiceUserRow): ServiceUser {
    // Assigned onto the instance in turn rather than spread into a literal first: a caseload page builds fifty
    // of these, and the spread copy of some thirty fields cost more than the rest of the entry.
    const user = toServiceUser(row);
    const person = new ServiceUser();
    person.localReference = user.localReference;
    person.firstName = user.firstName;
    person.lastName = user.lastName;
    person.preferredName = user.preferredName;
    person.dateOfBirth = user.dateOfBirth;
    person.sex = user.sex;
    person.genderIdentity = user.genderIdentity;
    person.ethnicity = user.ethnicity;
    person.postcode = user.postcode;
    person.nhsNumber = user.nhsNumber;
    person.gpPractice = user.gpPractice;
    person.phone = user.phone;
    person.email = user.email;
    person.consentToNationalReporting = user.consentToNationalReporting;
    person.consentToShareWithGp = user.consentToShareWithGp;
    person.parentalResponsibility = user.parentalResponsibility;
    person.childrenLivingWith = user.childrenLivingWith;
    person.childUnder5InHousehold = user.childUnder5InHousehold;
    person.pregnant = user.pregnant;
    person.expectedDeliveryDate = user.expectedDeliveryDate;
    person.isCarer = user.isCarer;
    person.veteran = user.veteran;
    person.accommodationNeed = user.accommodationNeed;
    person.id = toGlobalId("ServiceUser", row.id);
    person.localId = row.id;
    person.pseudonym = row.pseudonym;
    person.enteredInError = EnteredInError.of(row);
    person.version = row.version;
    return person;
  }
}

/** The fields ServiceUser.summaryOf answers. */
export const PERSON_SUMMARY_FIELDS: FieldsServed = { id: true, localReference: true, firstName: true, lastName: true, preferredName: true };

export const ServiceUserConnection = connectionType(ServiceUser, "ServiceUser", "A page of people, with the total matching the filter.");
