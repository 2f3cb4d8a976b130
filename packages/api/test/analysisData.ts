import { randomUUID } from "node:crypto";
import type { Organisation } from "./fixtures.js";
import { fullRisk } from "./journeySteps.js";
import type { TestServer } from "./testServer.js";

/**
 * Records for the analysts' pseudonymised queries: eight people with an episode each (six women, two men;
 * one in the young people's team), their interventions, reviews, TOPs and contacts, and an episode, an
 * intervention and a contact entered in error. Every identifying value and every piece of free text is a
 * canary (CANARY…, fixed NHS numbers, postcodes' inward codes) so a test can search a raw response for them.
 */

export interface PlantedPerson {
  readonly serviceUserId: string;
  readonly episodeId: string;
}

export interface PlantedAnalysisData {
  readonly people: readonly PlantedPerson[];
  /** The episode entered in error and the records entered in error, which analysts must not see. */
  readonly enteredInError: { readonly episodeId: string; readonly interventionId: string; readonly contactId: string };
  readonly reviewId: string;
  /** Every identifying or free-text value written, to search responses for. */
  readonly canaries: readonly string[];
}

interface PersonSpec {
  readonly sex: "FEMALE" | "MALE";
  readonly dateOfBirth: string;
  readonly postcode: string | null;
  readonly status: string;
  readonly referralDate: string;
  readonly young?: boolean;
  readonly keyworker: "keyworker" | "otherKeyworker" | "youngPeopleKeyworker" | null;
  readonly substance: string;
  readonly cohort: string;
  readonly firstInterventionDate: string | null;
  readonly dischargeDate?: string;
  readonly dischargeReason?: string;
  readonly enteredInError?: boolean;
}

/** The people, in the order of `PlantedAnalysisData.people` (the last one is entered in error). */
export const PLANTED_PEOPLE: readonly PersonSpec[] = [
  { sex: "FEMALE", dateOfBirth: "1990-05-01", postcode: "LS6 2AB", status: "IN_TREATMENT", referralDate: "2025-01-06", keyworker: "keyworker", substance: "HEROIN", cohort: "OPIATE", firstInterventionDate: "2025-01-20" },
  { sex: "FEMALE", dateOfBirth: "1985-02-10", postcode: "LS6 3CD", status: "IN_TREATMENT", referralDate: "2025-01-13", keyworker: "keyworker", substance: "HEROIN", cohort: "OPIATE", firstInterventionDate: "2025-02-10" },
  {
    sex: "FEMALE",
    dateOfBirth: "1980-07-07",
    postcode: "BD1 1AA",
    status: "COMPLETED",
    referralDate: "2024-10-01",
    keyworker: "otherKeyworker",
    substance: "ALCOHOL",
    cohort: "ALCOHOL_ONLY",
    firstInterventionDate: "2024-10-15",
    dischargeDate: "2025-03-01",
    dischargeReason: "COMPLETED_ALCOHOL_FREE",
  },
  { sex: "FEMALE", dateOfBirth: "1975-01-01", postcode: "BD1 2BB", status: "REFERRED", referralDate: "2025-03-03", keyworker: null, substance: "HEROIN", cohort: "OPIATE", firstInterventionDate: null },
  { sex: "FEMALE", dateOfBirth: "1995-12-12", postcode: null, status: "IN_TREATMENT", referralDate: "2025-02-03", keyworker: "otherKeyworker", substance: "CRACK", cohort: "NON_OPIATE_ONLY", firstInterventionDate: "2025-02-17" },
  {
    sex: "FEMALE",
    dateOfBirth: "1970-06-30",
    postcode: "LS6 9ZZ",
    status: "CLOSED",
    referralDate: "2024-11-04",
    keyworker: "keyworker",
    substance: "HEROIN",
    cohort: "OPIATE",
    firstInterventionDate: "2024-11-18",
    dischargeDate: "2025-02-01",
    dischargeReason: "DROPPED_OUT",
  },
  { sex: "MALE", dateOfBirth: "2003-04-04", postcode: "LS7 1AA", status: "IN_TREATMENT", referralDate: "2025-01-20", young: true, keyworker: "youngPeopleKeyworker", substance: "CANNABIS", cohort: "NON_OPIATE_ONLY", firstInterventionDate: "2025-02-03" },
  { sex: "MALE", dateOfBirth: "1988-08-08", postcode: "LS7 2BB", status: "TRIAGED", referralDate: "2025-04-07", keyworker: "keyworker", substance: "HEROIN", cohort: "OPIATE", firstInterventionDate: null },
  { sex: "FEMALE", dateOfBirth: "1991-09-09", postcode: "LS6 4EF", status: "IN_TREATMENT", referralDate: "2025-01-27", keyworker: "keyworker", substance: "HEROIN", cohort: "OPIATE", firstInterventionDate: "2025-02-10", enteredInError: true },
];

/** A canary NHS number per person: ten digits no real record has. */
const nhsNumberOf = (index: number) => `99900000${String(index).padStart(2, "0")}`;

/** Writes the records straight into the database (the journey rules are not under test here). */
export async function plantAnalysisData(server: TestServer, organisation: Organisation): Promise<PlantedAnalysisData> {
  const { database } = server;
  const t = database.tables;
  const now = server.clock.now();
  const stamps = { createdAt: now, updatedAt: now, createdById: organisation.staff.keyworker.id };
  const kim = organisation.staff.keyworker.id;
  const canaries: string[] = [];
  const canary = (value: string) => {
    canaries.push(value);
    return value;
  };
  const people: PlantedPerson[] = [];
  const enteredInError = { episodeId: "", interventionId: randomUUID(), contactId: randomUUID() };
  const reviewIds: string[] = [];

  await database.write(async (tx) => {
    for (const [index, spec] of PLANTED_PEOPLE.entries()) {
      const serviceUserId = randomUUID();
      const episodeId = randomUUID();
      const errorStamps = spec.enteredInError ? { enteredInErrorReason: canary(`CANARY-ERROR-REASON-${index}`), enteredInErrorById: kim, enteredInErrorOn: "2025-05-01" } : {};
      const teamId = spec.young ? organisation.youngPeopleTeamId : organisation.adultTeamId;
      await tx.insert(t.serviceUsers).values({
        id: serviceUserId,
        pseudonym: canary(`CANARYPSEUDONYM${index}`),
        localReference: canary(`CANARYREF${index}`),
        firstName: canary(`Canaryfirst${index}`),
        lastName: canary(`Canarylast${index}`),
        preferredName: canary(`Canarypreferred${index}`),
        dateOfBirth: canary(spec.dateOfBirth),
        sex: spec.sex,
        genderIdentity: canary(`Canarygender${index}`),
        ethnicity: "WHITE_BRITISH",
        postcode: spec.postcode ? canary(spec.postcode) : null,
        nhsNumber: canary(nhsNumberOf(index)),
        gpPractice: canary(`Canary Surgery ${index}`),
        phone: canary(`0770090000${index}`),
        email: canary(`canary${index}@example.org`),
        consentToNationalReporting: "YES",
        consentToShareWithGp: "YES",
        childUnder5InHousehold: false,
        pregnant: false,
        isCarer: false,
        accommodationNeed: "NO_PROBLEM",
        registeredTeamId: teamId,
        ...stamps,
      });
      await tx.insert(t.episodes).values({
        id: episodeId,
        serviceUserId,
        teamId,
        keyworkerId: spec.keyworker ? organisation.staff[spec.keyworker].id : null,
        status: spec.status,
        referralDate: spec.referralDate,
        referralSource: "SELF",
        referrer: canary(`Canary Referrer ${index}`),
        referralReason: canary(`CANARY-REFERRAL-REASON-${index}`),
        referralUrgency: "ROUTINE",
        triageDate: spec.status === "REFERRED" ? null : spec.referralDate,
        injectingStatus: "NEVER",
        dischargeDate: spec.dischargeDate ?? null,
        dischargeReason: spec.dischargeReason ?? null,
        cohort: spec.cohort,
        firstInterventionDate: spec.firstInterventionDate,
        ...stamps,
        ...errorStamps,
      });
      await tx.insert(t.problemSubstances).values({ episodeId, rank: 1, substance: spec.substance, ageOfFirstUse: 17, route: "SMOKE" });
      await tx.insert(t.assessments).values({
        id: randomUUID(),
        episodeId,
        kind: "TRIAGE",
        date: spec.referralDate,
        assessorId: kim,
        needs: { SUBSTANCE_USE: "HIGH" },
        risk: { ...fullRisk(), narrative: canary(`CANARY-RISK-NARRATIVE-${index}`) },
        ...stamps,
      });
      if (spec.firstInterventionDate) {
        await tx.insert(t.interventions).values({
          id: randomUUID(),
          episodeId,
          catalogueItemCode: "MOTIVATIONAL_INTERVENTIONS",
          subTypes: [],
          startDate: spec.firstInterventionDate,
          endDate: spec.dischargeDate ?? null,
          plannedSessions: index + 1,
          setting: "COMMUNITY",
          deliveredById: kim,
          notes: canary(`CANARY-INTERVENTION-NOTE-${index}`),
          firstContactActions: [],
          contactSchedule: [],
          ...stamps,
          ...errorStamps,
        });
      }
      if (spec.enteredInError) enteredInError.episodeId = episodeId;
      people.push({ serviceUserId, episodeId });
    }

    const [first, second, , , fifth, , seventh] = people as [PlantedPerson, PlantedPerson, PlantedPerson, PlantedPerson, PlantedPerson, PlantedPerson, PlantedPerson];
    // The first episode also has OST in GP shared care, and an intervention entered in error.
    await tx.insert(t.interventions).values([
      { id: randomUUID(), episodeId: first.episodeId, catalogueItemCode: "OST_METHADONE", subTypes: [], startDate: "2025-02-01", plannedSessions: null, setting: "PRIMARY_CARE", firstContactActions: [], contactSchedule: [], ...stamps },
      {
        id: enteredInError.interventionId,
        episodeId: second.episodeId,
        catalogueItemCode: "OST_METHADONE",
        subTypes: [],
        startDate: "2025-02-12",
        setting: "INPATIENT",
        notes: canary("CANARY-INTERVENTION-NOTE-ERROR"),
        firstContactActions: [],
        contactSchedule: [],
        ...stamps,
        enteredInErrorReason: canary("CANARY-ERROR-REASON-INTERVENTION"),
        enteredInErrorById: kim,
        enteredInErrorOn: "2025-05-01",
      },
    ]);

    // Reviews of the first two episodes: one on time (2 days early), one 9 days late.
    for (const [person, dueDate, completedDate] of [[first, "2025-04-20", "2025-04-18"], [second, "2025-05-01", "2025-05-10"]] as const) {
      const planId = randomUUID();
      const goalId = randomUUID();
      const reviewId = randomUUID();
      await tx.insert(t.recoveryPlans).values({ id: planId, episodeId: person.episodeId, kind: "FULL", startDate: "2025-01-27", agreedWithServiceUser: true, signedOffById: kim, signedOffDate: "2025-01-27", reviewIntervalWeeks: 12, ...stamps });
      await tx.insert(t.planGoals).values({ id: goalId, planId, position: 0, domain: "SUBSTANCE_USE", description: canary(`CANARY-GOAL-${reviewIds.length}`), targetDate: null, status: "OPEN" });
      await tx.insert(t.reviews).values({ id: reviewId, planId, episodeId: person.episodeId, dueDate, completedDate, completedById: kim, risk: { ...fullRisk(), narrative: canary(`CANARY-REVIEW-RISK-${reviewIds.length}`) }, ...stamps });
      await tx.insert(t.goalProgress).values({ reviewId, goalId, status: "OPEN", note: canary(`CANARY-PROGRESS-NOTE-${reviewIds.length}`) });
      reviewIds.push(reviewId);
    }

    await tx.insert(t.outcomeRecords).values([
      { id: randomUUID(), episodeId: first.episodeId, stage: "START", date: "2025-01-20", opiatesDays: 20, opiatesAmount: canary("CANARY-AMOUNT-START"), psychologicalHealth: 8, sharedNeedles: false, ...stamps },
      { id: randomUUID(), episodeId: first.episodeId, stage: "REVIEW", date: "2025-04-20", opiatesDays: 5, psychologicalHealth: 14, sharedNeedles: false, ...stamps },
      { id: randomUUID(), episodeId: second.episodeId, stage: "START", date: "2025-02-10", opiatesDays: 28, psychologicalHealth: 6, sharedNeedles: true, ...stamps },
    ]);

    const contact = (episodeId: string, date: string, outcome: string) => ({
      id: randomUUID(),
      episodeId,
      date,
      time: "10:30",
      kind: "APPOINTMENT",
      outcome,
      staffId: kim,
      notes: canary(`CANARY-CONTACT-NOTE-${date}-${outcome}`),
      ...stamps,
    });
    await tx.insert(t.contacts).values([
      contact(first.episodeId, "2025-02-03", "ATTENDED"),
      contact(first.episodeId, "2025-02-10", "DID_NOT_ATTEND"),
      contact(first.episodeId, "2025-02-17", "ATTENDED"),
      contact(fifth.episodeId, "2025-02-20", "ATTENDED"),
      contact(fifth.episodeId, "2025-02-27", "DID_NOT_ATTEND"),
      contact(seventh.episodeId, "2025-02-05", "ATTENDED"),
      {
        ...contact(first.episodeId, "2025-02-24", "ATTENDED"),
        id: enteredInError.contactId,
        enteredInErrorReason: canary("CANARY-ERROR-REASON-CONTACT"),
        enteredInErrorById: kim,
        enteredInErrorOn: "2025-05-01",
      },
    ]);
  });

  return { people, enteredInError, reviewId: reviewIds[0]!, canaries };
}
