import { addDays, addYears, type AccommodationNeed, type ConsentAnswer, type IsoDate, type Sex } from "@waymark/core";
import type { Random } from "../random.js";
import type { DemoPerson } from "../stories/story.js";
import { ETHNICITY_WEIGHTS, NAME_POOLS, nameGroupFor } from "./names.js";
import { testNhsNumber } from "./nhsNumber.js";
import { GP_PRACTICES, mobileNumber, postcode } from "./places.js";

/** The circumstances a story needs a person to have; everything else is drawn at random. */
export interface PersonNeeds {
  readonly ageOnReferral: number;
  readonly referralDate: IsoDate;
  readonly sex?: Sex;
  readonly pregnant?: boolean;
  readonly childUnder5?: boolean;
  readonly carer?: boolean;
  readonly accommodationNeed?: AccommodationNeed;
}

/**
 * The test range of NHS numbers holds about 900,000 valid numbers; past this many, people are drawn without
 * one (as some real people are) rather than searching ever longer for a free number.
 */
const NHS_NUMBERS_AVAILABLE = 600_000;

export interface PersonFactoryOptions {
  /**
   * Whether every person gets a name no one else has: true for the small demo, where two people of the same
   * name would confuse a visitor; false for a large synthetic provider, where names repeat as they do in life
   * (and the name pools could not give everyone their own).
   */
  readonly uniqueNames: boolean;
}

/** Draws the identity of people, keeping references and NHS numbers unique across the provider. */
export class PersonFactory {
  private sequence = 0;
  private readonly nhsNumbers = new Set<string>();
  private readonly names = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly options: PersonFactoryOptions = { uniqueNames: true },
  ) {}

  make(needs: PersonNeeds): DemoPerson {
    const random = this.random;
    this.sequence += 1;
    const sex: Sex = needs.sex ?? (needs.pregnant ? "FEMALE" : random.weighted<Sex>([["MALE", 64], ["FEMALE", 35], ["NOT_STATED", 1]]));
    const ethnicity = random.weighted(ETHNICITY_WEIGHTS);
    const pool = NAME_POOLS[nameGroupFor(ethnicity)];
    const { firstName, lastName } = this.uniqueName(pool, sex);
    // Born between (age + 1) years and age years before the referral, so they are exactly that age on it.
    const dateOfBirth = addDays(addYears(needs.referralDate, -(needs.ageOnReferral + 1)), random.int(1, 364));
    const youngPerson = needs.ageOnReferral < 18;
    const accommodationNeed =
      needs.accommodationNeed ?? random.weighted<AccommodationNeed>([["NO_PROBLEM", 62], ["HOUSING_PROBLEM", 22], ["URGENT_HOUSING_PROBLEM", 10], ["NOT_KNOWN", 6]]);
    const childUnder5 = needs.childUnder5 ?? false;
    const pregnant = needs.pregnant ?? false;
    const parent = childUnder5 || (!youngPerson && random.chance(0.35));
    const consent = (): ConsentAnswer => random.weighted<ConsentAnswer>([["YES", 80], ["NO", 8], ["NOT_ASKED", 12]]);
    return {
      localReference: `SRS-${String(this.sequence).padStart(5, "0")}`,
      firstName,
      lastName,
      preferredName: random.chance(0.12) ? firstName.slice(0, Math.max(3, firstName.length - 2)) : null,
      dateOfBirth,
      sex,
      genderIdentity: sex === "NOT_STATED" ? "Non-binary" : null,
      ethnicity,
      // People of no fixed abode have no postcode to record.
      postcode: accommodationNeed === "URGENT_HOUSING_PROBLEM" && random.chance(0.6) ? null : postcode(random),
      nhsNumber: this.nhsNumbers.size < NHS_NUMBERS_AVAILABLE && random.chance(0.88) ? testNhsNumber(random, this.nhsNumbers) : null,
      gpPractice: random.chance(0.9) ? random.pick(GP_PRACTICES) : null,
      phone: random.chance(0.85) ? mobileNumber(random) : null,
      email: random.chance(0.3) ? `${firstName}.${lastName}${random.int(1, 99)}@example.com`.toLowerCase() : null,
      consentToNationalReporting: consent(),
      consentToShareWithGp: consent(),
      parentalResponsibility: youngPerson ? false : parent,
      childrenLivingWith: childUnder5 ? random.int(1, 3) : parent ? random.int(0, 2) : youngPerson ? null : 0,
      childUnder5InHousehold: childUnder5,
      pregnant,
      expectedDeliveryDate: pregnant ? addDays(needs.referralDate, random.int(160, 240)) : null,
      isCarer: needs.carer ?? random.chance(0.05),
      veteran: youngPerson ? null : random.chance(0.04),
      accommodationNeed,
    };
  }

  private uniqueName(pool: { female: readonly string[]; male: readonly string[]; family: readonly string[] }, sex: Sex): { firstName: string; lastName: string } {
    for (;;) {
      const firstName = this.random.pick(sex === "FEMALE" ? pool.female : sex === "MALE" ? pool.male : [...pool.female, ...pool.male]);
      const lastName = this.random.pick(this.random.chance(0.85) ? pool.family : NAME_POOLS.BRITISH.family);
      const key = `${firstName} ${lastName}`;
      if (!this.options.uniqueNames) return { firstName, lastName };
      if (this.names.has(key)) continue;
      this.names.add(key);
      return { firstName, lastName };
    }
  }
}
