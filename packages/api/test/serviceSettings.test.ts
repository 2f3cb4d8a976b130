import { DEFAULT_SERVICE_SETTINGS, type EpisodeStatus } from "@waymark/core";
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { refreshEpisodeSummary } from "../src/services/episodeSummary.js";
import { loadCatalogue } from "../src/services/referenceData.js";
import { describeEachDialect } from "./databases.js";
import type { GraphQLResult } from "./graphqlClient.js";
import { useSignedInServer } from "./signedInServer.js";

const SETTINGS_FIELDS = `dnaFollowUpWorkingDays disengagementConsecutiveDnas disengagementDaysWithoutContact topReviewIntervalMonths alignTopReviewsWithPlanReviews aftercareMonths bankHolidays updatedAt`;
const QUERY = `query { serviceSettings { ${SETTINGS_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateServiceSettingsInput!) { updateServiceSettings(input: $input) { serviceSettings { ${SETTINGS_FIELDS} } userErrors { code field } } }`;

type UpdateResult = GraphQLResult<{ updateServiceSettings: { serviceSettings: Record<string, unknown> | null; userErrors: { code: string; field: string }[] } }>;

const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code;

describeEachDialect("service settings", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["admin", "lead"] });

  const counts = async () => {
    const t = api.server.database.tables;
    return {
      settings: (await api.server.database.read.select().from(t.serviceSettings)).length,
      audit: (await api.server.database.read.select().from(t.auditEvents)).length,
    };
  };

  /** An episode with a missed appointment on Friday 30 May 2025, its derived columns worked out as a recording mutation would. */
  async function episodeWithMissedAppointment(status: EpisodeStatus): Promise<string> {
    const { database } = api.server;
    const t = database.tables;
    const now = api.server.clock.now();
    const serviceUserId = randomUUID();
    const episodeId = randomUUID();
    await database.write(async (tx) => {
      await tx.insert(t.serviceUsers).values({
        id: serviceUserId,
        pseudonym: randomUUID(),
        localReference: `REF-${serviceUserId.slice(0, 8)}`,
        firstName: "Sam",
        lastName: "Settings",
        dateOfBirth: "1980-01-01",
        sex: "NOT_STATED",
        ethnicity: "NOT_STATED",
        consentToNationalReporting: "YES",
        consentToShareWithGp: "YES",
        childUnder5InHousehold: false,
        pregnant: false,
        isCarer: false,
        accommodationNeed: "NO_PROBLEM",
        registeredTeamId: api.organisation.adultTeamId,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(t.episodes).values({
        id: episodeId,
        serviceUserId,
        teamId: api.organisation.adultTeamId,
        keyworkerId: api.organisation.staff.keyworker.id,
        status,
        referralDate: "2025-05-01",
        referralSource: "SELF",
        referralReason: "Alcohol use",
        referralUrgency: "ROUTINE",
        dischargeDate: status === "CLOSED" ? "2025-05-31" : null,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(t.contacts).values({
        id: randomUUID(),
        episodeId,
        date: "2025-05-30",
        kind: "APPOINTMENT",
        outcome: "DID_NOT_ATTEND",
        staffId: api.organisation.staff.keyworker.id,
        createdAt: now,
        updatedAt: now,
      });
      await refreshEpisodeSummary(tx, t, episodeId, api.server.clock.today(), await loadCatalogue(tx, t), DEFAULT_SERVICE_SETTINGS);
    });
    return episodeId;
  }

  async function followUpDueBy(episodeId: string): Promise<string | null> {
    const t = api.server.database.tables;
    const [row] = await api.server.database.read.select({ due: t.episodes.dnaFollowUpDueBy }).from(t.episodes).where(eq(t.episodes.id, episodeId));
    return row?.due ?? null;
  }

  it("shows the defaults to admins and team leads, and refuses practitioners and analysts", async () => {
    for (const client of [api.admin, api.lead]) {
      const result = await client.request<{ serviceSettings: Record<string, unknown> }>(QUERY);
      expect(result.data?.serviceSettings).toEqual({ ...DEFAULT_SERVICE_SETTINGS, bankHolidays: [], updatedAt: null });
    }
    for (const role of ["keyworker", "analyst"] as const) {
      const client = await api.signIn(role);
      expect(codeOf(await client.request(QUERY))).toBe("FORBIDDEN");
    }
  });

  it("refuses values outside their ranges, naming each field, and writes nothing", async () => {
    const before = await counts();
    const low: UpdateResult = await api.admin.request(UPDATE, {
      input: { dnaFollowUpWorkingDays: 0, disengagementConsecutiveDnas: 0, disengagementDaysWithoutContact: 6, topReviewIntervalMonths: 0, aftercareMonths: 2 },
    });
    expect(low.data?.updateServiceSettings.serviceSettings).toBeNull();
    expect(low.data?.updateServiceSettings.userErrors).toEqual(
      ["dnaFollowUpWorkingDays", "disengagementConsecutiveDnas", "disengagementDaysWithoutContact", "topReviewIntervalMonths", "aftercareMonths"].map((field) => ({ code: "INVALID_VALUE", field })),
    );
    const high: UpdateResult = await api.admin.request(UPDATE, {
      input: { dnaFollowUpWorkingDays: 11, disengagementConsecutiveDnas: 11, disengagementDaysWithoutContact: 181, topReviewIntervalMonths: 13, aftercareMonths: 7 },
    });
    expect(high.data?.updateServiceSettings.userErrors).toHaveLength(5);
    expect(await counts()).toEqual(before);
  });

  it("refuses a bank holiday that is not a real date", async () => {
    const before = await counts();
    const result = await api.admin.request(UPDATE, { input: { bankHolidays: ["2025-12-25", "2025-02-30"] } });
    expect(codeOf(result)).toBe("BAD_USER_INPUT");
    expect(await counts()).toEqual(before);
  });

  it("refuses changes to anyone but an admin", async () => {
    const before = await counts();
    expect(codeOf(await api.lead.request(UPDATE, { input: { dnaFollowUpWorkingDays: 5 } }))).toBe("FORBIDDEN");
    expect(await counts()).toEqual(before);
  });

  it("saves the settings given, keeps the rest, sorts bank holidays without repeats and audits the change", async () => {
    const result: UpdateResult = await api.admin.request(UPDATE, {
      input: { disengagementDaysWithoutContact: 180, topReviewIntervalMonths: 12, aftercareMonths: 3, alignTopReviewsWithPlanReviews: true, bankHolidays: ["2025-12-26", "2025-12-25", "2025-12-26"] },
    });
    expect(result.data?.updateServiceSettings.userErrors).toEqual([]);
    const expected = {
      ...DEFAULT_SERVICE_SETTINGS,
      disengagementDaysWithoutContact: 180,
      topReviewIntervalMonths: 12,
      aftercareMonths: 3,
      alignTopReviewsWithPlanReviews: true,
      bankHolidays: ["2025-12-25", "2025-12-26"],
      updatedAt: "2025-06-02T12:00:00.000Z",
    };
    expect(result.data?.updateServiceSettings.serviceSettings).toEqual(expected);
    expect((await api.lead.request<{ serviceSettings: unknown }>(QUERY)).data?.serviceSettings).toEqual(expected);

    const t = api.server.database.tables;
    const [event] = await api.server.database.read.select().from(t.auditEvents).where(eq(t.auditEvents.recordType, "ServiceSettings"));
    expect(event).toMatchObject({ action: "UPDATE", actorId: api.organisation.staff.admin.id });
    expect(event?.detail).toEqual({
      changes: {
        disengagementDaysWithoutContact: { from: 28, to: 180 },
        topReviewIntervalMonths: { from: 6, to: 12 },
        aftercareMonths: { from: 6, to: 3 },
        alignTopReviewsWithPlanReviews: { from: false, to: true },
        bankHolidays: { from: [], to: ["2025-12-25", "2025-12-26"] },
      },
    });
  });

  it("recomputes the follow-up due date of open episodes under the new working days and bank holidays, leaving closed ones alone", async () => {
    const open = await episodeWithMissedAppointment("IN_TREATMENT");
    const closed = await episodeWithMissedAppointment("CLOSED");
    // Missed on Friday 30 May: two working days later is Tuesday 3 June.
    expect(await followUpDueBy(open)).toBe("2025-06-03");
    const closedBefore = await followUpDueBy(closed);

    const result: UpdateResult = await api.admin.request(UPDATE, { input: { dnaFollowUpWorkingDays: 3, bankHolidays: ["2025-06-02"] } });
    expect(result.data?.updateServiceSettings.userErrors).toEqual([]);
    // Monday 2 June is now a bank holiday: Tuesday, Wednesday, Thursday.
    expect(await followUpDueBy(open)).toBe("2025-06-05");
    expect(await followUpDueBy(closed)).toBe(closedBefore);
  });

  it("flags the caseload under a changed threshold from the next page on", async () => {
    const episodeId = await episodeWithMissedAppointment("IN_TREATMENT");
    const flagsOfEpisode = async () => {
      const page = await api.lead.request<{ caseload: { edges: { node: { episode: { id: string }; flags: string[] } }[] } }>(
        `query { caseload(scope: TEAM, first: 100) { edges { node { episode { id } flags } } } }`,
      );
      return page.data?.caseload.edges.find((edge) => edge.node.episode.id === toGlobalId("Episode", episodeId))?.node.flags;
    };
    // Referred on 1 May with one missed appointment since: quiet for 32 days, under 60, and one miss of three.
    const quiet: UpdateResult = await api.admin.request(UPDATE, { input: { disengagementDaysWithoutContact: 60, disengagementConsecutiveDnas: 3 } });
    expect(quiet.data?.updateServiceSettings.userErrors).toEqual([]);
    expect(await flagsOfEpisode()).not.toContain("DISENGAGING");
    const stricter: UpdateResult = await api.admin.request(UPDATE, { input: { disengagementConsecutiveDnas: 1 } });
    expect(stricter.data?.updateServiceSettings.userErrors).toEqual([]);
    expect(await flagsOfEpisode()).toContain("DISENGAGING");
  });

  it("accepts the edges of every range", async () => {
    const lowest: UpdateResult = await api.admin.request(UPDATE, {
      input: { dnaFollowUpWorkingDays: 1, disengagementConsecutiveDnas: 1, disengagementDaysWithoutContact: 7, topReviewIntervalMonths: 1, aftercareMonths: 3 },
    });
    expect(lowest.data?.updateServiceSettings.userErrors).toEqual([]);
    const highest: UpdateResult = await api.admin.request(UPDATE, {
      input: { dnaFollowUpWorkingDays: 10, disengagementConsecutiveDnas: 10, disengagementDaysWithoutContact: 180, topReviewIntervalMonths: 12, aftercareMonths: 6 },
    });
    expect(highest.data?.updateServiceSettings.serviceSettings).toMatchObject({
      dnaFollowUpWorkingDays: 10,
      disengagementConsecutiveDnas: 10,
      disengagementDaysWithoutContact: 180,
      topReviewIntervalMonths: 12,
      aftercareMonths: 6,
    });
  });
});
