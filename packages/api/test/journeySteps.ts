import { count } from "drizzle-orm";
import { expect } from "vitest";
import type { Tables } from "../src/db/database.js";
import { toGlobalId } from "../src/graphql/globalId.js";
import type { GraphQLClient, GraphQLResult } from "./graphqlClient.js";
import type { TestServer } from "./testServer.js";

/**
 * The front half of the journey driven through the API, as a keyworker would: register, refer, triage,
 * assess, agree a plan, review. Each step fails the test loudly when the server refuses it, so a suite's
 * setup cannot silently test less than it claims.
 */

export interface UserErrorShape {
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

/** An adult (40 on the test server's default today, 2025-06-02), inside the adult team's 25+ band. */
export const ADULT_DOB = "1985-03-27";
/** A young person (20 on 2025-06-02), inside the young people's team's 11..24 band. */
export const YOUNG_DOB = "2005-01-15";

/** A complete risk assessment (R-RISK-1) with no suicide-risk factor present, unless overridden. */
export function fullRisk(overrides: Record<string, unknown> = {}, factors: Record<string, boolean> = {}): Record<string, unknown> {
  return {
    selfHarmOrSuicide: "LOW",
    overdose: "MEDIUM",
    toOthers: "LOW",
    fromOthers: "LOW",
    domesticAbuse: false,
    toChildren: "LOW",
    suicideFactors: { bereavement: false, relationshipBreakdown: false, domesticOrSexualAbuseHistory: false, isCarer: false, ...factors },
    notes: null,
    ...overrides,
  };
}

let referenceCounter = 0;

/** A unique local reference for a test person. */
export function nextReference(prefix = "WM"): string {
  referenceCounter += 1;
  return `${prefix}-${process.pid}-${referenceCounter}`;
}

export const REGISTER = `mutation Register($input: RegisterServiceUserInput!) {
  registerServiceUser(input: $input) { serviceUser { id localReference firstName lastName version pseudonym } userErrors { code field message } }
}`;

export const RECEIVE_REFERRAL = `mutation Refer($input: ReceiveReferralInput!) {
  receiveReferral(input: $input) {
    episode { id status version referral { receivedDate source reason urgency } keyworker { name } ageBandOverride { reason approvedBy { name } } team { name } }
    userErrors { code field message }
  }
}`;

export const RECORD_TRIAGE = `mutation Triage($input: RecordTriageInput!) {
  recordTriage(input: $input) {
    assessment { id kind date risk { overdose suicideFactors { bereavement } } }
    episode { id status triageDate injectingStatus cohort problemSubstances { rank substance route ageOfFirstUse } recoveryPlans { totalCount edges { node { id kind } } } }
    userErrors { code field message }
  }
}`;

export const RECORD_ASSESSMENT = `mutation Assess($input: RecordAssessmentInput!) {
  recordAssessment(input: $input) {
    assessment { id kind date needs { domain level } recoveryCapital { items total } risk { toChildren } assessor { name } }
    userErrors { code field message }
  }
}`;

export const AGREE_PLAN = `mutation Plan($input: AgreeRecoveryPlanInput!) {
  agreeRecoveryPlan(input: $input) {
    recoveryPlan {
      id kind startDate signedOffDate reviewIntervalWeeks nextReviewDue agreedWithServiceUser
      signedOffBy { name }
      goals { id domain description targetDate status }
      personalBudget { allocatedPence spentPence lines { item costPence } }
    }
    episode { id status nextReviewDue }
    userErrors { code field message }
  }
}`;

export const COMPLETE_REVIEW = `mutation Review($input: CompleteReviewInput!) {
  completeReview(input: $input) {
    review { id dueDate completedDate onTime completedBy { name } goalProgress { goalId status note goal { description status } } risk { suicideFactors { bereavement } } }
    userErrors { code field message }
  }
}`;

/** Data of a mutation that must succeed: no GraphQL errors and no userErrors. */
export function accepted<T = Record<string, unknown>>(result: GraphQLResult<unknown>, operation: string): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const payload = (result.data as Record<string, unknown> | null)?.[operation] as (T & { userErrors?: UserErrorShape[] }) | undefined;
  expect(payload?.userErrors, JSON.stringify(payload?.userErrors)).toEqual([]);
  if (!payload) throw new Error(`${operation} returned no payload`);
  return payload;
}

/** The userErrors of a mutation that must be refused, with no GraphQL errors. */
export function refused(result: GraphQLResult<unknown>, operation: string): UserErrorShape[] {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const payload = (result.data as Record<string, unknown> | null)?.[operation] as { userErrors: UserErrorShape[] } | undefined;
  expect(payload?.userErrors.length ?? 0, `${operation} was expected to be refused`).toBeGreaterThan(0);
  return payload?.userErrors ?? [];
}

/** The code of the first GraphQL error (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT…). */
export function errorCode(result: GraphQLResult<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

/** Row counts of the tables a refused write must leave alone. */
export async function rowCounts(server: TestServer): Promise<Record<string, number>> {
  const t: Tables = server.database.tables;
  const tables = {
    serviceUsers: t.serviceUsers,
    episodes: t.episodes,
    problemSubstances: t.problemSubstances,
    assessments: t.assessments,
    recoveryPlans: t.recoveryPlans,
    planGoals: t.planGoals,
    budgetLines: t.budgetLines,
    reviews: t.reviews,
    goalProgress: t.goalProgress,
    breakGlassGrants: t.breakGlassGrants,
    auditEvents: t.auditEvents,
  };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => {
      const [row] = await server.database.read.select({ value: count() }).from(table);
      return [name, Number(row?.value ?? 0)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Registers a person and returns their global ID. */
export async function registerPerson(client: GraphQLClient, overrides: Record<string, unknown> = {}): Promise<string> {
  const input = { localReference: nextReference(), firstName: "Sam", lastName: "Taylor", dateOfBirth: ADULT_DOB, sex: "MALE", ethnicity: "WHITE_BRITISH", ...overrides };
  const payload = accepted<{ serviceUser: { id: string } }>(await client.request(REGISTER, { input }), "registerServiceUser");
  return payload.serviceUser.id;
}

/** The referral part of a receiveReferral input. */
export function referral(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { receivedDate: "2025-05-01", source: "GP", referrer: "Dr Patel, Hill Surgery", reason: "Daily heroin use, wants help", urgency: "ROUTINE", ...overrides };
}

/** Receives a referral to `teamId` (a database id) and returns the episode's global ID. */
export async function refer(client: GraphQLClient, serviceUserId: string, teamId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const input = { serviceUserId, teamId: toGlobalId("Team", teamId), referral: referral(), ...extra };
  const payload = accepted<{ episode: { id: string } | null }>(await client.request(RECEIVE_REFERRAL, { input }), "receiveReferral");
  if (!payload.episode) throw new Error("The referral was written but is not visible to the referrer");
  return payload.episode.id;
}

/** A triage input with a full risk assessment and heroin as the main substance. */
export function triageInput(episodeId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    episodeId,
    date: "2025-05-06",
    needs: [{ domain: "SUBSTANCE_USE", level: "HIGH" }],
    risk: fullRisk(),
    problemSubstances: [{ rank: 1, substance: "HEROIN", route: "SMOKE", ageOfFirstUse: 19 }],
    injectingStatus: "PREVIOUSLY",
    ...overrides,
  };
}

export async function triage(client: GraphQLClient, episodeId: string, overrides: Record<string, unknown> = {}): Promise<void> {
  accepted(await client.request(RECORD_TRIAGE, { input: triageInput(episodeId, overrides) }), "recordTriage");
}

export function comprehensiveInput(episodeId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    episodeId,
    kind: "COMPREHENSIVE",
    date: "2025-05-13",
    needs: [
      { domain: "SUBSTANCE_USE", level: "HIGH" },
      { domain: "HOUSING", level: "SOME" },
    ],
    risk: fullRisk(),
    recoveryCapital: { items: [3, 4, 2, 5, 3, 3, 4, 2, 1, 6] },
    ...overrides,
  };
}

export async function assess(client: GraphQLClient, episodeId: string, overrides: Record<string, unknown> = {}): Promise<void> {
  accepted(await client.request(RECORD_ASSESSMENT, { input: comprehensiveInput(episodeId, overrides) }), "recordAssessment");
}

/** A full plan signed off by `signerId` (a database id) on 2025-05-20. */
export function fullPlanInput(episodeId: string, signerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    episodeId,
    kind: "FULL",
    startDate: "2025-05-20",
    goals: [
      { domain: "SUBSTANCE_USE", description: "Stop using heroin", targetDate: "2025-11-01" },
      { domain: "HOUSING", description: "Move into my own flat", targetDate: null },
    ],
    agreedWithServiceUser: true,
    signedOffById: toGlobalId("StaffMember", signerId),
    signedOffDate: "2025-05-20",
    ...overrides,
  };
}

export interface SignedOffPlan {
  readonly planId: string;
  readonly goalIds: readonly string[];
}

export async function agreeFullPlan(client: GraphQLClient, episodeId: string, signerId: string, overrides: Record<string, unknown> = {}): Promise<SignedOffPlan> {
  const payload = accepted<{ recoveryPlan: { id: string; goals: { id: string }[] } }>(
    await client.request(AGREE_PLAN, { input: fullPlanInput(episodeId, signerId, overrides) }),
    "agreeRecoveryPlan",
  );
  return { planId: payload.recoveryPlan.id, goalIds: payload.recoveryPlan.goals.map((goal) => goal.id) };
}

/** Registers an adult, refers them to the adult team with a keyworker, and triages them. */
export async function triagedAdult(client: GraphQLClient, adultTeamId: string, keyworkerId: string, triageOverrides: Record<string, unknown> = {}) {
  const serviceUserId = await registerPerson(client);
  const episodeId = await refer(client, serviceUserId, adultTeamId, { keyworkerId: toGlobalId("StaffMember", keyworkerId) });
  await triage(client, episodeId, triageOverrides);
  return { serviceUserId, episodeId };
}
