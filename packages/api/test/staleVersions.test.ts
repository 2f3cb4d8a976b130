import { eq } from "drizzle-orm";
import { getNamedType, isInputObjectType, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { localIdOf, toGlobalId } from "../src/graphql/globalId.js";
import { waymarkSchema } from "../src/graphql/schema.js";
import { describeEachDialect } from "./databases.js";
import { buildEpisode } from "./episodeBuilder.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { registerPerson, triageInput, type UserErrorShape } from "./journeySteps.js";
import { useSignedInServer } from "./signedInServer.js";

/**
 * Issue 7, point 7: records carry a version; a change names the version it was based on, and one based on a
 * version someone else has since replaced is refused with STALE_VERSION on the field `version`. The change
 * already saved stays exactly as it was, and nothing of the refused one is written.
 */

/**
 * Mutations that change a record that already exists, so two people can edit it from the same reading.
 * Each must take `version`, and each has a stale-edit test below.
 */
const VERSIONED_UPDATES = [
  "updateServiceUser",
  "updateTeam",
  "updateStaffMember",
  "updateCatalogueItem",
  "retireCatalogueItem",
  "endIntervention",
  "dischargeEpisode",
  "reassignKeyworker",
  "markEnteredInError",
  "recordTriage",
  "updateServiceSettings",
] as const;

/** Every other mutation, and why no version applies to it. */
const WITHOUT_VERSION: Record<string, string> = {
  login: "starts a session; changes no record",
  logout: "ends the caller's own session",
  registerServiceUser: "creates a person",
  receiveReferral: "creates an episode (R-ELIG-2 refuses a second open one)",
  recordAssessment: "adds an assessment",
  agreeRecoveryPlan: "adds a plan",
  completeReview: "adds a review; a second review of the same due date is refused by the schedule (racingDischarge.test.ts)",
  recordIntervention: "adds an intervention",
  recordOutcome: "adds a TOP",
  recordContact: "adds a contact",
  recordHarmReduction: "adds a harm-reduction record",
  breakGlass: "adds a time-limited grant",
  createTeam: "creates a team",
  createStaffMember: "creates an account",
  createCatalogueItem: "creates a catalogue item",
  deleteCatalogueItem: "removes an item no record has used; editing it meanwhile does not change that it is unused",
  createApiToken: "creates a token",
  revokeApiToken: "one-way and idempotent: revoking twice changes nothing",
  cancelExport: "one-way on the caller's own job",
  startExport: "creates a job",
  startNationalExtract: "creates a job",
};

/** Names that say a mutation changes an existing record. */
const UPDATE_NAME = /^(update|end|discharge|reassign|mark|retire|set|change|edit|close|reopen|amend)[A-Z]/;

function versionFieldOf(schema: GraphQLSchema, mutation: string) {
  const field = schema.getMutationType()!.getFields()[mutation];
  const input = field?.args.find((arg) => arg.name === "input");
  const type = input ? getNamedType(input.type) : undefined;
  return type && isInputObjectType(type) ? type.getFields().version : undefined;
}

describe("Which mutations carry a version (issue 7, point 7)", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await waymarkSchema();
  });

  it("every mutation is either a versioned update or named with the reason it needs no version", () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    const classified = [...VERSIONED_UPDATES, ...Object.keys(WITHOUT_VERSION)].sort();
    expect(mutations).toEqual(classified);
  });

  it("every versioned update takes an Int `version` in its input", () => {
    for (const mutation of VERSIONED_UPDATES) {
      const version = versionFieldOf(schema, mutation);
      expect(version, `${mutation} has no version`).toBeDefined();
      expect(getNamedType(version!.type).name, mutation).toBe("Int");
    }
  });

  it("no mutation named as an update of an existing record lacks a version", () => {
    const lacking = Object.keys(schema.getMutationType()!.getFields()).filter((name) => UPDATE_NAME.test(name) && !versionFieldOf(schema, name));
    expect(lacking).toEqual([]);
  });
});

const STALE = (field = "version") => expect.objectContaining({ code: "STALE_VERSION", field });

/** A mutation's payload; fails the test on a GraphQL error so a refusal is always a userError. */
async function send<T = Record<string, unknown>>(client: GraphQLClient, mutation: string, inputType: string, selection: string, input: Record<string, unknown>) {
  const result = await client.request<Record<string, T & { userErrors: UserErrorShape[] }>>(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${selection} userErrors { code field message } } }`, { input });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data![mutation]!;
}

describeEachDialect("A stale update is refused and nothing is lost (issue 7, point 7)", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker", "otherKeyworker", "lead", "admin"] });
  const t = () => api.server.database.tables;
  const read = () => api.server.database.read;

  const episodeRow = async (id: string) => (await read().select().from(t().episodes).where(eq(t().episodes.id, id)))[0]!;
  const interventionRow = async (id: string) => (await read().select().from(t().interventions).where(eq(t().interventions.id, id)))[0]!;
  const catalogueRow = async (code: string) => (await read().select().from(t().catalogueItems).where(eq(t().catalogueItems.code, code)))[0]!;

  it("updateServiceUser: Omar's change on version 1 is refused after Kim saved hers; Kim's name stands and Omar's phone was not written", async () => {
    const id = await registerPerson(api.keyworker, { firstName: "Sam", lastName: "Taylor" });
    const select = "serviceUser { firstName lastName phone version }";
    const kim = await send(api.keyworker, "updateServiceUser", "UpdateServiceUserInput", select, { id, version: 1, firstName: "Samantha" });
    expect(kim).toMatchObject({ userErrors: [], serviceUser: { firstName: "Samantha", version: 2 } });
    const omar = await send(api.otherKeyworker, "updateServiceUser", "UpdateServiceUserInput", select, { id, version: 1, lastName: "Stale", phone: "07700 900123" });
    expect(omar.userErrors).toEqual([STALE()]);
    expect(omar.serviceUser).toBeNull();
    const [row] = await read().select().from(t().serviceUsers).where(eq(t().serviceUsers.id, localIdOf(id, "ServiceUser")!));
    expect(row).toMatchObject({ firstName: "Samantha", lastName: "Taylor", phone: null, version: 2 });
  });

  it("updateTeam: a second admin's change on the old version is refused; the first admin's name stands", async () => {
    const secondAdmin = await api.signIn("admin");
    const id = toGlobalId("Team", api.organisation.youngPeopleTeamId);
    const [before] = await read().select().from(t().teams).where(eq(t().teams.id, api.organisation.youngPeopleTeamId));
    const first = await send(api.admin, "updateTeam", "UpdateTeamInput", "team { name }", { id, version: before!.version, name: "Young people's service" });
    expect(first.userErrors).toEqual([]);
    const second = await send(secondAdmin, "updateTeam", "UpdateTeamInput", "team { name }", { id, version: before!.version, maxAge: 21 });
    expect(second.userErrors).toEqual([STALE()]);
    const [after] = await read().select().from(t().teams).where(eq(t().teams.id, api.organisation.youngPeopleTeamId));
    expect(after).toMatchObject({ name: "Young people's service", maxAge: before!.maxAge, version: before!.version + 1 });
  });

  it("updateStaffMember: a second admin's change on the old version is refused; the first admin's change stands", async () => {
    const secondAdmin = await api.signIn("admin");
    const staffId = api.organisation.staff.analyst.id;
    const id = toGlobalId("StaffMember", staffId);
    const [before] = await read().select().from(t().staff).where(eq(t().staff.id, staffId));
    const first = await send(api.admin, "updateStaffMember", "UpdateStaffMemberInput", "staffMember { name }", { id, version: before!.version, name: "Ann Analyst-Jones" });
    expect(first.userErrors).toEqual([]);
    const second = await send(secondAdmin, "updateStaffMember", "UpdateStaffMemberInput", "staffMember { name }", { id, version: before!.version, email: "stale@example.org", active: false });
    expect(second.userErrors).toEqual([STALE()]);
    const [after] = await read().select().from(t().staff).where(eq(t().staff.id, staffId));
    expect(after).toMatchObject({ name: "Ann Analyst-Jones", email: before!.email, active: true, version: before!.version + 1 });
  });

  it("updateCatalogueItem: a second admin's relabel on the old version is refused; the first admin's label stands", async () => {
    const secondAdmin = await api.signIn("admin");
    const before = await catalogueRow("COUNSELLING");
    const id = toGlobalId("CatalogueItem", "COUNSELLING");
    const first = await send(api.admin, "updateCatalogueItem", "UpdateCatalogueItemInput", "catalogueItem { label }", { id, version: before.version, label: "Counselling (first admin)" });
    expect(first.userErrors).toEqual([]);
    const second = await send(secondAdmin, "updateCatalogueItem", "UpdateCatalogueItemInput", "catalogueItem { label }", { id, version: before.version, label: "Counselling (second admin)", definition: "Stale" });
    expect(second.userErrors).toEqual([STALE()]);
    expect(await catalogueRow("COUNSELLING")).toMatchObject({ label: "Counselling (first admin)", definition: before.definition, version: before.version + 1 });
  });

  it("retireCatalogueItem: retiring on a version read before someone's relabel is refused; the item stays offered with the new label", async () => {
    const secondAdmin = await api.signIn("admin");
    const before = await catalogueRow("STRUCTURED_DAY_PROGRAMME");
    const id = toGlobalId("CatalogueItem", "STRUCTURED_DAY_PROGRAMME");
    expect((await send(api.admin, "updateCatalogueItem", "UpdateCatalogueItemInput", "catalogueItem { label }", { id, version: before.version, label: "Day programme" })).userErrors).toEqual([]);
    const retire = await send(secondAdmin, "retireCatalogueItem", "RetireCatalogueItemInput", "catalogueItem { retired }", { id, version: before.version });
    expect(retire.userErrors).toEqual([STALE()]);
    expect(await catalogueRow("STRUCTURED_DAY_PROGRAMME")).toMatchObject({ label: "Day programme", retired: false, version: before.version + 1 });
  });

  it("endIntervention: ending on the old version after a colleague ended it is refused; the first end date stands", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const interventionId = built.interventionIds[0]!;
    const id = toGlobalId("Intervention", interventionId);
    const before = await interventionRow(interventionId);
    expect((await send(api.keyworker, "endIntervention", "EndInterventionInput", "intervention { endDate }", { id, version: before.version, endDate: "2025-05-20" })).userErrors).toEqual([]);
    const stale = await send(api.lead, "endIntervention", "EndInterventionInput", "intervention { endDate }", { id, version: before.version, endDate: "2025-05-27" });
    expect(stale.userErrors).toEqual([STALE()]);
    expect(await interventionRow(interventionId)).toMatchObject({ endDate: "2025-05-20", version: before.version + 1 });
  });

  it("markEnteredInError: marking on a version read before a colleague's change is refused; the record is not marked and the change stands", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const interventionId = built.interventionIds[0]!;
    const id = toGlobalId("Intervention", interventionId);
    const before = await interventionRow(interventionId);
    expect((await send(api.keyworker, "endIntervention", "EndInterventionInput", "intervention { endDate }", { id, version: before.version, endDate: "2025-05-20" })).userErrors).toEqual([]);
    const stale = await send(api.lead, "markEnteredInError", "MarkEnteredInErrorInput", "record { id }", { id, version: before.version, reason: "Recorded against the wrong person" });
    expect(stale.userErrors).toEqual([STALE()]);
    expect(await interventionRow(interventionId)).toMatchObject({ endDate: "2025-05-20", enteredInErrorReason: null, version: before.version + 1 });
  });

  it("dischargeEpisode: a discharge based on the version before a reallocation is refused; the episode stays open with its new keyworker", async () => {
    const secondLead = await api.signIn("lead");
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const before = await episodeRow(built.episodeId);
    const reassigned = await send(api.lead, "reassignKeyworker", "ReassignKeyworkerInput", "episode { id }", {
      episodeId: built.episodeGlobalId,
      keyworkerId: toGlobalId("StaffMember", api.organisation.staff.otherKeyworker.id),
      version: before.version,
    });
    expect(reassigned.userErrors).toEqual([]);
    const stale = await send(secondLead, "dischargeEpisode", "DischargeEpisodeInput", "episode { id }", { episodeId: built.episodeGlobalId, reason: "DROPPED_OUT", dischargeDate: "2025-05-30", version: before.version });
    expect(stale.userErrors).toEqual([STALE()]);
    const after = await episodeRow(built.episodeId);
    expect(after).toMatchObject({ status: "IN_TREATMENT", dischargeDate: null, dischargeReason: null, keyworkerId: api.organisation.staff.otherKeyworker.id, version: before.version + 1 });
    expect((await interventionRow(built.interventionIds[0]!)).endDate).toBeNull();
  });

  it("reassignKeyworker: a second team lead's allocation on the old version is refused; the first allocation stands", async () => {
    const secondLead = await api.signIn("lead");
    const built = await buildEpisode(api.server, api.organisation, { status: "ASSESSED" });
    const before = await episodeRow(built.episodeId);
    const first = await send(api.lead, "reassignKeyworker", "ReassignKeyworkerInput", "episode { id }", {
      episodeId: built.episodeGlobalId,
      keyworkerId: toGlobalId("StaffMember", api.organisation.staff.otherKeyworker.id),
      version: before.version,
    });
    expect(first.userErrors).toEqual([]);
    const stale = await send(secondLead, "reassignKeyworker", "ReassignKeyworkerInput", "episode { id }", { episodeId: built.episodeGlobalId, keyworkerId: null, version: before.version });
    expect(stale.userErrors).toEqual([STALE()]);
    expect(await episodeRow(built.episodeId)).toMatchObject({ keyworkerId: api.organisation.staff.otherKeyworker.id, version: before.version + 1 });
  });

  it("recordTriage: a triage based on the version before a reallocation is refused; the episode stays REFERRED with no triage written", async () => {
    const secondLead = await api.signIn("lead");
    const built = await buildEpisode(api.server, api.organisation, { status: "REFERRED" });
    const before = await episodeRow(built.episodeId);
    const substancesBefore = await read().select().from(t().problemSubstances).where(eq(t().problemSubstances.episodeId, built.episodeId));
    const reassigned = await send(api.lead, "reassignKeyworker", "ReassignKeyworkerInput", "episode { id }", {
      episodeId: built.episodeGlobalId,
      keyworkerId: toGlobalId("StaffMember", api.organisation.staff.otherKeyworker.id),
      version: before.version,
    });
    expect(reassigned.userErrors).toEqual([]);
    const stale = await send(secondLead, "recordTriage", "RecordTriageInput", "assessment { id }", { ...triageInput(built.episodeGlobalId, { date: "2025-05-06" }), version: before.version });
    expect(stale.userErrors).toEqual([STALE()]);
    expect(await episodeRow(built.episodeId)).toMatchObject({ status: "REFERRED", triageDate: null, keyworkerId: api.organisation.staff.otherKeyworker.id, version: before.version + 1 });
    expect(await read().select().from(t().assessments).where(eq(t().assessments.episodeId, built.episodeId))).toEqual([]);
    expect(await read().select().from(t().problemSubstances).where(eq(t().problemSubstances.episodeId, built.episodeId))).toEqual(substancesBefore);

    // Read afresh, the same triage goes through.
    const fresh = await send(secondLead, "recordTriage", "RecordTriageInput", "assessment { id }", { ...triageInput(built.episodeGlobalId, { date: "2025-05-06" }), version: before.version + 1 });
    expect(fresh.userErrors).toEqual([]);
    expect(await episodeRow(built.episodeId)).toMatchObject({ status: "TRIAGED", version: before.version + 2 });
  });

  it("updateServiceSettings: a second admin's change on the version both read is refused; the first admin's setting stands", async () => {
    const secondAdmin = await api.signIn("admin");
    const query = "serviceSettings { dnaFollowUpWorkingDays aftercareMonths version }";
    const current = await api.admin.request<{ serviceSettings: { version: number; aftercareMonths: number } }>(`query { ${query} }`);
    const { version, aftercareMonths } = current.data!.serviceSettings;
    const first = await send(api.admin, "updateServiceSettings", "UpdateServiceSettingsInput", query, { version, dnaFollowUpWorkingDays: 3 });
    expect(first).toMatchObject({ userErrors: [], serviceSettings: { dnaFollowUpWorkingDays: 3, version: version + 1 } });
    const second = await send(secondAdmin, "updateServiceSettings", "UpdateServiceSettingsInput", query, { version, dnaFollowUpWorkingDays: 5, aftercareMonths: aftercareMonths === 3 ? 4 : 3 });
    expect(second.userErrors).toEqual([STALE()]);
    const after = await api.admin.request<{ serviceSettings: Record<string, number> }>(`query { ${query} }`);
    expect(after.data!.serviceSettings).toEqual({ dnaFollowUpWorkingDays: 3, aftercareMonths, version: version + 1 });
  });
});
