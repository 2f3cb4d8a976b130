import type { IsoDate } from "@waymark/core";
import type { ServiceUserRow } from "../../db/mappers.js";
import { PersonFactory } from "../people/person.js";
import type { Random } from "../random.js";
import type { SyntheticIds } from "./identifiers.js";

/**
 * Synthetic people: the demo provider's identities (names by background, test-range NHS numbers, made-up
 * postcodes and phone numbers), with names allowed to repeat, as stored rows registered by the team's lead.
 */
export class SyntheticPeople {
  private readonly factory: PersonFactory;

  constructor(
    random: Random,
    private readonly ids: SyntheticIds,
  ) {
    this.factory = new PersonFactory(random, { uniqueNames: false });
  }

  /** A person of `ageOnReferral` on `firstReferral`, registered then by `registeredById` into `teamId`. */
  make(ageOnReferral: number, firstReferral: IsoDate, registeredById: string, teamId: string, registeredAt: Date): ServiceUserRow {
    const person = this.factory.make({ ageOnReferral, referralDate: firstReferral });
    return {
      ...person,
      preferredName: person.preferredName ?? null,
      genderIdentity: person.genderIdentity ?? null,
      postcode: person.postcode ?? null,
      nhsNumber: person.nhsNumber ?? null,
      gpPractice: person.gpPractice ?? null,
      phone: person.phone ?? null,
      email: person.email ?? null,
      parentalResponsibility: person.parentalResponsibility ?? null,
      childrenLivingWith: person.childrenLivingWith ?? null,
      expectedDeliveryDate: person.expectedDeliveryDate ?? null,
      veteran: person.veteran ?? null,
      id: this.ids.next(),
      pseudonym: this.ids.next(),
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
