import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { localIdOf, toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import type { GraphQLClient } from "./graphqlClient.js";
import {
  accepted,
  agreeFullPlan,
  assess,
  COMPLETE_REVIEW,
  errorCode,
  RECEIVE_REFERRAL,
  fullRisk,
  RECORD_ASSESSMENT,
  comprehensiveInput,
  refer,
  refused,
  registerPerson,
  rowCounts,
  triage,
} from "./journeySteps.js";
import { useSignedInServer } from "./signedInServer.js";

const PERSON = `query Person($id: ID!) { serviceUser(id: $id) { id firstName lastName episodes { id } } }`;
const EPISODE = `query Episode($id: ID!) { episode(id: $id) { id status serviceUser { id firstName } assessments { totalCount } } }`;
const NODE = `query Node($id: ID!) {
  node(id: $id) {
    id
    ... on ServiceUser { firstName }
    ... on Episode { status serviceUser { firstName } }
    ... on Assessment { assessmentKind: kind episode { id } }
    ... on RecoveryPlan { planKind: kind goals { description } }
    ... on Review { completedDate plan { id } }
  }
}`;
const LIST = `query List($first: Int) { serviceUsers(first: $first) { totalCount edges { node { id firstName episodes { id } } } } }`;
const BREAK_GLASS = `mutation BreakGlass($input: BreakGlassInput!) { breakGlass(input: $input) { serviceUser { id firstName } expiresAt userErrors { code field message } } }`;
const UPDATE = `mutation Update($input: UpdateServiceUserInput!) { updateServiceUser(input: $input) { serviceUser { id } userErrors { code field } } }`;

interface ListResult {
  serviceUsers: { totalCount: number; edges: { node: { id: string; firstName: string; episodes: { id: string }[] } }[] };
}

/** One person's record as a keyworker builds it: every kind of record this part of the API writes. */
interface BuiltRecord {
  readonly personId: string;
  readonly episodeId: string;
  readonly assessmentId: string;
  readonly planId: string;
  readonly reviewId: string;
}

describeEachDialect("scope: who sees whose records", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker", "otherKeyworker", "youngPeopleKeyworker", "lead"] });
  let kims: BuiltRecord;
  let omarsPersonId: string;

  async function buildRecord(client: GraphQLClient, keyworkerId: string, firstName: string): Promise<BuiltRecord> {
    const personId = await registerPerson(client, { firstName });
    const episodeId = await refer(client, personId, api.organisation.adultTeamId, { keyworkerId: toGlobalId("StaffMember", keyworkerId) });
    await triage(client, episodeId);
    await assess(client, episodeId);
    const assessment = accepted<{ assessment: { id: string } }>(
      await client.request(RECORD_ASSESSMENT, { input: comprehensiveInput(episodeId, { kind: "REASSESSMENT", date: "2025-05-14" }) }),
      "recordAssessment",
    );
    const plan = await agreeFullPlan(client, episodeId, keyworkerId);
    const review = accepted<{ review: { id: string } }>(
      await client.request(COMPLETE_REVIEW, { input: { planId: plan.planId, completedDate: "2025-06-01", risk: fullRisk() } }),
      "completeReview",
    );
    return { personId, episodeId, assessmentId: assessment.assessment.id, planId: plan.planId, reviewId: review.review.id };
  }

  const idsOf = (record: BuiltRecord) => [record.personId, record.episodeId, record.assessmentId, record.planId, record.reviewId];

  beforeAll(async () => {
    kims = await buildRecord(api.keyworker, api.organisation.staff.keyworker.id, "Kira");
    omarsPersonId = (await buildRecord(api.otherKeyworker, api.organisation.staff.otherKeyworker.id, "Otto")).personId;
  });

  describe("another keyworker of the same team", () => {
    it("gets null for the person and the episode by ID, never their data", async () => {
      const person = await api.otherKeyworker.request<{ serviceUser: unknown }>(PERSON, { id: kims.personId });
      expect(person.errors).toBeUndefined();
      expect(person.data).toEqual({ serviceUser: null });
      const episode = await api.otherKeyworker.request<{ episode: unknown }>(EPISODE, { id: kims.episodeId });
      expect(episode.data).toEqual({ episode: null });
    });

    it("gets null from node for the person, episode, assessment, plan and review", async () => {
      for (const id of idsOf(kims)) {
        const result = await api.otherKeyworker.request(NODE, { id });
        expect(result.errors).toBeUndefined();
        expect(result.data).toEqual({ node: null });
      }
    });

    it("does not find the person in serviceUsers, in the list or its total", async () => {
      const result = await api.otherKeyworker.request<ListResult>(LIST, { first: 100 });
      const names = result.data?.serviceUsers.edges.map((edge) => edge.node.firstName);
      expect(names).toEqual(["Otto"]);
      expect(result.data?.serviceUsers.totalCount).toBe(1);
      expect(JSON.stringify(result.data)).not.toContain("Kira");
    });

    it("cannot write to the person's record either: not found", async () => {
      const before = await rowCounts(api.server);
      expect(errorCode(await api.otherKeyworker.request(UPDATE, { input: { id: kims.personId, version: 1, firstName: "Changed" } }))).toBe("NOT_FOUND");
      expect(errorCode(await api.otherKeyworker.request(RECORD_ASSESSMENT, { input: comprehensiveInput(kims.episodeId, { kind: "REASSESSMENT" }) }))).toBe("NOT_FOUND");
      expect(await rowCounts(api.server)).toEqual(before);
    });
  });

  describe("the team lead", () => {
    it("sees every person and episode of the team, by ID, by node and in the list", async () => {
      const person = await api.lead.request<{ serviceUser: { firstName: string; episodes: { id: string }[] } }>(PERSON, { id: kims.personId });
      expect(person.data?.serviceUser).toMatchObject({ firstName: "Kira", episodes: [{ id: kims.episodeId }] });
      const episode = await api.lead.request<{ episode: { serviceUser: { firstName: string }; assessments: { totalCount: number } } }>(EPISODE, { id: kims.episodeId });
      expect(episode.data?.episode).toMatchObject({ serviceUser: { firstName: "Kira" }, assessments: { totalCount: 3 } });
      for (const id of idsOf(kims)) {
        const node = await api.lead.request<{ node: { id: string } | null }>(NODE, { id });
        expect(node.data?.node?.id).toBe(id);
      }
      const list = await api.lead.request<ListResult>(LIST, { first: 100 });
      expect(list.data?.serviceUsers.edges.map((edge) => edge.node.firstName).sort()).toEqual(["Kira", "Otto"]);
    });
  });

  describe("the young people's keyworker", () => {
    it("sees nothing of the adult team", async () => {
      const list = await api.youngPeopleKeyworker.request<ListResult>(LIST, { first: 100 });
      expect(list.data?.serviceUsers).toEqual({ totalCount: 0, edges: [] });
      expect((await api.youngPeopleKeyworker.request(PERSON, { id: omarsPersonId })).data).toEqual({ serviceUser: null });
      expect((await api.youngPeopleKeyworker.request(EPISODE, { id: kims.episodeId })).data).toEqual({ episode: null });
      for (const id of idsOf(kims)) expect((await api.youngPeopleKeyworker.request(NODE, { id })).data).toEqual({ node: null });
    });

    it("cannot break the glass for a person with no episode in their team: not found, nothing written", async () => {
      const before = await rowCounts(api.server);
      const result = await api.youngPeopleKeyworker.request(BREAK_GLASS, { input: { serviceUserId: kims.personId, reason: "Covering the adult team's duty desk" } });
      expect(errorCode(result)).toBe("NOT_FOUND");
      expect(await rowCounts(api.server)).toEqual(before);
    });
  });

  describe("an unallocated referral", () => {
    it("is visible to every practitioner of the team (the duty worker triages it) and to no other team", async () => {
      const personId = await registerPerson(api.lead, { firstName: "Una" });
      const episodeId = await refer(api.lead, personId, api.organisation.adultTeamId);
      expect((await api.otherKeyworker.request<{ episode: { id: string } }>(EPISODE, { id: episodeId })).data?.episode?.id).toBe(episodeId);
      expect((await api.youngPeopleKeyworker.request(EPISODE, { id: episodeId })).data).toEqual({ episode: null });
    });
  });

  describe("break glass", () => {
    it("refuses a reason shorter than 10 characters, writing nothing", async () => {
      const before = await rowCounts(api.server);
      const errors = refused(await api.otherKeyworker.request(BREAK_GLASS, { input: { serviceUserId: kims.personId, reason: "covering" } }), "breakGlass");
      expect(errors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "reason" })]);
      expect(await rowCounts(api.server)).toEqual(before);
      expect((await api.otherKeyworker.request(PERSON, { id: kims.personId })).data).toEqual({ serviceUser: null });
    });

    it("is FORBIDDEN to an analyst", async () => {
      const analyst = await api.signIn("analyst");
      expect(errorCode(await analyst.request(BREAK_GLASS, { input: { serviceUserId: kims.personId, reason: "Checking the figures for a report" } }))).toBe("FORBIDDEN");
    });

    it("grants a colleague access to a person on the team's caseload for 12 hours, audited with the reason", async () => {
      const reason = "Covering Kim's caseload while she is on leave";
      const result = await api.otherKeyworker.request<{ breakGlass: { serviceUser: { firstName: string }; expiresAt: string } }>(BREAK_GLASS, { input: { serviceUserId: kims.personId, reason } });
      const payload = accepted<{ serviceUser: { firstName: string }; expiresAt: string }>(result, "breakGlass");
      expect(payload.serviceUser.firstName).toBe("Kira");
      expect(new Date(payload.expiresAt).getTime() - api.server.clock.now().getTime()).toBe(12 * 60 * 60 * 1000);

      const t = api.server.database.tables;
      const personLocalId = localIdOf(kims.personId, "ServiceUser") ?? "";
      const glass = await api.server.database.read.select().from(t.auditEvents).where(eq(t.auditEvents.action, "BREAK_GLASS"));
      expect(glass).toEqual([expect.objectContaining({ actorId: api.organisation.staff.otherKeyworker.id, recordType: "ServiceUser", recordId: personLocalId, serviceUserId: personLocalId, reason })]);

      const person = await api.otherKeyworker.request<{ serviceUser: { firstName: string; episodes: { id: string }[] } }>(PERSON, { id: kims.personId });
      expect(person.data?.serviceUser).toMatchObject({ firstName: "Kira", episodes: [{ id: kims.episodeId }] });
      for (const id of idsOf(kims)) expect((await api.otherKeyworker.request<{ node: { id: string } | null }>(NODE, { id })).data?.node?.id).toBe(id);
      const reads = await api.server.database.read
        .select()
        .from(t.auditEvents)
        .where(and(eq(t.auditEvents.action, "READ"), eq(t.auditEvents.actorId, api.organisation.staff.otherKeyworker.id), eq(t.auditEvents.serviceUserId, personLocalId)));
      expect(reads.map((event) => event.recordType)).toEqual(expect.arrayContaining(["ServiceUser", "Episode", "Assessment", "RecoveryPlan", "Review"]));

      api.server.clock.set("2025-06-03");
      try {
        const nextDay = await api.signIn("otherKeyworker");
        expect((await nextDay.request(PERSON, { id: kims.personId })).data).toEqual({ serviceUser: null });
        expect((await nextDay.request(EPISODE, { id: kims.episodeId })).data).toEqual({ episode: null });
      } finally {
        api.server.clock.set("2025-06-02");
      }
    });
  });

  describe("the audit trail of reads", () => {
    it("records a READ for a person read by ID, through node, and through an episode's serviceUser", async () => {
      const t = api.server.database.tables;
      const personLocalId = localIdOf(kims.personId, "ServiceUser") ?? "";
      const episodeLocalId = localIdOf(kims.episodeId, "Episode") ?? "";
      const readsBy = async () =>
        api.server.database.read
          .select()
          .from(t.auditEvents)
          .where(and(eq(t.auditEvents.action, "READ"), eq(t.auditEvents.actorId, api.organisation.staff.keyworker.id), eq(t.auditEvents.serviceUserId, personLocalId)));

      const before = (await readsBy()).length;
      await api.keyworker.request(PERSON, { id: kims.personId });
      expect((await readsBy()).length).toBe(before + 2);
      await api.keyworker.request(NODE, { id: kims.personId });
      expect((await readsBy()).length).toBe(before + 3);
      await api.keyworker.request(`query Episode($id: ID!) { episode(id: $id) { id serviceUser { id } } }`, { id: kims.episodeId });
      const after = await readsBy();
      expect(after.length).toBe(before + 5);
      expect(after.slice(-2).map((event) => [event.recordType, event.recordId]).sort()).toEqual([
        ["Episode", episodeLocalId],
        ["ServiceUser", personLocalId],
      ]);
    });
  });

  describe("nested fields", () => {
    it("show a person's episodes only as far as the viewer's scope reaches", async () => {
      // Seen by the young people's team at 24, then by the adult team at 25 with Kim as keyworker.
      const personId = await registerPerson(api.youngPeopleKeyworker, { firstName: "Nia", dateOfBirth: "2000-05-10" });
      const youngPeopleEpisode = await refer(api.youngPeopleKeyworker, personId, api.organisation.youngPeopleTeamId, {
        keyworkerId: toGlobalId("StaffMember", api.organisation.staff.youngPeopleKeyworker.id),
      });
      const discharge = await api.youngPeopleKeyworker.request(
        `mutation Discharge($input: DischargeEpisodeInput!) { dischargeEpisode(input: $input) { episode { status } userErrors { code field message } } }`,
        { input: { episodeId: youngPeopleEpisode, reason: "TRANSFERRED_NOT_IN_CUSTODY", dischargeDate: "2025-05-12" } },
      );
      accepted(discharge, "dischargeEpisode");
      const handover = await api.youngPeopleKeyworker.request(RECEIVE_REFERRAL, {
        input: {
          serviceUserId: personId,
          teamId: toGlobalId("Team", api.organisation.adultTeamId),
          referral: { receivedDate: "2025-05-15", source: "OTHER_DRUG_ALCOHOL_SERVICE", reason: "Moving on to the adult service" },
          keyworkerId: toGlobalId("StaffMember", api.organisation.staff.keyworker.id),
        },
      });
      // The new episode is Kim's in the adult team: written, but outside the referrer's scope, so not shown back.
      expect(accepted(handover, "receiveReferral")).toEqual({ episode: null, userErrors: [] });

      const asKim = await api.keyworker.request<{ serviceUser: { episodes: { id: string }[] } }>(PERSON, { id: personId });
      expect(asKim.data?.serviceUser.episodes).toHaveLength(1);
      expect(asKim.data?.serviceUser.episodes[0]?.id).not.toBe(youngPeopleEpisode);
      const asYoungPeople = await api.youngPeopleKeyworker.request<{ serviceUser: { episodes: { id: string }[] } }>(PERSON, { id: personId });
      expect(asYoungPeople.data?.serviceUser.episodes).toEqual([{ id: youngPeopleEpisode }]);
      expect((await api.keyworker.request(EPISODE, { id: youngPeopleEpisode })).data).toEqual({ episode: null });
    });
  });
});
