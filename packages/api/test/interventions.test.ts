import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import { buildEpisode } from "./episodeBuilder.js";
import { PASSWORD } from "./fixtures.js";
import { auditEventsFor, codesOf, END_INTERVENTION, errorCodeOf, recordIntervention, RECORD_INTERVENTION, rowCount, type InterventionShape, type UserErrorShape } from "./recordOperations.js";
import { useSignedInServer } from "./signedInServer.js";

interface EndPayload {
  endIntervention: { intervention: InterventionShape | null; userErrors: UserErrorShape[] };
}

describeEachDialect("recording and ending interventions", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker"] });

  it("a first pharmacological intervention starts structured treatment: ASSESSED becomes IN_TREATMENT (DOMAIN §2)", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "ASSESSED" });
    const payload = await recordIntervention(api.keyworker, {
      episodeId: built.episodeGlobalId,
      catalogueItemCode: "OST_METHADONE",
      startDate: "2025-02-10",
      setting: "PRIMARY_CARE",
      deliveredById: null,
      notes: "Daily supervised consumption",
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.intervention).toMatchObject({ catalogueItemCode: "OST_METHADONE", startDate: "2025-02-10", endDate: null, version: 1, catalogueItem: { code: "OST_METHADONE" } });
    expect(payload.episode).toMatchObject({ status: "IN_TREATMENT", firstInterventionDate: "2025-02-10" });
    const audit = await auditEventsFor(api.server, built.episodeId);
    expect(audit.map((event) => event.action)).toContain("UPDATE");
  });

  it("structured treatment may start straight from triage: TRIAGED becomes IN_TREATMENT", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "TRIAGED" });
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "MOTIVATIONAL_INTERVENTIONS", startDate: "2025-01-20" });
    expect(payload.userErrors).toEqual([]);
    expect(payload.episode?.status).toBe("IN_TREATMENT");
  });

  it("structured treatment cannot start before triage: a REFERRED episode is refused and nothing is written", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "REFERRED" });
    const before = await rowCount(api.server, (t) => t.interventions);
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "OST_METHADONE", startDate: "2025-02-10" });
    expect(payload.intervention).toBeNull();
    expect(payload.userErrors).toContainEqual(expect.objectContaining({ code: "TRANSITION_NOT_ALLOWED", field: "catalogueItemCode" }));
    expect(await rowCount(api.server, (t) => t.interventions)).toBe(before);
    const t = api.server.database.tables;
    const [episode] = await api.server.database.read.select().from(t.episodes).where(eq(t.episodes.id, built.episodeId));
    expect(episode?.status).toBe("REFERRED");
  });

  it("records who delivers it and keeps the intervention's details", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const deliveredBy = (await api.keyworker.request<{ me: { id: string } }>(`query { me { id } }`)).data!.me.id;
    const payload = await recordIntervention(api.keyworker, {
      episodeId: built.episodeGlobalId,
      catalogueItemCode: "CBT_SUBSTANCE_USE",
      startDate: "2025-03-03",
      plannedEndDate: "2025-07-28",
      plannedSessions: 12,
      deliveredById: deliveredBy,
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.intervention).toMatchObject({ deliveredBy: { name: "Kim Keyworker" }, plannedSessions: 12, plannedEndDate: "2025-07-28" });
  });

  it("refuses a staff member ID that does not exist, naming deliveredById", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-03-03", deliveredById: "bm90LWEtc3RhZmYtaWQ" });
    expect(payload.userErrors).toContainEqual(expect.objectContaining({ code: "INVALID_VALUE", field: "deliveredById" }));
  });

  it("R-INT-1: a retired catalogue item cannot be used for a new intervention (INTERVENTION_NOT_ALLOWED)", async () => {
    const t = api.server.database.tables;
    await api.server.database.write((tx) => tx.update(t.catalogueItems).set({ retired: true }).where(eq(t.catalogueItems.code, "PSYCHODYNAMIC_THERAPY")));
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const before = await rowCount(api.server, (t) => t.interventions);
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "PSYCHODYNAMIC_THERAPY", startDate: "2025-03-03" });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "INTERVENTION_NOT_ALLOWED", field: "catalogueItemCode" })]);
    expect(await rowCount(api.server, (t) => t.interventions)).toBe(before);
  });

  it("R-INT-1: an intervention cannot be added to a closed episode (INTERVENTION_NOT_ALLOWED)", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "CLOSED", dischargeDate: "2025-04-01" });
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-04-10" });
    expect(codesOf(payload.userErrors)).toContain("INTERVENTION_NOT_ALLOWED");
  });

  it("R-INT-1: an item that is not in the catalogue is refused", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "NO_SUCH_ITEM", startDate: "2025-03-03" });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "INTERVENTION_NOT_ALLOWED", field: "catalogueItemCode" })]);
  });

  it("R-DATE-1: a start date in the future or before the referral is refused (INVALID_DATE)", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const future = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-06-03" });
    expect(future.userErrors).toContainEqual(expect.objectContaining({ code: "INVALID_DATE", field: "startDate" }));
    const beforeReferral = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2024-12-31" });
    expect(beforeReferral.userErrors).toContainEqual(expect.objectContaining({ code: "INVALID_DATE", field: "startDate" }));
  });

  it("refuses a date that is not a real calendar date before any resolver runs", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const result = await api.keyworker.request(RECORD_INTERVENTION, { input: { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-02-30", setting: "COMMUNITY" } });
    expect(errorCodeOf(result)).toBe("BAD_USER_INPUT");
  });

  it("refuses over-long notes (TOO_LONG) and writes nothing", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const before = await rowCount(api.server, (t) => t.interventions);
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-03-03", notes: "x".repeat(2001) });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "TOO_LONG", field: "notes" })]);
    expect(await rowCount(api.server, (t) => t.interventions)).toBe(before);
  });

  it("writes a CREATE audit event naming the person", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-03-03" });
    const t = api.server.database.tables;
    const [created] = await api.server.database.read.select().from(t.interventions).where(eq(t.interventions.startDate, "2025-03-03"));
    expect(payload.intervention).not.toBeNull();
    const audit = await api.server.database.read.select().from(t.auditEvents).where(eq(t.auditEvents.serviceUserId, built.serviceUserId));
    expect(audit).toContainEqual(expect.objectContaining({ action: "CREATE", recordType: "Intervention", actorId: api.organisation.staff.keyworker.id }));
    expect(created?.createdById).toBe(api.organisation.staff.keyworker.id);
  });

  it("ends a running intervention, bumping its version", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const recorded = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-03-03" });
    const result = await api.keyworker.request<EndPayload>(END_INTERVENTION, { input: { id: recorded.intervention!.id, endDate: "2025-05-30", version: 1 } });
    expect(result.data?.endIntervention.userErrors).toEqual([]);
    expect(result.data?.endIntervention.intervention).toMatchObject({ endDate: "2025-05-30", version: 2 });
  });

  it("R-DATE-1: an end date before the start is refused (INVALID_DATE)", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const recorded = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-03-03" });
    const result = await api.keyworker.request<EndPayload>(END_INTERVENTION, { input: { id: recorded.intervention!.id, endDate: "2025-03-02" } });
    expect(result.data?.endIntervention.userErrors).toEqual([expect.objectContaining({ code: "INVALID_DATE", field: "endDate" })]);
  });

  it("R-INT-1: an intervention already ended cannot be ended again", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const result = await api.keyworker.request<EndPayload>(END_INTERVENTION, { input: { id: globalIdOfIntervention(built.interventionIds[0]!), endDate: "2025-05-30" } });
    expect(result.data?.endIntervention.userErrors).toEqual([]);
    const again = await api.keyworker.request<EndPayload>(END_INTERVENTION, { input: { id: globalIdOfIntervention(built.interventionIds[0]!), endDate: "2025-05-31" } });
    expect(again.data?.endIntervention.userErrors).toEqual([expect.objectContaining({ code: "INTERVENTION_NOT_ALLOWED", field: "endDate" })]);
  });

  it("a stale version is refused with STALE_VERSION", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const result = await api.keyworker.request<EndPayload>(END_INTERVENTION, { input: { id: globalIdOfIntervention(built.interventionIds[0]!), endDate: "2025-05-30", version: 7 } });
    expect(result.data?.endIntervention.userErrors).toEqual([expect.objectContaining({ code: "STALE_VERSION", field: "version" })]);
  });

  it("a practitioner outside the episode's scope gets not found, for recording and for ending", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const other = await api.signIn("otherKeyworker");
    const recording = await other.request(RECORD_INTERVENTION, { input: { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-03-03", setting: "COMMUNITY" } });
    expect(errorCodeOf(recording)).toBe("NOT_FOUND");
    const ending = await other.request(END_INTERVENTION, { input: { id: globalIdOfIntervention(built.interventionIds[0]!), endDate: "2025-05-30" } });
    expect(errorCodeOf(ending)).toBe("NOT_FOUND");
  });

  it("the team lead of the episode's team may record; admins and analysts are forbidden; anonymous callers unauthenticated", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const input = { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-03-03", setting: "COMMUNITY" };
    const lead = await api.signIn("lead");
    expect((await recordIntervention(lead, input)).userErrors).toEqual([]);
    for (const member of [api.organisation.staff.admin, api.organisation.staff.analyst]) {
      const client = await api.server.client().login(member.email, PASSWORD);
      expect(errorCodeOf(await client.request(RECORD_INTERVENTION, { input }))).toBe("FORBIDDEN");
    }
    expect(errorCodeOf(await api.server.client().request(RECORD_INTERVENTION, { input }))).toBe("UNAUTHENTICATED");
  });

  it("node(id:) fetches an intervention in scope and audits the read; out of scope it is null", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const id = globalIdOfIntervention(built.interventionIds[0]!);
    const query = `query Node($id: ID!) { node(id: $id) { id ... on Intervention { catalogueItemCode episode { id } } } }`;
    const mine = await api.keyworker.request<{ node: { catalogueItemCode: string; episode: { id: string } } | null }>(query, { id });
    expect(mine.data?.node).toMatchObject({ catalogueItemCode: "MOTIVATIONAL_INTERVENTIONS", episode: { id: built.episodeGlobalId } });
    const reads = (await auditEventsFor(api.server, built.interventionIds[0]!)).filter((event) => event.action === "READ");
    expect(reads).toEqual([expect.objectContaining({ recordType: "Intervention", serviceUserId: built.serviceUserId })]);
    const other = await api.signIn("youngPeopleKeyworker");
    expect((await other.request<{ node: unknown }>(query, { id })).data?.node).toBeNull();
  });

  it("an episode lists its interventions, newest start first, through Episode.interventions", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-03-03" });
    const result = await api.keyworker.request<{ node: { episode: { interventions: { totalCount: number; edges: { node: { catalogueItemCode: string } }[] } } } }>(
      `query Node($id: ID!) { node(id: $id) { ... on Intervention { episode { interventions(first: 10) { totalCount edges { node { catalogueItemCode } } } } } } }`,
      { id: globalIdOfIntervention(built.interventionIds[0]!) },
    );
    const listed = result.data?.node.episode.interventions;
    expect(listed?.totalCount).toBe(2);
    expect(listed?.edges.map((edge) => edge.node.catalogueItemCode)).toEqual(["COUNSELLING", "MOTIVATIONAL_INTERVENTIONS"]);
  });
});

function globalIdOfIntervention(localId: string): string {
  return toGlobalId("Intervention", localId);
}
