import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { localIdOf, toGlobalId } from "../src/graphql/globalId.js";
import { createStaffAccount } from "../src/services/staffAccounts.js";
import { describeEachDialect } from "./databases.js";
import { PASSWORD } from "./fixtures.js";
import {
  accepted,
  errorCode,
  fullRisk,
  RECEIVE_REFERRAL,
  RECORD_TRIAGE,
  refer,
  referral,
  refused,
  registerPerson,
  rowCounts,
  triageInput,
  YOUNG_DOB,
} from "./journeySteps.js";
import { useSignedInServer } from "./signedInServer.js";

const EPISODE_STATE = `query Episode($id: ID!) {
  episode(id: $id) {
    status version triageDate injectingStatus cohort
    keyworker { name }
    problemSubstances { rank substance }
    assessments { totalCount }
    recoveryPlans { totalCount edges { node { kind startDate goals { description status } personalBudget { allocatedPence spentPence } } } }
    suicideRisk { flagged factors assessedOn }
    serviceUser { flags { suicideRisk { flagged factors } } }
  }
}`;

const REASSIGN = `mutation Reassign($input: ReassignKeyworkerInput!) {
  reassignKeyworker(input: $input) { episode { id version keyworker { name } } userErrors { code field message } }
}`;

describeEachDialect("receiving referrals and triage", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker", "lead"] });
  let youngPeopleLead: { id: string; email: string };
  const staffId = (id: string) => toGlobalId("StaffMember", id);

  beforeAll(async () => {
    youngPeopleLead = await api.server.database.write(async (tx) => ({
      id: await createStaffAccount(tx, api.server.database.tables, { name: "Yara Lead", email: "yara@example.org", roles: ["TEAM_LEAD"], teamIds: [api.organisation.youngPeopleTeamId], password: PASSWORD }, new Date()),
      email: "yara@example.org",
    }));
  });

  const referralInput = (serviceUserId: string, extra: Record<string, unknown> = {}) => ({
    serviceUserId,
    teamId: toGlobalId("Team", api.organisation.adultTeamId),
    referral: referral(),
    ...extra,
  });

  describe("receiveReferral", () => {
    it("opens an episode REFERRED with its referral, keyworker and team, and audits the creation", async () => {
      const person = await registerPerson(api.keyworker);
      const result = await api.keyworker.request<{ receiveReferral: { episode: { id: string; status: string; referral: object; keyworker: { name: string }; team: { name: string }; ageBandOverride: null } } }>(
        RECEIVE_REFERRAL,
        { input: referralInput(person, { keyworkerId: staffId(api.organisation.staff.keyworker.id) }) },
      );
      const { episode } = accepted(result, "receiveReferral");
      expect(episode).toMatchObject({
        status: "REFERRED",
        referral: { receivedDate: "2025-05-01", source: "GP", reason: "Daily heroin use, wants help", urgency: "ROUTINE" },
        keyworker: { name: "Kim Keyworker" },
        team: { name: "Adult community team" },
        ageBandOverride: null,
      });
      const t = api.server.database.tables;
      const events = await api.server.database.read.select().from(t.auditEvents).where(eq(t.auditEvents.action, "CREATE"));
      expect(events.some((event) => event.recordType === "Episode" && event.actorId === api.organisation.staff.keyworker.id)).toBe(true);
    });

    it("R-ELIG-1: refuses a 20-year-old for the adult team (25+) with OUTSIDE_TEAM_AGE_BAND, writing nothing", async () => {
      const person = await registerPerson(api.keyworker, { dateOfBirth: YOUNG_DOB });
      const before = await rowCounts(api.server);
      const errors = refused(await api.keyworker.request(RECEIVE_REFERRAL, { input: referralInput(person) }), "receiveReferral");
      expect(errors).toEqual([expect.objectContaining({ code: "OUTSIDE_TEAM_AGE_BAND", field: "teamId" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("R-ELIG-1: refuses a practitioner's age-band override, writing nothing", async () => {
      const person = await registerPerson(api.keyworker, { dateOfBirth: YOUNG_DOB });
      const before = await rowCounts(api.server);
      const errors = refused(
        await api.keyworker.request(RECEIVE_REFERRAL, { input: referralInput(person, { ageBandOverride: { reason: "Sibling already with the adult team" } }) }),
        "receiveReferral",
      );
      expect(errors).toEqual([expect.objectContaining({ code: "OUTSIDE_TEAM_AGE_BAND", field: "ageBandOverride" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("R-ELIG-1: accepts the team lead's override with a reason and records who approved it", async () => {
      const person = await registerPerson(api.keyworker, { dateOfBirth: YOUNG_DOB });
      const result = await api.lead.request<{ receiveReferral: { episode: { status: string; ageBandOverride: { reason: string; approvedBy: { name: string } } } } }>(RECEIVE_REFERRAL, {
        input: referralInput(person, { ageBandOverride: { reason: "Parent of two, adult-focused support fits better" } }),
      });
      expect(accepted(result, "receiveReferral").episode).toMatchObject({
        status: "REFERRED",
        ageBandOverride: { reason: "Parent of two, adult-focused support fits better", approvedBy: { name: "Lee Lead" } },
      });
    });

    it("R-ELIG-1: a lead of another team cannot override this team's age band", async () => {
      const otherLead = await api.server.client().login(youngPeopleLead.email, PASSWORD);
      const person = await registerPerson(otherLead, { dateOfBirth: YOUNG_DOB });
      const before = await rowCounts(api.server);
      const errors = refused(
        await otherLead.request(RECEIVE_REFERRAL, { input: referralInput(person, { ageBandOverride: { reason: "Accepting on the adult team's behalf" } }) }),
        "receiveReferral",
      );
      expect(errors).toEqual([expect.objectContaining({ code: "OUTSIDE_TEAM_AGE_BAND", field: "ageBandOverride" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("R-ELIG-2: refuses a second referral while an episode is open with EPISODE_ALREADY_OPEN, writing nothing", async () => {
      const person = await registerPerson(api.keyworker);
      await refer(api.keyworker, person, api.organisation.adultTeamId);
      const before = await rowCounts(api.server);
      const errors = refused(await api.keyworker.request(RECEIVE_REFERRAL, { input: referralInput(person) }), "receiveReferral");
      expect(errors).toEqual([expect.objectContaining({ code: "EPISODE_ALREADY_OPEN", field: "serviceUserId" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("R-DATE-1: refuses a referral dated in the future or before the person's birth with INVALID_DATE, writing nothing", async () => {
      const person = await registerPerson(api.keyworker);
      const before = await rowCounts(api.server);
      for (const receivedDate of ["2025-06-03", "1980-01-01"]) {
        const errors = refused(await api.keyworker.request(RECEIVE_REFERRAL, { input: referralInput(person, { referral: referral({ receivedDate }) }) }), "receiveReferral");
        expect(errors).toContainEqual(expect.objectContaining({ code: "INVALID_DATE", field: "referral.receivedDate" }));
      }
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("refuses a keyworker from another team with INVALID_VALUE on keyworkerId, writing nothing", async () => {
      const person = await registerPerson(api.keyworker);
      const before = await rowCounts(api.server);
      const errors = refused(
        await api.keyworker.request(RECEIVE_REFERRAL, { input: referralInput(person, { keyworkerId: staffId(api.organisation.staff.youngPeopleKeyworker.id) }) }),
        "receiveReferral",
      );
      expect(errors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "keyworkerId" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("refuses a referral reason over 2000 characters with TOO_LONG, writing nothing", async () => {
      const person = await registerPerson(api.keyworker);
      const before = await rowCounts(api.server);
      const errors = refused(await api.keyworker.request(RECEIVE_REFERRAL, { input: referralInput(person, { referral: referral({ reason: "x".repeat(2001) }) }) }), "receiveReferral");
      expect(errors).toEqual([expect.objectContaining({ code: "TOO_LONG", field: "referral.reason" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("answers malformed input (a date that does not exist, an unknown source) with a GraphQL error naming the field", async () => {
      const person = await registerPerson(api.keyworker);
      const badDate = await api.keyworker.request(RECEIVE_REFERRAL, { input: referralInput(person, { referral: referral({ receivedDate: "2025-02-30" }) }) });
      expect(errorCode(badDate)).toBe("BAD_USER_INPUT");
      expect(badDate.errors?.[0]?.message).toContain("referral.receivedDate");
      const badSource = await api.keyworker.request(RECEIVE_REFERRAL, { input: referralInput(person, { referral: referral({ source: "CARRIER_PIGEON" }) }) });
      expect(errorCode(badSource)).toBe("BAD_USER_INPUT");
      expect(badSource.errors?.[0]?.message).toContain("referral.source");
      expect(badSource.data).toBeNull();
    });

    it("is FORBIDDEN to an analyst and to an admin without a clinical role", async () => {
      const person = await registerPerson(api.keyworker);
      for (const member of [api.organisation.staff.analyst, api.organisation.staff.admin]) {
        const client = await api.server.client().login(member.email, PASSWORD);
        expect(errorCode(await client.request(RECEIVE_REFERRAL, { input: referralInput(person) }))).toBe("FORBIDDEN");
      }
    });
  });

  describe("recordTriage", () => {
    async function referredEpisode(): Promise<string> {
      const person = await registerPerson(api.keyworker);
      return refer(api.keyworker, person, api.organisation.adultTeamId, { keyworkerId: staffId(api.organisation.staff.keyworker.id) });
    }

    it("moves the episode to TRIAGED with its substances, injecting status, cohort and interim plan", async () => {
      const episodeId = await referredEpisode();
      const input = triageInput(episodeId, {
        problemSubstances: [
          { rank: 1, substance: "HEROIN", route: "INJECT", ageOfFirstUse: 19 },
          { rank: 2, substance: "CRACK", route: "SMOKE", ageOfFirstUse: null },
        ],
        interimPlan: { startDate: "2025-05-06", goals: [{ domain: "SUBSTANCE_USE", description: "Get a script started" }], agreedWithServiceUser: true },
      });
      const { episode, assessment } = accepted<{ episode: Record<string, unknown>; assessment: { kind: string; date: string } }>(
        await api.keyworker.request(RECORD_TRIAGE, { input }),
        "recordTriage",
      );
      expect(assessment).toMatchObject({ kind: "TRIAGE", date: "2025-05-06" });
      expect(episode).toMatchObject({
        status: "TRIAGED",
        triageDate: "2025-05-06",
        injectingStatus: "PREVIOUSLY",
        cohort: "OPIATE",
        problemSubstances: [
          { rank: 1, substance: "HEROIN", route: "INJECT", ageOfFirstUse: 19 },
          { rank: 2, substance: "CRACK", route: "SMOKE", ageOfFirstUse: null },
        ],
        recoveryPlans: { totalCount: 1, edges: [{ node: { kind: "INTERIM" } }] },
      });
    });

    it("R-RISK-1: refuses a triage without a risk assessment with RISK_ASSESSMENT_REQUIRED, writing nothing", async () => {
      const episodeId = await referredEpisode();
      const before = await rowCounts(api.server);
      const errors = refused(await api.keyworker.request(RECORD_TRIAGE, { input: triageInput(episodeId, { risk: null }) }), "recordTriage");
      expect(errors).toEqual([expect.objectContaining({ code: "RISK_ASSESSMENT_REQUIRED", field: "risk" })]);
      expect(await rowCounts(api.server)).toEqual(before);
      const state = await api.keyworker.request<{ episode: { status: string; problemSubstances: unknown[]; assessments: { totalCount: number } } }>(EPISODE_STATE, { id: episodeId });
      expect(state.data?.episode).toMatchObject({ status: "REFERRED", problemSubstances: [], assessments: { totalCount: 0 } });
    });

    it("R-RISK-1, R-RISK-2: names each unanswered risk and suicide-factor question", async () => {
      const episodeId = await referredEpisode();
      const risk = fullRisk({ overdose: null, suicideFactors: { bereavement: true, relationshipBreakdown: false, domesticOrSexualAbuseHistory: null, isCarer: false } });
      const errors = refused(await api.keyworker.request(RECORD_TRIAGE, { input: triageInput(episodeId, { risk }) }), "recordTriage");
      expect(errors.map((error) => [error.code, error.field])).toEqual([
        ["RISK_ASSESSMENT_REQUIRED", "risk.overdose"],
        ["RISK_ASSESSMENT_REQUIRED", "risk.suicideFactors.domesticOrSexualAbuseHistory"],
      ]);
    });

    it("R-DATE-1: refuses a triage dated before the referral with INVALID_DATE, writing nothing", async () => {
      const episodeId = await referredEpisode();
      const before = await rowCounts(api.server);
      const errors = refused(await api.keyworker.request(RECORD_TRIAGE, { input: triageInput(episodeId, { date: "2025-04-30" }) }), "recordTriage");
      expect(errors).toEqual([expect.objectContaining({ code: "INVALID_DATE", field: "date" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("refuses problem substances ranked with a gap, and a triage with no injecting status", async () => {
      const episodeId = await referredEpisode();
      const before = await rowCounts(api.server);
      const errors = refused(
        await api.keyworker.request(RECORD_TRIAGE, {
          input: triageInput(episodeId, { problemSubstances: [{ rank: 2, substance: "ALCOHOL" }], injectingStatus: null }),
        }),
        "recordTriage",
      );
      expect(errors.map((error) => [error.code, error.field])).toEqual([
        ["INVALID_VALUE", "problemSubstances"],
        ["REQUIRED", "injectingStatus"],
      ]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("refuses a second triage of the same episode", async () => {
      const episodeId = await referredEpisode();
      accepted(await api.keyworker.request(RECORD_TRIAGE, { input: triageInput(episodeId) }), "recordTriage");
      const errors = refused(await api.keyworker.request(RECORD_TRIAGE, { input: triageInput(episodeId) }), "recordTriage");
      expect(errors).toEqual([expect.objectContaining({ code: "TRANSITION_NOT_ALLOWED", field: "episodeId" })]);
    });

    it("R-PLAN-2: refuses the whole triage when its interim plan's budget lines exceed the allocation, writing nothing", async () => {
      const episodeId = await referredEpisode();
      const before = await rowCounts(api.server);
      const interimPlan = {
        startDate: "2025-05-06",
        goals: [{ domain: "HOUSING", description: "Keep my tenancy" }],
        agreedWithServiceUser: true,
        personalBudget: { allocatedPence: 10_000, lines: [{ item: "Gym pass", costPence: 6_000 }, { item: "Bus pass", costPence: 5_000 }] },
      };
      const errors = refused(await api.keyworker.request(RECORD_TRIAGE, { input: triageInput(episodeId, { interimPlan }) }), "recordTriage");
      expect(errors).toEqual([expect.objectContaining({ code: "BUDGET_EXCEEDED", field: "interimPlan.personalBudget.lines" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("R-DATE-1: refuses an interim plan goal targeted before the plan starts, naming the nested field", async () => {
      const episodeId = await referredEpisode();
      const interimPlan = { startDate: "2025-05-06", goals: [{ domain: "HOUSING", description: "Keep my tenancy", targetDate: "2025-05-01" }] };
      const errors = refused(await api.keyworker.request(RECORD_TRIAGE, { input: triageInput(episodeId, { interimPlan }) }), "recordTriage");
      expect(errors).toEqual([expect.objectContaining({ code: "INVALID_DATE", field: "interimPlan.goals.0.targetDate" })]);
    });

    it("R-RISK-2: a triage recording a suicide-risk factor raises the flag on the episode, the person and the caseload column", async () => {
      const episodeId = await referredEpisode();
      await api.keyworker.request(RECORD_TRIAGE, { input: triageInput(episodeId, { risk: fullRisk({}, { bereavement: true, isCarer: true }) }) });
      const state = await api.keyworker.request<{ episode: { suicideRisk: object; serviceUser: { flags: { suicideRisk: object } } } }>(EPISODE_STATE, { id: episodeId });
      expect(state.data?.episode.suicideRisk).toEqual({ flagged: true, factors: ["BEREAVEMENT", "IS_CARER"], assessedOn: "2025-05-06" });
      expect(state.data?.episode.serviceUser.flags.suicideRisk).toEqual({ flagged: true, factors: ["BEREAVEMENT", "IS_CARER"] });
      const t = api.server.database.tables;
      const [row] = await api.server.database.read.select({ suicideRisk: t.episodes.suicideRisk }).from(t.episodes).where(eq(t.episodes.id, localIdOf(episodeId, "Episode") ?? ""));
      expect(row?.suicideRisk).toBe(true);
    });

    it("a triage of an episode outside the viewer's scope is not found", async () => {
      const episodeId = await referredEpisode();
      const other = await api.signIn("youngPeopleKeyworker");
      const before = await rowCounts(api.server);
      expect(errorCode(await other.request(RECORD_TRIAGE, { input: triageInput(episodeId) }))).toBe("NOT_FOUND");
      expect(await rowCounts(api.server)).toEqual(before);
    });
  });

  describe("reassignKeyworker", () => {
    async function allocatedEpisode(): Promise<{ id: string; version: number }> {
      const person = await registerPerson(api.keyworker);
      const id = await refer(api.keyworker, person, api.organisation.adultTeamId, { keyworkerId: staffId(api.organisation.staff.keyworker.id) });
      const state = await api.keyworker.request<{ episode: { version: number } }>(EPISODE_STATE, { id });
      return { id, version: state.data?.episode.version ?? 0 };
    }

    it("lets the team lead allocate an episode of their team to another keyworker, audited", async () => {
      const episode = await allocatedEpisode();
      const result = await api.lead.request<{ reassignKeyworker: { episode: { keyworker: { name: string }; version: number } } }>(REASSIGN, {
        input: { episodeId: episode.id, keyworkerId: staffId(api.organisation.staff.otherKeyworker.id), version: episode.version },
      });
      expect(accepted(result, "reassignKeyworker").episode).toEqual(expect.objectContaining({ keyworker: { name: "Omar Other" }, version: episode.version + 1 }));
      const t = api.server.database.tables;
      const events = await api.server.database.read.select().from(t.auditEvents).where(and(eq(t.auditEvents.actorId, api.organisation.staff.lead.id), eq(t.auditEvents.action, "UPDATE")));
      expect(events).toContainEqual(
        expect.objectContaining({ recordType: "Episode", recordId: localIdOf(episode.id, "Episode"), detail: { keyworkerFrom: api.organisation.staff.keyworker.id, keyworkerTo: api.organisation.staff.otherKeyworker.id } }),
      );
    });

    it("is FORBIDDEN to a practitioner, even for their own episode", async () => {
      const episode = await allocatedEpisode();
      const result = await api.keyworker.request(REASSIGN, { input: { episodeId: episode.id, keyworkerId: staffId(api.organisation.staff.otherKeyworker.id) } });
      expect(errorCode(result)).toBe("FORBIDDEN");
    });

    it("answers not found to a lead of another team, who cannot see the episode", async () => {
      const episode = await allocatedEpisode();
      const otherLead = await api.server.client().login(youngPeopleLead.email, PASSWORD);
      const result = await otherLead.request(REASSIGN, { input: { episodeId: episode.id, keyworkerId: staffId(youngPeopleLead.id) } });
      expect(errorCode(result)).toBe("NOT_FOUND");
    });

    it("refuses a keyworker outside the episode's team, and a stale version, writing nothing", async () => {
      const episode = await allocatedEpisode();
      const before = await rowCounts(api.server);
      const outside = refused(
        await api.lead.request(REASSIGN, { input: { episodeId: episode.id, keyworkerId: staffId(api.organisation.staff.youngPeopleKeyworker.id) } }),
        "reassignKeyworker",
      );
      expect(outside).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "keyworkerId" })]);
      const stale = refused(
        await api.lead.request(REASSIGN, { input: { episodeId: episode.id, keyworkerId: staffId(api.organisation.staff.otherKeyworker.id), version: episode.version - 1 } }),
        "reassignKeyworker",
      );
      expect(stale).toEqual([expect.objectContaining({ code: "STALE_VERSION", field: "version" })]);
      expect(await rowCounts(api.server)).toEqual(before);
      const state = await api.lead.request<{ episode: { keyworker: { name: string } } }>(EPISODE_STATE, { id: episode.id });
      expect(state.data?.episode.keyworker).toEqual({ name: "Kim Keyworker" });
    });

    it("refuses an unknown staff ID as the keyworker", async () => {
      const episode = await allocatedEpisode();
      const errors = refused(await api.lead.request(REASSIGN, { input: { episodeId: episode.id, keyworkerId: staffId(randomUUID()) } }), "reassignKeyworker");
      expect(errors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "keyworkerId" })]);
    });
  });
});
