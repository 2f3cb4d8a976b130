import { addDays, addYears, type AccommodationNeed, type ConsentAnswer, type IsoDate, type Sex } from "@waymark/core";
import type { ServiceUserRow } from "../../db/mappers.js";
import { ETHNICITY_WEIGHTS, NAME_POOLS, nameGroupFor } from "../people/names.js";
import { testNhsNumber } from "../people/nhsNumber.js";
import { GP_PRACTICES, mobileNumber, postcode } from "../people/places.js";
import type { Random } from "../random.js";
import type { SyntheticIds } from "./identifiers.js";

/**
 * The test range of NHS numbers holds about 900,000 valid numbers; past this many, people are generated
 * without one (as some real people are) rather than searching ever longer for a free number.
 */
const NHS_NUMBERS_AVAILABLE = 600_000;

/** Draws the identity of synthetic people. Names repeat (as they do in a large provider); references and NHS numbers do not. */
export class SyntheticPeople {
  private readonly nhsNumbers = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly ids: SyntheticIds,
  ) {}

  /** A person of `ageOnReferral` on `firstReferral`, registered then by `registeredById` into `teamId`. */
  make(sequence: number, ageOnReferral: number, firstReferral: IsoDate, registeredById: string, teamId: string, registeredAt: Date): ServiceUserRow {
    const random = this.random;
    const sex = random.weighted<Sex>([["MALE", 64], ["FEMALE", 35], ["NOT_STATED", 1]]);
    const ethnicity = random.weighted(ETHNICITY_WEIGHTS);
    const pool = NAME_POOLS[nameGroupFor(ethnicity)];
    const firstName = random.pick(sex === "FEMALE" ? pool.female : pool.male);
    const lastName = random.pick(random.chance(0.85) ? pool.family : NAME_POOLS.BRITISH.family);
    const youngPerson = ageOnReferral < 18;
    const accommodationNeed = random.weighted<AccommodationNeed>([["NO_PROBLEM", 62], ["HOUSING_PROBLEM", 22], ["URGENT_HOUSING_PROBLEM", 10], ["NOT_KNOWN", 6]]);
    const pregnant = sex === "FEMALE" && !youngPerson && random.chance(0.03);
    const childUnder5 = !youngPerson && random.chance(0.08);
    const parent = childUnder5 || (!youngPerson && random.chance(0.3));
    const consent = (): ConsentAnswer => random.weighted<ConsentAnswer>([["YES", 80], ["NO", 8], ["NOT_ASKED", 12]]);
    return {
      id: this.ids.next(),
      pseudonym: this.ids.next(),
      localReference: `SYN-${String(sequence).padStart(7, "0")}`,
      firstName,
      lastName,
      preferredName: random.chance(0.08) ? firstName.slice(0, Math.max(3, firstName.length - 2)) : null,
      dateOfBirth: addDays(addYears(firstReferral, -(ageOnReferral + 1)), random.int(1, 364)),
      sex,
      genderIdentity: sex === "NOT_STATED" ? "Non-binary" : null,
      ethnicity,
      postcode: accommodationNeed === "URGENT_HOUSING_PROBLEM" && random.chance(0.6) ? null : postcode(random),
      nhsNumber: this.nhsNumbers.size < NHS_NUMBERS_AVAILABLE && random.chance(0.88) ? testNhsNumber(random, this.nhsNumbers) : null,
      gpPractice: random.chance(0.9) ? random.pick(GP_PRACTICES) : null,
      phone: random.chance(0.85) ? mobileNumber(random) : null,
      email: random.chance(0.25) ? `${firstName}.${lastName}${random.int(1, 999)}@example.com`.toLowerCase() : null,
      consentToNationalReporting: consent(),
      consentToShareWithGp: consent(),
      parentalResponsibility: youngPerson ? false : parent,
      childrenLivingWith: childUnder5 ? random.int(1, 3) : parent ? random.int(0, 2) : youngPerson ? null : 0,
      childUnder5InHousehold: childUnder5,
      pregnant,
      expectedDeliveryDate: pregnant ? addDays(firstReferral, random.int(160, 240)) : null,
      isCarer: random.chance(0.05),
      veteran: youngPerson ? null : random.chance(0.04),
      accommodationNeed,
      registeredTeamId: teamId,
      createdAt: registeredAt,
      createdById: registeredById,
      updatedAt: registeredAt,
      version: 1,
      enteredInErrorReason: null,
      enteredInErrorById: null,
      enteredInErrorOn: null,
    };
  }
}
