import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import { buildEpisode, type EpisodeSpec } from "./episodeBuilder.js";
import { auditEventsFor, codesOf, END_INTERVENTION, errorCodeOf, MARK_ENTERED_IN_ERROR, markEnteredInError, recordContact, recordIntervention, rowCount, type UserErrorShape } from "./recordOperations.js";
import { useSignedInServer } from "./signedInServer.js";

const ON_METHADONE: EpisodeSpec = { status: "IN_TREATMENT", interventions: [{ code: "OST_METHADONE", startDate: "2025-02-03" }] };

const EPISODE_LISTS = `query Lists($id: ID!, $include: Boolean!) { node(id: $id) { ... on Intervention { episode {
  interventions(includeEnteredInError: $include) { totalCount edges { node { id enteredInError { reason } } } }
  contacts(includeEnteredInError: $include) { totalCount }
} } } }`;

type Lists = { node: { episode: { interventions: { totalCount: number; edges: { node: { id: string; enteredInError: { reason: string } | null } }[] }; contacts: { totalCount: number } } } };

describeEachDialect("marking records entered in error", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker"] });

  async function dnaFollowUpDueBy(episodeId: string): Promise<string | null> {
    const t = api.server.database.tables;
    const [row] = await api.server.database.read.select({ due: t.episodes.dnaFollowUpDueBy }).from(t.episodes).where(eq(t.episodes.id, episodeId));
    return row!.due;
  }

  it("marks an intervention: never deleted, marked with who, when and why, audited as an UPDATE with the reason", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const recorded = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-03-03" });
    const before = await rowCount(api.server, (t) => t.interventions);
    const payload = await markEnteredInError(api.keyworker, { id: recorded.intervention!.id, reason: "Recorded on the wrong person" });
    expect(payload.userErrors).toEqual([]);
    expect(payload.record).toEqual({ id: recorded.intervention!.id, enteredInError: { reason: "Recorded on the wrong person", markedOn: "2025-06-02" } });
    expect(await rowCount(api.server, (t) => t.interventions)).toBe(before);
    const t = api.server.database.tables;
    const [row] = await api.server.database.read.select().from(t.interventions).where(and(eq(t.interventions.episodeId, built.episodeId), eq(t.interventions.catalogueItemCode, "COUNSELLING")));
    expect(row).toMatchObject({ enteredInErrorReason: "Recorded on the wrong person", enteredInErrorById: api.organisation.staff.keyworker.id, enteredInErrorOn: "2025-06-02", version: 2 });
    const audit = await auditEventsFor(api.server, row!.id);
    expect(audit).toContainEqual(expect.objectContaining({ action: "UPDATE", recordType: "Intervention", reason: "Recorded on the wrong person", serviceUserId: built.serviceUserId }));
  });

  it("a record entered in error leaves the episode's lists unless includeEnteredInError is true", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE);
    const recorded = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-03-03" });
    await markEnteredInError(api.keyworker, { id: recorded.intervention!.id, reason: "Duplicate entry" });
    const id = toGlobalId("Intervention", built.interventionIds[0]!);
    const shown = (await api.keyworker.request<Lists>(EPISODE_LISTS, { id, include: false })).data!.node.episode;
    expect(shown.interventions.totalCount).toBe(1);
    const everything = (await api.keyworker.request<Lists>(EPISODE_LISTS, { id, include: true })).data!.node.episode;
    expect(everything.interventions.totalCount).toBe(2);
    expect(everything.interventions.edges.find((edge) => edge.node.id === recorded.intervention!.id)?.node.enteredInError).toEqual({ reason: "Duplicate entry" });
  });

  it("R-ROSC-1: an intervention marked in error no longer counts as the concurrent structured treatment", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE);
    expect((await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_PEER_SUPPORT", startDate: "2025-03-03" })).userErrors).toEqual([]);
    const marked = await markEnteredInError(api.keyworker, { id: toGlobalId("Intervention", built.interventionIds[0]!), reason: "Prescription belonged to another person" });
    expect(marked.userErrors).toEqual([]);
    expect(marked.episode?.firstInterventionDate).toBeNull();
    const refused = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_PEER_SUPPORT", startDate: "2025-03-10" });
    expect(codesOf(refused.userErrors)).toEqual(["ROSC_REQUIRES_CONCURRENT_MODALITY"]);
  });

  it("R-DNA-1: a did-not-attend marked in error no longer makes a follow-up due", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const missed = await recordContact(api.keyworker, { episodeId: built.episodeGlobalId, date: "2025-05-30", outcome: "DID_NOT_ATTEND" });
    expect(await dnaFollowUpDueBy(built.episodeId)).toBe("2025-06-03");
    const payload = await markEnteredInError(api.keyworker, { id: missed.contact!.id, reason: "The appointment was cancelled, not missed" });
    expect(payload.userErrors).toEqual([]);
    expect(payload.record?.enteredInError).toEqual({ reason: "The appointment was cancelled, not missed" });
    expect(await dnaFollowUpDueBy(built.episodeId)).toBeNull();
  });

  it("an intervention entered in error cannot be ended (INTERVENTION_NOT_ALLOWED)", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE);
    const id = toGlobalId("Intervention", built.interventionIds[0]!);
    await markEnteredInError(api.keyworker, { id, reason: "Wrong episode" });
    const ended = await api.keyworker.request<{ endIntervention: { userErrors: UserErrorShape[] } }>(END_INTERVENTION, { input: { id, endDate: "2025-05-30" } });
    expect(codesOf(ended.data!.endIntervention.userErrors)).toEqual(["INTERVENTION_NOT_ALLOWED"]);
  });

  it("marks TOPs, harm-reduction records, assessments, reviews, plans and whole episodes the same way", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const t = api.server.database.tables;
    const naloxone = await api.keyworker.request<{ recordHarmReduction: { harmReductionRecord: { id: string } } }>(
      `mutation R($input: RecordHarmReductionInput!) { recordHarmReduction(input: $input) { harmReductionRecord { id } } }`,
      { input: { episodeId: built.episodeGlobalId, date: "2025-05-06", naloxoneIssuedTo: "SERVICE_USER" } },
    );
    const [assessment] = await api.server.database.read.select().from(t.assessments).where(eq(t.assessments.episodeId, built.episodeId));
    const [plan] = await api.server.database.read.select().from(t.recoveryPlans).where(and(eq(t.recoveryPlans.episodeId, built.episodeId), eq(t.recoveryPlans.kind, "FULL")));
    const reviewId = randomUUID();
    const now = api.server.clock.now();
    await api.server.database.write((tx) =>
      tx.insert(t.reviews).values({ id: reviewId, planId: plan!.id, episodeId: built.episodeId, dueDate: "2025-04-21", completedDate: "2025-04-18", completedById: api.organisation.staff.keyworker.id, createdAt: now, updatedAt: now }),
    );
    const top = await api.keyworker.request<{ recordOutcome: { outcomeRecord: { id: string } } }>(
      `mutation R($input: RecordOutcomeInput!) { recordOutcome(input: $input) { outcomeRecord { id } } }`,
      {
        input: {
          episodeId: built.episodeGlobalId,
          stage: "START",
          date: "2025-02-03",
          substanceUse: Object.fromEntries(["ALCOHOL", "OPIATES", "CRACK", "COCAINE", "AMPHETAMINES", "CANNABIS", "OTHER", "TOBACCO"].map((code) => [code, { days: 0 }])),
          injecting: { days: 0, sharedNeedles: false, sharedOtherEquipment: false },
          crime: { shoplifting: 0, drugSelling: 0, otherTheft: 0, assaultViolence: 0 },
          health: { psychologicalHealth: 10, physicalHealth: 10, qualityOfLife: 10, paidWorkDays: 0, educationDays: 0, acuteHousingProblem: false, atRiskOfEviction: false },
        },
      },
    );
    const targets = [
      naloxone.data!.recordHarmReduction.harmReductionRecord.id,
      top.data!.recordOutcome.outcomeRecord.id,
      toGlobalId("Assessment", assessment!.id),
      toGlobalId("Review", reviewId),
      toGlobalId("RecoveryPlan", plan!.id),
      built.episodeGlobalId,
    ];
    for (const id of targets) {
      const payload = await markEnteredInError(api.keyworker, { id, reason: "Entered for the wrong person" });
      expect(payload.userErrors).toEqual([]);
      expect(payload.record?.id).toBe(id);
    }
    const [episode] = await api.server.database.read.select().from(t.episodes).where(eq(t.episodes.id, built.episodeId));
    const [markedAssessment] = await api.server.database.read.select().from(t.assessments).where(eq(t.assessments.id, assessment!.id));
    const [markedPlan] = await api.server.database.read.select().from(t.recoveryPlans).where(eq(t.recoveryPlans.id, plan!.id));
    const [markedReview] = await api.server.database.read.select().from(t.reviews).where(eq(t.reviews.id, reviewId));
    for (const row of [episode, markedAssessment, markedPlan, markedReview]) expect(row?.enteredInErrorReason).toBe("Entered for the wrong person");
  });

  it("nothing more can be recorded on an episode entered in error", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    await markEnteredInError(api.keyworker, { id: built.episodeGlobalId, reason: "Duplicate referral" });
    const contact = await recordContact(api.keyworker, { episodeId: built.episodeGlobalId, date: "2025-05-05" });
    expect(contact.userErrors).toEqual([expect.objectContaining({ code: "TRANSITION_NOT_ALLOWED", field: "episodeId" })]);
    const intervention = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "COUNSELLING", startDate: "2025-03-03" });
    expect(codesOf(intervention.userErrors)).toContain("INTERVENTION_NOT_ALLOWED");
  });

  it("a reason is required (REQUIRED); a record already marked is refused; neither writes anything", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE);
    const id = toGlobalId("Intervention", built.interventionIds[0]!);
    const blank = await markEnteredInError(api.keyworker, { id, reason: "  " });
    expect(blank.userErrors).toEqual([expect.objectContaining({ code: "REQUIRED", field: "reason" })]);
    const tooLong = await markEnteredInError(api.keyworker, { id, reason: "x".repeat(2001) });
    expect(tooLong.userErrors).toEqual([expect.objectContaining({ code: "TOO_LONG", field: "reason" })]);
    expect((await markEnteredInError(api.keyworker, { id, reason: "First time" })).userErrors).toEqual([]);
    const again = await markEnteredInError(api.keyworker, { id, reason: "Second time" });
    expect(again.userErrors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "id" })]);
    const updates = (await auditEventsFor(api.server, built.interventionIds[0]!)).filter((event) => event.action === "UPDATE");
    expect(updates.map((event) => event.reason)).toEqual(["First time"]);
  });

  it("a record outside your scope, or an ID of a type that cannot be marked, is not found; an analyst is forbidden", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE);
    const id = toGlobalId("Intervention", built.interventionIds[0]!);
    const other = await api.signIn("otherKeyworker");
    expect(errorCodeOf(await other.request(MARK_ENTERED_IN_ERROR, { input: { id, reason: "x" } }))).toBe("NOT_FOUND");
    expect(errorCodeOf(await api.keyworker.request(MARK_ENTERED_IN_ERROR, { input: { id: toGlobalId("Team", api.organisation.adultTeamId), reason: "x" } }))).toBe("NOT_FOUND");
    const analyst = await api.signIn("analyst");
    expect(errorCodeOf(await analyst.request(MARK_ENTERED_IN_ERROR, { input: { id, reason: "x" } }))).toBe("FORBIDDEN");
    const t = api.server.database.tables;
    const [row] = await api.server.database.read.select().from(t.interventions).where(eq(t.interventions.id, built.interventionIds[0]!));
    expect(row?.enteredInErrorReason).toBeNull();
  });

  it("the contact list leaves out contacts entered in error", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const first = await recordContact(api.keyworker, { episodeId: built.episodeGlobalId, date: "2025-05-05" });
    await recordContact(api.keyworker, { episodeId: built.episodeGlobalId, date: "2025-05-12" });
    await markEnteredInError(api.keyworker, { id: first.contact!.id, reason: "Wrong date" });
    const id = toGlobalId("Intervention", built.interventionIds[0]!);
    expect((await api.keyworker.request<Lists>(EPISODE_LISTS, { id, include: false })).data!.node.episode.contacts.totalCount).toBe(1);
    expect((await api.keyworker.request<Lists>(EPISODE_LISTS, { id, include: true })).data!.node.episode.contacts.totalCount).toBe(2);
  });
});
