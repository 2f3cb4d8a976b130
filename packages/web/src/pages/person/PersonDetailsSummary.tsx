import { ACCOMMODATION_NEEDS, CONSENT_ANSWERS, ETHNICITIES, formatNhsNumber, SEXES } from "@waymark/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { displayDate } from "../../components/formatting.js";
import { SummaryList } from "../../components/SummaryList.js";
import type { PersonRecord } from "./personRecordQuery.js";

const yesNo = (value: boolean | null): string | null => (value === null ? null : value ? "Yes" : "No");

/** Everything recorded about the person, grouped as the register form asks it, with the way to change it. */
export function PersonDetailsSummary({ person }: { person: PersonRecord }) {
  const rows = (entries: [string, ReactNode | null][]) => entries.map(([key, value]) => ({ key, value: value === "" ? null : value }));
  return (
    <section aria-labelledby="details-heading" className="person__section">
      <div className="person__section-heading">
        <h2 id="details-heading">Personal details</h2>
        <Link to={`/people/${person.id}/edit`} className="button button--secondary">
          Edit details<span className="visually-hidden"> of {person.firstName} {person.lastName}</span>
        </Link>
      </div>
      <h3>About the person</h3>
      <SummaryList
        rows={rows([
          ["Name", `${person.firstName} ${person.lastName}`],
          ["Preferred name", person.preferredName],
          ["Local reference", person.localReference],
          ["Date of birth", displayDate(person.dateOfBirth)],
          ["Sex", SEXES.labelOf(person.sex)],
          ["Gender identity", person.genderIdentity],
          ["Ethnic group", ETHNICITIES.labelOf(person.ethnicity)],
        ])}
      />
      <h3>Contact details and GP</h3>
      <SummaryList
        rows={rows([
          ["Postcode", person.postcode ?? "No fixed abode or not known"],
          ["Phone", person.phone],
          ["Email", person.email],
          ["NHS number", person.nhsNumber && formatNhsNumber(person.nhsNumber)],
          ["GP practice", person.gpPractice],
          ["Consent to national reporting", CONSENT_ANSWERS.labelOf(person.consentToNationalReporting)],
          ["Consent to share with GP", CONSENT_ANSWERS.labelOf(person.consentToShareWithGp)],
        ])}
      />
      <h3>Household and circumstances</h3>
      <SummaryList
        rows={rows([
          ["Pregnant", person.pregnant ? `Yes${person.expectedDeliveryDate ? `, expected ${displayDate(person.expectedDeliveryDate)}` : ""}` : "No"],
          ["Child under 5 in the household", yesNo(person.childUnder5InHousehold)],
          ["Children living with them", person.childrenLivingWith === null ? null : String(person.childrenLivingWith)],
          ["Parental responsibility", yesNo(person.parentalResponsibility)],
          ["Carer", yesNo(person.isCarer)],
          ["Served in the armed forces", yesNo(person.veteran)],
          ["Housing", ACCOMMODATION_NEEDS.labelOf(person.accommodationNeed)],
        ])}
      />
    </section>
  );
}
