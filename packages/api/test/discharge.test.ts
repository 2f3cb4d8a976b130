import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import { buildEpisode, type EpisodeSpec } from "./episodeBuilder.js";
import { auditEventsFor, codesOf, DISCHARGE_EPISODE, dischargeEpisode, END_INTERVENTION, errorCodeOf, type DischargePayload } from "./recordOperations.js";
import { useSignedInServer } from "./signedInServer.js";

/** An alcohol client in treatment: withdrawal and counselling still running, motivational work already ended. */
const ALCOHOL_CLIENT: EpisodeSpec = {
  status: "IN_TREATMENT",
  substances: ["ALCOHOL"],
  interventions: [
    { code: "MOTIVATIONAL_INTERVENTIONS", startDate: "2025-02-03", endDate: "2025-03-03" },
    { code: "ALCOHOL_WITHDRAWAL", startDate: "2025-02-10" },
    { code: "COUNSELLING", startDate: "2025-03-10" },
  ],
};

/** A heroin client still on methadone. */
const ON_METHADONE: EpisodeSpec = { status: "IN_TREATMENT", substances: ["HEROIN"], interventions: [{ code: "OST_METHADONE", startDate: "2025-02-03" }] };

const EXIT_TOP = `mutation RecordOutcome($input: RecordOutcomeInput!) { recordOutcome(input: $input) { userErrors { code field } } }`;
const SUBSTANCES = ["ALCOHOL", "OPIATES", "CRACK", "COCAINE", "AMPHETAMINES", "CANNABIS", "OTHER", "TOBACCO"];

describeEachDialect("discharge", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker"] });

  async function stored(episodeId: string) {
    const t = api.server.database.tables;
    const [episode] = await api.server.database.read.select().from(t.episodes).where(eq(t.episodes.id, episodeId));
    const interventions = await api.server.database.read.select().from(t.interventions).where(eq(t.interventions.episodeId, episodeId));
    return { episode: episode!, interventions };
  }

  it("R-DIS-1: a discharge without a reason is refused (DISCHARGE_REASON_REQUIRED) and nothing is written", async () => {
    const built = await buildEpisode(api.server, api.organisation, ALCOHOL_CLIENT);
    const before = await stored(built.episodeId);
    const payload = await dischargeEpisode(api.keyworker, { episodeId: built.episodeGlobalId, dischargeDate: "2025-05-30" });
    expect(payload.episode).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "DISCHARGE_REASON_REQUIRED", field: "reason" })]);
    expect(await stored(built.episodeId)).toEqual(before);
  });

  it("R-DIS-1: a planned completion closes the episode's running interventions at the discharge date and warns that the EXIT TOP is owed", async () => {
    const built = await buildEpisode(api.server, api.organisation, ALCOHOL_CLIENT);
    const payload = await dischargeEpisode(api.keyworker, { episodeId: built.episodeGlobalId, reason: "COMPLETED_ALCOHOL_FREE", dischargeDate: "2025-05-30", version: 1 });
    expect(payload.userErrors).toEqual([]);
    expect(payload.episode).toMatchObject({ status: "COMPLETED", dischargeDate: "2025-05-30", dischargeReason: "COMPLETED_ALCOHOL_FREE", version: 2 });
    expect(payload.closedInterventions.map((closed) => [closed.catalogueItemCode, closed.endDate]).sort()).toEqual([
      ["ALCOHOL_WITHDRAWAL", "2025-05-30"],
      ["COUNSELLING", "2025-05-30"],
    ]);
    expect(payload.postTreatmentPhaseOpens).toBe(true);
    expect(payload.exitTopMissing).toBe(true);
    expect(payload.exitTopDeadline).not.toBeNull();
    expect(payload.exitTopWarning).toMatch(/EXIT TOP/);
    const { interventions } = await stored(built.episodeId);
    expect(interventions.map((intervention) => intervention.endDate).sort()).toEqual(["2025-03-03", "2025-05-30", "2025-05-30"]);
    const audit = await auditEventsFor(api.server, built.episodeId);
    expect(audit).toContainEqual(expect.objectContaining({ action: "UPDATE", recordType: "Episode", serviceUserId: built.serviceUserId }));
  });

  it("R-DIS-1: with an EXIT TOP recorded, the discharge owes nothing", async () => {
    const built = await buildEpisode(api.server, api.organisation, ALCOHOL_CLIENT);
    const answers = Object.fromEntries(SUBSTANCES.map((code) => [code, { days: 0 }]));
    const top = await api.keyworker.request<{ recordOutcome: { userErrors: unknown[] } }>(EXIT_TOP, {
      input: {
        episodeId: built.episodeGlobalId,
        stage: "EXIT",
        date: "2025-05-29",
        substanceUse: answers,
        injecting: { days: 0, sharedNeedles: false, sharedOtherEquipment: false },
        crime: { shoplifting: 0, drugSelling: 0, otherTheft: 0, assaultViolence: 0 },
        health: { psychologicalHealth: 15, physicalHealth: 14, qualityOfLife: 16, paidWorkDays: 12, educationDays: 0, acuteHousingProblem: false, atRiskOfEviction: false },
      },
    });
    expect(top.data?.recordOutcome.userErrors).toEqual([]);
    const payload = await dischargeEpisode(api.keyworker, { episodeId: built.episodeGlobalId, reason: "COMPLETED_ALCOHOL_FREE", dischargeDate: "2025-05-30" });
    expect(payload).toMatchObject({ exitTopMissing: false, exitTopWarning: null, userErrors: [] });
  });

  it("R-DIS-2: an opiate client cannot leave as completed while still prescribed (COMPLETION_WHILE_PRESCRIBED); once the prescription ends, they can", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE);
    const before = await stored(built.episodeId);
    const refused = await dischargeEpisode(api.keyworker, { episodeId: built.episodeGlobalId, reason: "COMPLETED_DRUG_FREE", dischargeDate: "2025-05-30" });
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: "COMPLETION_WHILE_PRESCRIBED", field: "reason" })]);
    expect(await stored(built.episodeId)).toEqual(before);

    const ended = await api.keyworker.request<{ endIntervention: { userErrors: unknown[] } }>(END_INTERVENTION, {
      input: { id: toGlobalId("Intervention", built.interventionIds[0]!), endDate: "2025-05-16" },
    });
    expect(ended.data?.endIntervention.userErrors).toEqual([]);
    const accepted = await dischargeEpisode(api.keyworker, { episodeId: built.episodeGlobalId, reason: "COMPLETED_DRUG_FREE", dischargeDate: "2025-05-30" });
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.episode?.status).toBe("COMPLETED");
  });

  it("R-DIS-2 applies to completions only: an opiate client on methadone may transfer, and the prescription closes at the discharge date", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE);
    const payload = await dischargeEpisode(api.keyworker, { episodeId: built.episodeGlobalId, reason: "TRANSFERRED_NOT_IN_CUSTODY", dischargeDate: "2025-05-30" });
    expect(payload.userErrors).toEqual([]);
    expect(payload.episode?.status).toBe("CLOSED");
    expect(payload.postTreatmentPhaseOpens).toBe(false);
    expect(payload.closedInterventions).toEqual([expect.objectContaining({ catalogueItemCode: "OST_METHADONE", endDate: "2025-05-30" })]);
  });

  it("an unplanned exit closes the episode", async () => {
    const built = await buildEpisode(api.server, api.organisation, ALCOHOL_CLIENT);
    const payload = await dischargeEpisode(api.keyworker, { episodeId: built.episodeGlobalId, reason: "DROPPED_OUT", dischargeDate: "2025-05-30" });
    expect(payload.episode).toMatchObject({ status: "CLOSED", dischargeReason: "DROPPED_OUT" });
  });

  it("before treatment began nothing can be completed (TRANSITION_NOT_ALLOWED), but the episode may close as not started", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "ASSESSED" });
    const completion = await dischargeEpisode(api.keyworker, { episodeId: built.episodeGlobalId, reason: "COMPLETED_DRUG_FREE", dischargeDate: "2025-05-30" });
    expect(codesOf(completion.userErrors)).toEqual(["TRANSITION_NOT_ALLOWED"]);
    const declined = await dischargeEpisode(api.keyworker, { episodeId: built.episodeGlobalId, reason: "COMMENCEMENT_DECLINED", dischargeDate: "2025-05-30" });
    expect(declined.userErrors).toEqual([]);
    expect(declined).toMatchObject({ episode: { status: "CLOSED" }, exitTopMissing: false, exitTopWarning: null });
  });

  it("R-DATE-1: a discharge date in the future, or before an intervention started, is refused (INVALID_DATE)", async () => {
    const built = await buildEpisode(api.server, api.organisation, ALCOHOL_CLIENT);
    const future = await dischargeEpisode(api.keyworker, { episodeId: built.episodeGlobalId, reason: "DROPPED_OUT", dischargeDate: "2025-06-03" });
    expect(future.userErrors).toEqual([expect.objectContaining({ code: "INVALID_DATE", field: "dischargeDate" })]);
    const early = await dischargeEpisode(api.keyworker, { episodeId: built.episodeGlobalId, reason: "DROPPED_OUT", dischargeDate: "2025-03-01" });
    expect(early.userErrors).toEqual([expect.objectContaining({ code: "INVALID_DATE", field: "dischargeDate" })]);
  });

  it("a discharge based on a stale version of the episode is refused (STALE_VERSION)", async () => {
    const built = await buildEpisode(api.server, api.organisation, ALCOHOL_CLIENT);
    const payload = await dischargeEpisode(api.keyworker, { episodeId: built.episodeGlobalId, reason: "DROPPED_OUT", dischargeDate: "2025-05-30", version: 5 });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "STALE_VERSION" })]);
  });

  it("two discharges of one episode at the same moment: exactly one succeeds, the other is refused because the episode has closed", async () => {
    const built = await buildEpisode(api.server, api.organisation, ALCOHOL_CLIENT);
    const lead = await api.signIn("lead");
    const [fromKeyworker, fromLead] = await Promise.all([
      api.keyworker.request<{ dischargeEpisode: DischargePayload }>(DISCHARGE_EPISODE, { input: { episodeId: built.episodeGlobalId, reason: "COMPLETED_ALCOHOL_FREE", dischargeDate: "2025-05-30" } }),
      lead.request<{ dischargeEpisode: DischargePayload }>(DISCHARGE_EPISODE, { input: { episodeId: built.episodeGlobalId, reason: "DROPPED_OUT", dischargeDate: "2025-05-29" } }),
    ]);
    const payloads = [fromKeyworker.data!.dischargeEpisode, fromLead.data!.dischargeEpisode];
    const succeeded = payloads.filter((payload) => payload.userErrors.length === 0);
    const refused = payloads.filter((payload) => payload.userErrors.length > 0);
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(codesOf(refused[0]!.userErrors)).toEqual(["TRANSITION_NOT_ALLOWED"]);
    const { episode, interventions } = await stored(built.episodeId);
    expect(episode.version).toBe(2);
    expect(episode.dischargeReason).toBe(succeeded[0]!.episode!.dischargeReason);
    expect(interventions.filter((intervention) => intervention.version > 1)).toHaveLength(2);
    const discharges = (await auditEventsFor(api.server, built.episodeId)).filter((event) => event.action === "UPDATE");
    expect(discharges).toHaveLength(1);
  });

  it("an episode outside your caseload is not found; an admin is forbidden", async () => {
    const built = await buildEpisode(api.server, api.organisation, ALCOHOL_CLIENT);
    const input = { episodeId: built.episodeGlobalId, reason: "DROPPED_OUT", dischargeDate: "2025-05-30" };
    const other = await api.signIn("youngPeopleKeyworker");
    expect(errorCodeOf(await other.request(DISCHARGE_EPISODE, { input }))).toBe("NOT_FOUND");
    const admin = await api.signIn("admin");
    expect(errorCodeOf(await admin.request(DISCHARGE_EPISODE, { input }))).toBe("FORBIDDEN");
    expect((await stored(built.episodeId)).episode.status).toBe("IN_TREATMENT");
  });
});
