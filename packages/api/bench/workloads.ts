/**
 * The five benchmarked requests (issue #6 point 2), each as Waymark answers it (a GraphQL document and its
 * variables, as the web screens send them) and as the raw-SQL server answers it (a path and a JSON body).
 * Both sides get the same inputs: the subjects the orchestrator picked from the database.
 *
 * The GraphQL documents are copies of the web app's own (packages/web/src/pages/...): keep them in step when
 * a screen's query changes, so the benchmark measures what a browser really asks for.
 */
import { toGlobalId } from "../src/graphql/globalId.js";

export type Role = "keyworker" | "teamLead" | "analyst";

/** The records the requests are about, chosen from the benchmark database (see subjects.ts). */
export interface Subjects {
  readonly today: string;
  readonly keyworker: { readonly id: string; readonly email: string; readonly openEpisodes: number };
  readonly teamLead: { readonly id: string; readonly email: string };
  readonly analyst: { readonly id: string; readonly email: string };
  readonly team: { readonly id: string; readonly name: string };
  /** The person with the longest record, and the episode of theirs with the most contacts. */
  readonly person: { readonly id: string; readonly episodeId: string; readonly contacts: number };
  /** The keyworker's open episodes, which the write rotates over. */
  readonly writeEpisodeIds: readonly string[];
  readonly period: { readonly from: string; readonly to: string };
  readonly scheduleTo: string;
}

export interface GraphqlRequest {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

export interface RawRequest {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

export interface Workload {
  readonly key: string;
  readonly title: string;
  /** Who sends it to Waymark. */
  readonly role: Role;
  readonly write: boolean;
  /** The n-th request of a run (writes rotate over episodes; reads are all the same). */
  readonly graphql: (subjects: Subjects, n: number) => GraphqlRequest;
  readonly raw: (subjects: Subjects, n: number) => RawRequest;
  /**
   * The same document sent to the raw-SQL server's graphql-js endpoint (plainGraphql.ts), the floor of any
   * GraphQL server over the same statement; only the caseload has one.
   */
  readonly plainGraphql?: (subjects: Subjects, n: number) => { readonly path: string; readonly headers: Record<string, string>; readonly body: GraphqlRequest };
}

/** packages/web/src/pages/caseload/caseloadQuery.ts: CASELOAD_QUERY. */
export const CASELOAD_DOCUMENT = `
  query Caseload($scope: CaseloadScope!, $first: Int!, $after: String, $orderBy: [CaseloadOrder!], $filter: CaseloadFilter, $search: String) {
    caseload(scope: $scope, first: $first, after: $after, orderBy: $orderBy, filter: $filter, search: $search) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id status nextReviewDue reviewStatus daysSinceLastAttendedContact lastAttendedContactDate
          flags
          flagDetails { flag label }
          serviceUser { id firstName lastName preferredName localReference }
          keyworker { id name }
          team { id name }
          episode { id referral { receivedDate } }
        }
      }
    }
  }`;

/** packages/web/src/pages/reviews/reviewScheduleQuery.ts: REVIEW_SCHEDULE. */
export const REVIEW_SCHEDULE_DOCUMENT = `
  query ReviewSchedule($scope: CaseloadScope!, $teamId: ID, $keyworkerId: ID, $to: Date, $first: Int, $after: String) {
    reviewSchedule(scope: $scope, teamId: $teamId, keyworkerId: $keyworkerId, to: $to) {
      asOf from to overdue due upcoming
      weeks { weekStarting count }
      byKeyworker { keyworker { id name } team { id name } overdue due upcoming }
      entries(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id dueDate status
            episode { id }
            serviceUser { id firstName lastName preferredName localReference }
            keyworker { id name }
            team { id name }
          }
        }
      }
    }
  }`;

const RISK_FIELDS = "selfHarmOrSuicide overdose toOthers fromOthers domesticAbuse toChildren notes suicideFactors { bereavement relationshipBreakdown domesticOrSexualAbuseHistory isCarer }";
const PERSON_DETAIL_FIELDS = `localReference firstName lastName preferredName dateOfBirth sex genderIdentity ethnicity postcode phone email nhsNumber
  gpPractice consentToNationalReporting consentToShareWithGp pregnant expectedDeliveryDate childUnder5InHousehold childrenLivingWith
  parentalResponsibility isCarer veteran accommodationNeed`;
const list = (name: string, first: number, fields: string) => `${name}(first: ${first}) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${fields} } } }`;

/**
 * The person-record screen in one request: PersonRecordPage's PERSON_RECORD_QUERY (person/personRecordQuery.ts)
 * and CurrentEpisode's EPISODE_RECORD_QUERY (person/episodeRecordQuery.ts, with its LIST_PAGE_SIZE pages).
 * The screen sends them as two requests; one document with both root fields measures the same work.
 */
export const PERSON_RECORD_DOCUMENT = `
  query PersonRecord($id: ID!, $episodeId: ID!) {
    serviceUser(id: $id) {
      id version
      ${PERSON_DETAIL_FIELDS}
      enteredInError { reason }
      flags { suicideRisk { flagged } safeguarding { flagged homeVisitDue } }
      episodes {
        id status
        referral { receivedDate source }
        team { id name }
        keyworker { id name }
        dischargeDate dischargeReason
        enteredInError { reason }
      }
    }
    episode(id: $episodeId) {
      id status version cohort triageDate firstInterventionDate dischargeDate dischargeReason injectingStatus nextReviewDue
      referral { receivedDate source referrer reason urgency }
      ageBandOverride { reason approvedBy { name } }
      team { id name }
      keyworker { id name }
      problemSubstances { rank substance route ageOfFirstUse }
      suicideRisk { flagged factors assessedOn }
      safeguarding { flagged reasons homeVisitDue homeVisitRecorded }
      ${list("assessments", 20, `id kind date assessor { name } needs { domain level } risk { ${RISK_FIELDS} } recoveryCapital { total }`)}
      ${list("recoveryPlans", 20, "id kind startDate signedOffDate signedOffBy { name } agreedWithServiceUser nextReviewDue reviewIntervalWeeks goals { id domain description status targetDate } personalBudget { allocatedPence spentPence }")}
      ${list("reviews", 30, `id dueDate completedDate onTime completedBy { name } goalProgress { goalId status note goal { description } } risk { ${RISK_FIELDS} }`)}
      ${list("interventions", 40, "id catalogueItem { label modality subTypes { code label } } subTypes startDate endDate plannedEndDate plannedSessions setting deliveredBy { name } notes")}
      ${list("outcomes", 30, "id stage date health { psychologicalHealth physicalHealth qualityOfLife }")}
      ${list("contacts", 100, "id date time kind outcome staff { name } notes")}
      ${list("harmReduction", 30, "id date naloxoneIssuedTo naloxoneTrainingGiven hepatitisBVaccination hepatitisCTest hivTest")}
    }
  }`;

const RATIO = "numerator numeratorShown denominator denominatorShown value valueShown";
const ABOUT = "id title definition numeratorDefinition denominatorDefinition target { value unit text }";

/** packages/web/src/pages/indicators/kpisQuery.ts: KPIS. */
export const KPIS_DOCUMENT = `
  fragment IndicatorGroup on KpiGroup { key label ${RATIO} }
  fragment IndicatorCount on KpiCount { key label count countShown }
  query Indicators($period: KpiPeriodInput!, $breakdown: KpiBreakdown, $filter: KpiFilterInput) {
    kpis(period: $period, breakdown: $breakdown, filter: $filter) {
      period { from to }
      asOf breakdown suppressed teamIds
      numbersInTreatment { ${ABOUT} count countShown people peopleShown byCohort { ...IndicatorCount } groups { ...IndicatorCount } }
      waitingTime { ${ABOUT} ${RATIO} medianWaitDays groups { key label ${RATIO} medianWaitDays } }
      reviewsOnTime { ${ABOUT} ${RATIO} byStatus { ...IndicatorCount } groups { ...IndicatorGroup } }
      topCompliance { ${ABOUT} ${RATIO} byStage { ...IndicatorGroup } groups { ...IndicatorGroup } }
      successfulCompletions { ${ABOUT} ${RATIO} byCohort { ...IndicatorGroup } groups { ...IndicatorGroup } }
      representations { ${ABOUT} ${RATIO} windowStillOpen windowStillOpenShown groups { ...IndicatorGroup } }
      exits { ${ABOUT} ${RATIO} byReason { ...IndicatorCount } byCategory { ...IndicatorCount } groups { ...IndicatorGroup } }
      longTermOst { ${ABOUT} ${RATIO} asOf atLeastSixYears { label ${RATIO} } groups { key label ${RATIO} atLeastSixYears atLeastSixYearsShown } }
      sharedCare { ${ABOUT} ${RATIO} groups { ...IndicatorGroup } }
      didNotAttend { ${ABOUT} ${RATIO} groups { ...IndicatorGroup } }
      caseloadSize {
        ${ABOUT}
        asOf openEpisodes openEpisodesShown unallocated unallocatedShown keyworkers meanCaseload
        caseloads { keyworkerId label openEpisodes openEpisodesShown }
        groups { key label ${RATIO} }
      }
      outcomes { ${ABOUT} ${RATIO} pairs pairsShown scoreChanges { key label count countShown meanChange } groups { key label ${RATIO} } }
      roscCoverage { ${ABOUT} ${RATIO} byItem { ...IndicatorGroup } groups { ...IndicatorGroup } }
      harmReduction { ${ABOUT} denominator denominatorShown measures { key label ${RATIO} groups { ...IndicatorGroup } } }
    }
  }`;

/** packages/web/src/pages/contacts/ContactForm.tsx: RECORD_CONTACT. */
export const RECORD_CONTACT_DOCUMENT = `
  mutation RecordContact($input: RecordContactInput!) {
    recordContact(input: $input) {
      contact { id }
      userErrors { code field message }
    }
  }`;

/** A contact the write records: an attended phone call today, the commonest contact a keyworker logs. */
const writtenContact = (subjects: Subjects, n: number) => ({
  episodeId: subjects.writeEpisodeIds[n % subjects.writeEpisodeIds.length] as string,
  date: subjects.today,
  time: "10:30",
  kind: "PHONE",
  outcome: "ATTENDED",
});

/** The caseload screen's first page: the keyworker's own, next review due first. */
const caseloadRequest: GraphqlRequest = {
  query: CASELOAD_DOCUMENT,
  variables: { scope: "MINE", first: 50, after: null, orderBy: [{ field: "NEXT_REVIEW_DUE", direction: "ASC" }], filter: null, search: null },
};

export const WORKLOADS: readonly Workload[] = [
  {
    key: "caseload",
    title: "a. Keyworker's caseload page (50 rows)",
    role: "keyworker",
    write: false,
    graphql: () => caseloadRequest,
    raw: (s) => ({ path: "/caseload", body: { staffId: s.keyworker.id, first: 50 } }),
    plainGraphql: (s) => ({ path: "/graphql", headers: { "x-staff-id": s.keyworker.id }, body: caseloadRequest }),
  },
  {
    key: "reviewSchedule",
    title: "b. Team's review schedule, 4 weeks",
    role: "teamLead",
    write: false,
    graphql: (s) => ({
      query: REVIEW_SCHEDULE_DOCUMENT,
      variables: { scope: "TEAM", teamId: toGlobalId("Team", s.team.id), keyworkerId: null, to: s.scheduleTo, first: 100, after: null },
    }),
    raw: (s) => ({ path: "/review-schedule", body: { teamId: s.team.id, from: s.today, to: s.scheduleTo, first: 100 } }),
  },
  {
    key: "personRecord",
    title: "c. One person's full record",
    role: "teamLead",
    write: false,
    graphql: (s) => ({
      query: PERSON_RECORD_DOCUMENT,
      variables: { id: toGlobalId("ServiceUser", s.person.id), episodeId: toGlobalId("Episode", s.person.episodeId) },
    }),
    raw: (s) => ({ path: "/person-record", body: { personId: s.person.id, episodeId: s.person.episodeId } }),
  },
  {
    key: "kpis",
    title: "d. K-1..K-14 summary, 12 months",
    role: "analyst",
    write: false,
    graphql: (s) => ({ query: KPIS_DOCUMENT, variables: { period: s.period, breakdown: null, filter: null } }),
    raw: (s) => ({ path: "/kpis", body: s.period }),
  },
  {
    key: "recordContact",
    title: "e. Write: recordContact",
    role: "keyworker",
    write: true,
    graphql: (s, n) => {
      const contact = writtenContact(s, n);
      return { query: RECORD_CONTACT_DOCUMENT, variables: { input: { ...contact, episodeId: toGlobalId("Episode", contact.episodeId) } } };
    },
    raw: (s, n) => ({ path: "/contact", body: { ...writtenContact(s, n), staffId: s.keyworker.id } }),
  },
];
