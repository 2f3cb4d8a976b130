import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import { buildEpisode } from "./episodeBuilder.js";
import { codesOf, errorCodeOf, recordContact, rowCount, type UserErrorShape } from "./recordOperations.js";
import { useSignedInServer } from "./signedInServer.js";

const SUBSTANCES = ["ALCOHOL", "OPIATES", "CRACK", "COCAINE", "AMPHETAMINES", "CANNABIS", "OTHER", "TOBACCO"];

/** A complete START TOP: every answer given, heroin use most days. */
function aTop(episodeId: string, overrides: Record<string, unknown> = {}) {
  return {
    episodeId,
    stage: "START",
    date: "2025-02-03",
    substanceUse: Object.fromEntries(SUBSTANCES.map((code) => [code, { days: code === "OPIATES" ? 24 : code === "TOBACCO" ? 28 : 0, typicalAmount: code === "OPIATES" ? "£20 bag" : null }])),
    injecting: { days: 0, sharedNeedles: false, sharedOtherEquipment: false },
    crime: { shoplifting: 3, drugSelling: 0, otherTheft: 0, assaultViolence: 0 },
    health: { psychologicalHealth: 8, physicalHealth: 10, qualityOfLife: 6, paidWorkDays: 0, educationDays: 0, acuteHousingProblem: false, atRiskOfEviction: true },
    ...overrides,
  };
}

const TOP_FIELDS = `id stage date notDisclosed version
  substanceUse { OPIATES { days typicalAmount } ALCOHOL { days } TOBACCO { days } }
  injecting { days sharedNeedles sharedOtherEquipment }
  crime { shoplifting }
  health { psychologicalHealth physicalHealth qualityOfLife atRiskOfEviction }
  outcomeStar { ALCOHOL_USE MONEY DRUG_USE }`;

const RECORD_OUTCOME = `mutation RecordOutcome($input: RecordOutcomeInput!) { recordOutcome(input: $input) { outcomeRecord { ${TOP_FIELDS} } userErrors { code field message } } }`;

interface TopShape {
  readonly stage: string;
  readonly notDisclosed: string[];
  readonly substanceUse: { OPIATES: { days: number | null; typicalAmount: string | null }; ALCOHOL: { days: number | null }; TOBACCO: { days: number | null } };
  readonly injecting: { days: number | null; sharedNeedles: boolean | null; sharedOtherEquipment: boolean | null };
  readonly health: { psychologicalHealth: number | null; qualityOfLife: number | null; atRiskOfEviction: boolean | null };
  readonly outcomeStar: Record<string, number | null> | null;
}

const RECORD_HARM_REDUCTION = `mutation RecordHarmReduction($input: RecordHarmReductionInput!) {
  recordHarmReduction(input: $input) { harmReductionRecord { id date naloxoneIssuedTo naloxoneTrainingGiven hepatitisBVaccination hepatitisCTest hivTest } userErrors { code field message } }
}`;

describeEachDialect("TOPs, contacts and harm reduction", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker"] });

  async function recordOutcome(input: Record<string, unknown>): Promise<{ outcomeRecord: TopShape | null; userErrors: UserErrorShape[] }> {
    const result = await api.keyworker.request<{ recordOutcome: { outcomeRecord: TopShape | null; userErrors: UserErrorShape[] } }>(RECORD_OUTCOME, { input });
    expect(result.errors).toBeUndefined();
    return result.data!.recordOutcome;
  }

  async function dnaState(episodeId: string) {
    const t = api.server.database.tables;
    const [row] = await api.server.database.read
      .select({ dnaFollowUpDueBy: t.episodes.dnaFollowUpDueBy, consecutiveDnas: t.episodes.consecutiveDnas, lastAttended: t.episodes.lastAttendedContactDate })
      .from(t.episodes)
      .where(eq(t.episodes.id, episodeId));
    return row!;
  }

  it("records a START TOP and reads every answer back", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const payload = await recordOutcome(aTop(built.episodeGlobalId, { outcomeStar: { ALCOHOL_USE: 4, MONEY: 6 } }));
    expect(payload.userErrors).toEqual([]);
    expect(payload.outcomeRecord).toMatchObject({
      stage: "START",
      notDisclosed: [],
      substanceUse: { OPIATES: { days: 24, typicalAmount: "£20 bag" }, ALCOHOL: { days: 0 }, TOBACCO: { days: 28 } },
      health: { psychologicalHealth: 8, qualityOfLife: 6, atRiskOfEviction: true },
      outcomeStar: { ALCOHOL_USE: 4, MONEY: 6, DRUG_USE: null },
    });
  });

  it("R-TOP-1: any answer may be marked not disclosed; it reads back as null and is listed in notDisclosed", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const top = aTop(built.episodeGlobalId, { notDisclosed: ["injecting.sharedNeedles", "health.qualityOfLife", "substanceUse.ALCOHOL.days"] });
    const payload = await recordOutcome({
      ...top,
      injecting: { days: 0, sharedOtherEquipment: false },
      health: { ...top.health, qualityOfLife: null },
      substanceUse: { ...top.substanceUse, ALCOHOL: { typicalAmount: null } },
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.outcomeRecord?.notDisclosed).toEqual(["substanceUse.ALCOHOL.days", "injecting.sharedNeedles", "health.qualityOfLife"]);
    expect(payload.outcomeRecord).toMatchObject({ injecting: { sharedNeedles: null }, health: { qualityOfLife: null }, substanceUse: { ALCOHOL: { days: null } } });
  });

  it("R-TOP-1: a score of 21 is refused (TOP_VALUE_OUT_OF_RANGE) naming the field, and nothing is written", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const before = await rowCount(api.server, (t) => t.outcomeRecords);
    const top = aTop(built.episodeGlobalId);
    const payload = await recordOutcome({ ...top, health: { ...top.health, psychologicalHealth: 21 } });
    expect(payload.outcomeRecord).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "TOP_VALUE_OUT_OF_RANGE", field: "health.psychologicalHealth" })]);
    expect(await rowCount(api.server, (t) => t.outcomeRecords)).toBe(before);
  });

  it("R-TOP-1: days above 28 or below 0, and an Outcome Star score above 10, are refused by field", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const top = aTop(built.episodeGlobalId);
    const payload = await recordOutcome({
      ...top,
      substanceUse: { ...top.substanceUse, CRACK: { days: 29 } },
      crime: { ...top.crime, shoplifting: -1 },
      outcomeStar: { MONEY: 11 },
    });
    expect(payload.userErrors.map((error) => [error.code, error.field])).toEqual([
      ["TOP_VALUE_OUT_OF_RANGE", "substanceUse.CRACK.days"],
      ["TOP_VALUE_OUT_OF_RANGE", "crime.shoplifting"],
      ["TOP_VALUE_OUT_OF_RANGE", "outcomeStar.MONEY"],
    ]);
  });

  it("R-TOP-1: an answer left out without being marked not disclosed is refused, so a forgotten question never passes as withheld", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const top = aTop(built.episodeGlobalId);
    const payload = await recordOutcome({ ...top, injecting: { days: 0, sharedNeedles: false } });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "TOP_VALUE_OUT_OF_RANGE", field: "injecting.sharedOtherEquipment" })]);
  });

  it("an answer both given and marked not disclosed, or an unknown path, is refused (INVALID_VALUE)", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const payload = await recordOutcome(aTop(built.episodeGlobalId, { notDisclosed: ["health.physicalHealth", "health.mood"] }));
    expect(payload.userErrors.map((error) => [error.code, error.field])).toEqual([
      ["INVALID_VALUE", "notDisclosed.1"],
      ["INVALID_VALUE", "health.physicalHealth"],
    ]);
  });

  it("a TOP before structured treatment began is refused (TRANSITION_NOT_ALLOWED); a future date is INVALID_DATE", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "ASSESSED" });
    const early = await recordOutcome(aTop(built.episodeGlobalId));
    expect(early.userErrors).toEqual([expect.objectContaining({ code: "TRANSITION_NOT_ALLOWED", field: "stage" })]);
    const treated = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const future = await recordOutcome(aTop(treated.episodeGlobalId, { date: "2025-06-03" }));
    expect(future.userErrors).toEqual([expect.objectContaining({ code: "INVALID_DATE", field: "date" })]);
  });

  it("a TOP of someone outside your caseload is not found", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const other = await api.signIn("otherKeyworker");
    expect(errorCodeOf(await other.request(RECORD_OUTCOME, { input: aTop(built.episodeGlobalId) }))).toBe("NOT_FOUND");
  });

  it("records an attended contact and reads it back with the staff member", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const payload = await recordContact(api.keyworker, { episodeId: built.episodeGlobalId, date: "2025-05-20", time: "14:30", notes: "Reviewed goals" });
    expect(payload.userErrors).toEqual([]);
    expect(payload.contact).toMatchObject({ date: "2025-05-20", time: "14:30", kind: "APPOINTMENT", outcome: "ATTENDED", staff: { name: "Kim Keyworker" } });
    expect((await dnaState(built.episodeId)).lastAttended).toBe("2025-05-20");
  });

  it("R-DNA-1: a did-not-attend makes a follow-up due within 2 working days; a phone follow-up clears it", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    // Friday 30 May 2025: two working days on is Tuesday 3 June.
    const missed = await recordContact(api.keyworker, { episodeId: built.episodeGlobalId, date: "2025-05-30", outcome: "DID_NOT_ATTEND" });
    expect(missed.userErrors).toEqual([]);
    expect((await dnaState(built.episodeId)).dnaFollowUpDueBy).toBe("2025-06-03");
    await recordContact(api.keyworker, { episodeId: built.episodeGlobalId, date: "2025-06-02", kind: "PHONE", outcome: "ATTENDED" });
    expect((await dnaState(built.episodeId)).dnaFollowUpDueBy).toBeNull();
  });

  it("R-DNA-2: three consecutive did-not-attends are counted for the disengaging flag", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    for (const date of ["2025-05-12", "2025-05-19", "2025-05-26"]) {
      expect((await recordContact(api.keyworker, { episodeId: built.episodeGlobalId, date, outcome: "DID_NOT_ATTEND" })).userErrors).toEqual([]);
    }
    expect((await dnaState(built.episodeId)).consecutiveDnas).toBe(3);
  });

  it("R-DATE-1: a contact in the future is refused; a time must be HH:MM; a closed episode takes no contacts", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const before = await rowCount(api.server, (t) => t.contacts);
    expect((await recordContact(api.keyworker, { episodeId: built.episodeGlobalId, date: "2025-06-05" })).userErrors).toEqual([expect.objectContaining({ code: "INVALID_DATE", field: "date" })]);
    expect((await recordContact(api.keyworker, { episodeId: built.episodeGlobalId, date: "2025-05-05", time: "25:00" })).userErrors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "time" })]);
    const closed = await buildEpisode(api.server, api.organisation, { status: "CLOSED", dischargeDate: "2025-04-01" });
    expect(codesOf((await recordContact(api.keyworker, { episodeId: closed.episodeGlobalId, date: "2025-05-05" })).userErrors)).toEqual(["TRANSITION_NOT_ALLOWED"]);
    expect(await rowCount(api.server, (t) => t.contacts)).toBe(before);
  });

  it("a contact may name another member of staff who held it", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const payload = await recordContact(api.keyworker, { episodeId: built.episodeGlobalId, date: "2025-05-05", staffId: toGlobalId("StaffMember", api.organisation.staff.otherKeyworker.id) });
    expect(payload.contact?.staff).toEqual({ name: "Omar Other" });
  });

  it("records naloxone issued and blood-borne-virus testing; a record with nothing in it is refused (REQUIRED)", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const recorded = await api.keyworker.request<{ recordHarmReduction: { harmReductionRecord: Record<string, unknown> | null; userErrors: UserErrorShape[] } }>(RECORD_HARM_REDUCTION, {
      input: { episodeId: built.episodeGlobalId, date: "2025-05-06", naloxoneIssuedTo: "FAMILY_MEMBER", naloxoneTrainingGiven: true, hepatitisCTest: "ACCEPTED" },
    });
    expect(recorded.data?.recordHarmReduction.userErrors).toEqual([]);
    expect(recorded.data?.recordHarmReduction.harmReductionRecord).toMatchObject({
      naloxoneIssuedTo: "FAMILY_MEMBER",
      naloxoneTrainingGiven: true,
      hepatitisBVaccination: null,
      hepatitisCTest: "ACCEPTED",
    });
    const empty = await api.keyworker.request<{ recordHarmReduction: { userErrors: UserErrorShape[] } }>(RECORD_HARM_REDUCTION, { input: { episodeId: built.episodeGlobalId, date: "2025-05-06" } });
    expect(empty.data?.recordHarmReduction.userErrors).toEqual([expect.objectContaining({ code: "REQUIRED", field: "" })]);
  });

  it("an episode lists its TOPs, contacts and harm-reduction records, newest first, in pages", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    await recordOutcome(aTop(built.episodeGlobalId));
    for (const date of ["2025-05-01", "2025-05-08", "2025-05-15"]) await recordContact(api.keyworker, { episodeId: built.episodeGlobalId, date });
    await api.keyworker.request(RECORD_HARM_REDUCTION, { input: { episodeId: built.episodeGlobalId, date: "2025-05-06", naloxoneTrainingGiven: true } });
    const query = `query Episode($id: ID!, $after: String) { node(id: $id) { ... on Intervention { episode {
      outcomes { totalCount edges { node { stage } } }
      contacts(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { date } } }
      harmReduction { totalCount edges { node { naloxoneTrainingGiven } } }
    } } } }`;
    type Listed = { node: { episode: { outcomes: { totalCount: number }; contacts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { date: string } }[] }; harmReduction: { totalCount: number } } } };
    const id = toGlobalId("Intervention", built.interventionIds[0]!);
    const first = (await api.keyworker.request<Listed>(query, { id })).data!.node.episode;
    expect(first.outcomes.totalCount).toBe(1);
    expect(first.harmReduction.totalCount).toBe(1);
    expect(first.contacts.totalCount).toBe(3);
    expect(first.contacts.edges.map((edge) => edge.node.date)).toEqual(["2025-05-15", "2025-05-08"]);
    const second = (await api.keyworker.request<Listed>(query, { id, after: first.contacts.pageInfo.endCursor })).data!.node.episode;
    expect(second.contacts.edges.map((edge) => edge.node.date)).toEqual(["2025-05-01"]);
    expect(second.contacts.pageInfo.hasNextPage).toBe(false);
  });
});
