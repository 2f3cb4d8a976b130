import { count, eq } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { expect } from "vitest";
import type { Tables } from "../src/db/database.js";
import type { GraphQLClient } from "./graphqlClient.js";
import type { TestServer } from "./testServer.js";

/** The GraphQL operations of interventions, TOPs, contacts, harm reduction, discharge and entered-in-error, as the web app sends them. */
export interface UserErrorShape {
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

const USER_ERRORS = "userErrors { code field message }";

export const INTERVENTION_FIELDS = `id catalogueItemCode subTypes startDate endDate plannedEndDate plannedSessions setting notes
  interestExpressedDate firstContactActions contactSchedule version catalogueItem { code label retired } deliveredBy { name }
  enteredInError { reason markedOn }`;

export interface InterventionShape {
  readonly id: string;
  readonly catalogueItemCode: string;
  readonly subTypes: string[];
  readonly startDate: string;
  readonly endDate: string | null;
  readonly contactSchedule: string[];
  readonly version: number;
  readonly catalogueItem: { code: string; label: string; retired: boolean };
  readonly deliveredBy: { name: string } | null;
  readonly enteredInError: { reason: string; markedOn: string } | null;
}

export interface EpisodeShape {
  readonly id: string;
  readonly status: string;
  readonly firstInterventionDate: string | null;
  readonly dischargeDate: string | null;
  readonly dischargeReason: string | null;
  readonly version: number;
}

const EPISODE_FIELDS = "id status firstInterventionDate dischargeDate dischargeReason version";

export const RECORD_INTERVENTION = `mutation RecordIntervention($input: RecordInterventionInput!) {
  recordIntervention(input: $input) { intervention { ${INTERVENTION_FIELDS} } episode { ${EPISODE_FIELDS} } ${USER_ERRORS} }
}`;

export const END_INTERVENTION = `mutation EndIntervention($input: EndInterventionInput!) {
  endIntervention(input: $input) { intervention { ${INTERVENTION_FIELDS} } ${USER_ERRORS} }
}`;

export interface RecordInterventionPayload {
  readonly intervention: InterventionShape | null;
  readonly episode: EpisodeShape | null;
  readonly userErrors: UserErrorShape[];
}

/** Records an intervention with the given fields over a COMMUNITY setting; returns the payload, failing on a GraphQL error. */
export async function recordIntervention(client: GraphQLClient, input: Record<string, unknown>): Promise<RecordInterventionPayload> {
  const result = await client.request<{ recordIntervention: RecordInterventionPayload }>(RECORD_INTERVENTION, { input: { setting: "COMMUNITY", ...input } });
  expect(result.errors).toBeUndefined();
  return result.data!.recordIntervention;
}

/** The codes of a payload's user errors, in order. */
export const codesOf = (userErrors: readonly UserErrorShape[]): string[] => userErrors.map((error) => error.code);

export const DISCHARGE_EPISODE = `mutation DischargeEpisode($input: DischargeEpisodeInput!) {
  dischargeEpisode(input: $input) {
    episode { ${EPISODE_FIELDS} }
    closedInterventions { id catalogueItemCode endDate }
    postTreatmentPhaseOpens exitTopMissing exitTopDeadline exitTopWarning
    ${USER_ERRORS}
  }
}`;

export interface DischargePayload {
  readonly episode: EpisodeShape | null;
  readonly closedInterventions: { id: string; catalogueItemCode: string; endDate: string }[];
  readonly postTreatmentPhaseOpens: boolean;
  readonly exitTopMissing: boolean;
  readonly exitTopDeadline: string | null;
  readonly exitTopWarning: string | null;
  readonly userErrors: UserErrorShape[];
}

export async function dischargeEpisode(client: GraphQLClient, input: Record<string, unknown>): Promise<DischargePayload> {
  const result = await client.request<{ dischargeEpisode: DischargePayload }>(DISCHARGE_EPISODE, { input });
  expect(result.errors).toBeUndefined();
  return result.data!.dischargeEpisode;
}

export const RECORD_CONTACT = `mutation RecordContact($input: RecordContactInput!) {
  recordContact(input: $input) { contact { id date time kind outcome notes staff { name } } episode { ${EPISODE_FIELDS} } ${USER_ERRORS} }
}`;

export interface RecordContactPayload {
  readonly contact: { id: string; date: string; time: string | null; kind: string; outcome: string; staff: { name: string } | null } | null;
  readonly userErrors: UserErrorShape[];
}

export async function recordContact(client: GraphQLClient, input: Record<string, unknown>): Promise<RecordContactPayload> {
  const result = await client.request<{ recordContact: RecordContactPayload }>(RECORD_CONTACT, { input: { kind: "APPOINTMENT", outcome: "ATTENDED", ...input } });
  expect(result.errors).toBeUndefined();
  return result.data!.recordContact;
}

export const MARK_ENTERED_IN_ERROR = `mutation MarkEnteredInError($input: MarkEnteredInErrorInput!) {
  markEnteredInError(input: $input) {
    record { id ... on Intervention { enteredInError { reason markedOn } } ... on Contact { enteredInError { reason } } }
    episode { ${EPISODE_FIELDS} }
    ${USER_ERRORS}
  }
}`;

export interface MarkEnteredInErrorPayload {
  readonly record: { id: string; enteredInError?: { reason: string; markedOn?: string } | null } | null;
  readonly episode: EpisodeShape | null;
  readonly userErrors: UserErrorShape[];
}

export async function markEnteredInError(client: GraphQLClient, input: Record<string, unknown>): Promise<MarkEnteredInErrorPayload> {
  const result = await client.request<{ markEnteredInError: MarkEnteredInErrorPayload }>(MARK_ENTERED_IN_ERROR, { input });
  expect(result.errors).toBeUndefined();
  return result.data!.markEnteredInError;
}

/** How many rows a table holds, to prove a refusal wrote nothing. */
export async function rowCount(server: TestServer, table: (t: Tables) => SQLiteTable): Promise<number> {
  const [row] = await server.database.read.select({ value: count() }).from(table(server.database.tables));
  return Number(row?.value ?? 0);
}

/** How many audit events name this record. */
export async function auditEventsFor(server: TestServer, recordId: string) {
  const t = server.database.tables;
  return server.database.read.select().from(t.auditEvents).where(eq(t.auditEvents.recordId, recordId));
}

/** The error code of a GraphQL error answer (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND...). */
export function errorCodeOf(result: { errors?: readonly { extensions?: { code?: string } }[] }): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
