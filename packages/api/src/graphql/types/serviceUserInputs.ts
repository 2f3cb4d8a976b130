import type { AccommodationNeed, ConsentAnswer, Ethnicity, IsoDate, Sex } from "@waymark/core";
import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { AccommodationNeedEnum, ConsentEnum, EthnicityEnum, SexEnum } from "../enums.js";
import { DateFilter, IdFilter, OrderDirection, StringFilter } from "../filters.js";
import { DateScalar } from "../scalars.js";

/**
 * Inputs for registering, updating and finding people. Field names are core's ServiceUser field names, so
 * the `field` of a userError (`nhsNumber`, `dateOfBirth`) names the input field.
 */

@InputType({ description: "A new person to register. Names, date of birth, sex and ethnicity are required; everything else may be added later." })
export class RegisterServiceUserInput {
  @Field(() => String, { description: "The service's own reference for the person; must be unique within the provider." })
  localReference!: string;

  @Field(() => String, { description: "First name." })
  firstName!: string;

  @Field(() => String, { description: "Last name." })
  lastName!: string;

  @Field(() => String, { nullable: true, description: "The name the person likes to be called." })
  preferredName?: string | null;

  @Field(() => DateScalar, { description: "Date of birth." })
  dateOfBirth!: IsoDate;

  @Field(() => SexEnum, { description: "Sex." })
  sex!: Sex;

  @Field(() => String, { nullable: true, description: "Gender identity in the person's own words." })
  genderIdentity?: string | null;

  @Field(() => EthnicityEnum, { description: "Ethnic group; NOT_STATED when the person chose not to say." })
  ethnicity!: Ethnicity;

  @Field(() => String, { nullable: true, description: "Full UK postcode; leave out for no fixed abode or not known." })
  postcode?: string | null;

  @Field(() => String, { nullable: true, description: "NHS number: ten digits with a valid check digit; spaces are allowed." })
  nhsNumber?: string | null;

  @Field(() => String, { nullable: true, description: "GP practice." })
  gpPractice?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "Email address." })
  email?: string | null;

  @Field(() => ConsentEnum, { defaultValue: "NOT_ASKED", description: "Consent to national reporting." })
  consentToNationalReporting!: ConsentAnswer;

  @Field(() => ConsentEnum, { defaultValue: "NOT_ASKED", description: "Consent to share information with the GP." })
  consentToShareWithGp!: ConsentAnswer;

  @Field(() => Boolean, { nullable: true, description: "Has parental responsibility for a child." })
  parentalResponsibility?: boolean | null;

  @Field(() => Int, { nullable: true, description: "Number of children living with the person (0 to 20)." })
  childrenLivingWith?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: "A child under 5 lives in the household (raises the safeguarding flag)." })
  childUnder5InHousehold!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "Pregnant (raises the safeguarding flag)." })
  pregnant!: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Expected date of delivery; only when pregnant." })
  expectedDeliveryDate?: IsoDate | null;

  @Field(() => Boolean, { defaultValue: false, description: "Is a carer for someone." })
  isCarer!: boolean;

  @Field(() => Boolean, { nullable: true, description: "Has served in the armed forces." })
  veteran?: boolean | null;

  @Field(() => AccommodationNeedEnum, { defaultValue: "NOT_KNOWN", description: "Housing situation." })
  accommodationNeed!: AccommodationNeed;

  @Field(() => ID, { nullable: true, description: "The team registering the person: one of yours. Needed only when you belong to several teams." })
  teamId?: string | null;
}

@InputType({ description: "Changes to a person's details. Only the fields given are changed; give null to clear an optional one." })
export class UpdateServiceUserInput {
  @Field(() => ID, { description: "Global ID of the person." })
  id!: string;

  @Field(() => Int, { description: "The version you last read; a change made since by someone else refuses this one (STALE_VERSION)." })
  version!: number;

  @Field(() => String, { nullable: true, description: "The service's own reference; must stay unique." })
  localReference?: string | null;

  @Field(() => String, { nullable: true, description: "First name." })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: "Last name." })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: "The name the person likes to be called." })
  preferredName?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date of birth." })
  dateOfBirth?: IsoDate | null;

  @Field(() => SexEnum, { nullable: true, description: "Sex." })
  sex?: Sex | null;

  @Field(() => String, { nullable: true, description: "Gender identity in the person's own words." })
  genderIdentity?: string | null;

  @Field(() => EthnicityEnum, { nullable: true, description: "Ethnic group." })
  ethnicity?: Ethnicity | null;

  @Field(() => String, { nullable: true, description: "Full UK postcode; null for no fixed abode or not known." })
  postcode?: string | null;

  @Field(() => String, { nullable: true, description: "NHS number." })
  nhsNumber?: string | null;

  @Field(() => String, { nullable: true, description: "GP practice." })
  gpPractice?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "Email address." })
  email?: string | null;

  @Field(() => ConsentEnum, { nullable: true, description: "Consent to national reporting." })
  consentToNationalReporting?: ConsentAnswer | null;

  @Field(() => ConsentEnum, { nullable: true, description: "Consent to share information with the GP." })
  consentToShareWithGp?: ConsentAnswer | null;

  @Field(() => Boolean, { nullable: true, description: "Has parental responsibility for a child." })
  parentalResponsibility?: boolean | null;

  @Field(() => Int, { nullable: true, description: "Number of children living with the person." })
  childrenLivingWith?: number | null;

  @Field(() => Boolean, { nullable: true, description: "A child under 5 lives in the household." })
  childUnder5InHousehold?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Pregnant." })
  pregnant?: boolean | null;

  @Field(() => DateScalar, { nullable: true, description: "Expected date of delivery." })
  expectedDeliveryDate?: IsoDate | null;

  @Field(() => Boolean, { nullable: true, description: "Is a carer for someone." })
  isCarer?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Has served in the armed forces." })
  veteran?: boolean | null;

  @Field(() => AccommodationNeedEnum, { nullable: true, description: "Housing situation." })
  accommodationNeed?: AccommodationNeed | null;
}

@InputType({ description: "Which people to list. All conditions given must hold; `and` and `or` combine further filters." })
export class ServiceUserFilter {
  @Field(() => StringFilter, { nullable: true, description: "Matches the first name, last name, \"first last\" or preferred name (contains ignores case)." })
  name?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true, description: "The service's reference for the person." })
  localReference?: StringFilter | null;

  @Field(() => DateFilter, { nullable: true, description: "Date of birth." })
  dateOfBirth?: DateFilter | null;

  @Field(() => Boolean, { nullable: true, description: "true: only people with an open episode that you can see; false: only people without one." })
  hasOpenEpisode?: boolean | null;

  @Field(() => IdFilter, { nullable: true, description: "People with an episode in this team (any status), or registered by it and not yet referred." })
  teamId?: IdFilter | null;

  @Field(() => [ServiceUserFilter], { nullable: true, description: "Every one of these filters holds." })
  and?: ServiceUserFilter[] | null;

  @Field(() => [ServiceUserFilter], { nullable: true, description: "At least one of these filters holds." })
  or?: ServiceUserFilter[] | null;
}

export enum ServiceUserOrderField {
  LAST_NAME = "LAST_NAME",
  FIRST_NAME = "FIRST_NAME",
  LOCAL_REFERENCE = "LOCAL_REFERENCE",
  DATE_OF_BIRTH = "DATE_OF_BIRTH",
}

registerEnumType(ServiceUserOrderField, {
  name: "ServiceUserOrderField",
  description: "What a list of people can be sorted by.",
  valuesConfig: {
    LAST_NAME: { description: "Last name." },
    FIRST_NAME: { description: "First name." },
    LOCAL_REFERENCE: { description: "The service's reference." },
    DATE_OF_BIRTH: { description: "Date of birth." },
  },
});

@InputType({ description: "One sort key of a list of people. Ties fall to the next key, and finally to the record's ID." })
export class ServiceUserOrder {
  @Field(() => ServiceUserOrderField, { description: "What to sort by." })
  field!: ServiceUserOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Ascending (default) or descending." })
  direction!: OrderDirection;
}
