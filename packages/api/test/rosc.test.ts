import { expect, it } from "vitest";
import { describeEachDialect } from "./databases.js";
import { buildEpisode, type EpisodeSpec } from "./episodeBuilder.js";
import { codesOf, recordIntervention, rowCount } from "./recordOperations.js";
import { useSignedInServer } from "./signedInServer.js";

/** An episode in structured treatment whose only structured intervention is methadone from 3 February to 31 March 2025. */
const ON_METHADONE_UNTIL_MARCH: EpisodeSpec = {
  status: "IN_TREATMENT",
  interventions: [{ code: "OST_METHADONE", startDate: "2025-02-03", endDate: "2025-03-31" }],
};

const CREATE_ITEM = `mutation Create($input: CreateCatalogueItemInput!) { createCatalogueItem(input: $input) { catalogueItem { code } userErrors { code field } } }`;

describeEachDialect("recovery support (ROSC) interventions", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker"] });

  it("R-ROSC-1: peer support with no pharmacological or psychosocial intervention alongside is refused (ROSC_REQUIRES_CONCURRENT_MODALITY) and nothing is written", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "ASSESSED" });
    const before = await rowCount(api.server, (t) => t.interventions);
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_PEER_SUPPORT", startDate: "2025-03-03" });
    expect(payload.intervention).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "ROSC_REQUIRES_CONCURRENT_MODALITY", field: "startDate" })]);
    expect(await rowCount(api.server, (t) => t.interventions)).toBe(before);
  });

  it("R-ROSC-1: peer support is accepted alongside an overlapping pharmacological intervention", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE_UNTIL_MARCH);
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_PEER_SUPPORT", startDate: "2025-03-03" });
    expect(payload.userErrors).toEqual([]);
    expect(payload.intervention?.catalogueItemCode).toBe("ROSC_PEER_SUPPORT");
  });

  it("R-ROSC-1: peer support starting after the only structured intervention ended is refused: the dates must overlap", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE_UNTIL_MARCH);
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_PEER_SUPPORT", startDate: "2025-04-07" });
    expect(codesOf(payload.userErrors)).toEqual(["ROSC_REQUIRES_CONCURRENT_MODALITY"]);
  });

  it("R-CAT-1 with R-ROSC-1: an item an admin creates with needsConcurrentModality behaves like built-in peer support", async () => {
    const admin = await api.signIn("admin");
    const created = await admin.request<{ createCatalogueItem: { catalogueItem: { code: string } | null; userErrors: unknown[] } }>(CREATE_ITEM, {
      input: {
        code: "RECOVERY_CAFE",
        label: "Recovery café",
        definition: "A weekly drop-in run by people in recovery, offered alongside treatment.",
        modality: "RECOVERY_SUPPORT",
        phase: "IN_TREATMENT",
        needsConcurrentModality: true,
      },
    });
    expect(created.data?.createCatalogueItem).toEqual({ catalogueItem: { code: "RECOVERY_CAFE" }, userErrors: [] });

    const alone = await buildEpisode(api.server, api.organisation, { status: "ASSESSED" });
    const refused = await recordIntervention(api.keyworker, { episodeId: alone.episodeGlobalId, catalogueItemCode: "RECOVERY_CAFE", startDate: "2025-03-03" });
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: "ROSC_REQUIRES_CONCURRENT_MODALITY", field: "startDate" })]);

    const alongside = await buildEpisode(api.server, api.organisation, ON_METHADONE_UNTIL_MARCH);
    const accepted = await recordIntervention(api.keyworker, { episodeId: alongside.episodeGlobalId, catalogueItemCode: "RECOVERY_CAFE", startDate: "2025-03-03" });
    expect(accepted.userErrors).toEqual([]);
    const late = await recordIntervention(api.keyworker, { episodeId: alongside.episodeGlobalId, catalogueItemCode: "RECOVERY_CAFE", startDate: "2025-04-07" });
    expect(codesOf(late.userErrors)).toEqual(["ROSC_REQUIRES_CONCURRENT_MODALITY"]);
  });

  it("R-ROSC-2: social, financial and relationship support without a sub-type is refused (ROSC_SUBTYPE_REQUIRED)", async () => {
    const built = await buildEpisode(api.server, api.organisation, { ...ON_METHADONE_UNTIL_MARCH, needs: { HOUSING: "HIGH" } });
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT", startDate: "2025-03-03" });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "ROSC_SUBTYPE_REQUIRED", field: "subTypes" })]);
  });

  it("R-ROSC-2: a sub-type whose need was not assessed is refused (ROSC_NEED_NOT_ASSESSED), naming the sub-type", async () => {
    const built = await buildEpisode(api.server, api.organisation, { ...ON_METHADONE_UNTIL_MARCH, needs: { HOUSING: "NONE", FINANCE: "SOME" } });
    const payload = await recordIntervention(api.keyworker, {
      episodeId: built.episodeGlobalId,
      catalogueItemCode: "ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT",
      subTypes: ["FINANCIAL", "HOUSING"],
      startDate: "2025-03-03",
    });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "ROSC_NEED_NOT_ASSESSED", field: "subTypes.1" })]);
  });

  it("R-ROSC-2: a sub-type meeting an assessed need is accepted", async () => {
    const built = await buildEpisode(api.server, api.organisation, { ...ON_METHADONE_UNTIL_MARCH, needs: { HOUSING: "HIGH" } });
    const payload = await recordIntervention(api.keyworker, {
      episodeId: built.episodeGlobalId,
      catalogueItemCode: "ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT",
      subTypes: ["HOUSING"],
      startDate: "2025-03-03",
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.intervention?.subTypes).toEqual(["HOUSING"]);
  });

  it("R-ROSC-3: facilitated access to mutual aid without the person's interest and first-contact actions is refused (ROSC_INTEREST_NOT_RECORDED)", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE_UNTIL_MARCH);
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_FACILITATED_MUTUAL_AID", startDate: "2025-03-03" });
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ code: "ROSC_INTEREST_NOT_RECORDED", field: "interestExpressedDate" }),
      expect.objectContaining({ code: "ROSC_INTEREST_NOT_RECORDED", field: "firstContactActions" }),
    ]);
  });

  it("R-ROSC-3: facilitated access is accepted once the person asked for it and the first contact is recorded", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE_UNTIL_MARCH);
    const payload = await recordIntervention(api.keyworker, {
      episodeId: built.episodeGlobalId,
      catalogueItemCode: "ROSC_FACILITATED_MUTUAL_AID",
      startDate: "2025-03-03",
      interestExpressedDate: "2025-02-24",
      firstContactActions: ["INFORMATION_GIVEN", "ACCOMPANIED"],
    });
    expect(payload.userErrors).toEqual([]);
  });

  it("R-ROSC-4: aftercare on an open episode is refused (ROSC_POST_TREATMENT_ONLY)", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE_UNTIL_MARCH);
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_AFTERCARE", startDate: "2025-03-03" });
    expect(payload.userErrors).toContainEqual(expect.objectContaining({ code: "ROSC_POST_TREATMENT_ONLY", field: "catalogueItemCode" }));
  });

  it("R-ROSC-4: aftercare after a planned completion is accepted with the default check-up schedule when none is given", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "COMPLETED", dischargeDate: "2025-05-01" });
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_AFTERCARE", startDate: "2025-05-01" });
    expect(payload.userErrors).toEqual([]);
    // Every four weeks after discharge, through six months (the default aftercare window).
    expect(payload.intervention?.contactSchedule).toEqual(["2025-05-29", "2025-06-26", "2025-07-24", "2025-08-21", "2025-09-18", "2025-10-16"]);
  });

  it("R-ROSC-4: an explicit check-up outside the aftercare window is refused, naming it", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "COMPLETED", dischargeDate: "2025-05-01" });
    const payload = await recordIntervention(api.keyworker, {
      episodeId: built.episodeGlobalId,
      catalogueItemCode: "ROSC_AFTERCARE",
      startDate: "2025-05-01",
      contactSchedule: ["2025-06-01", "2026-01-15"],
    });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "ROSC_POST_TREATMENT_ONLY", field: "contactSchedule.1" })]);
  });

  it("R-ROSC-4: aftercare after an unplanned exit is refused (ROSC_POST_TREATMENT_ONLY)", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "CLOSED", dischargeDate: "2025-05-01", dischargeReason: "DROPPED_OUT" });
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_AFTERCARE", startDate: "2025-05-02" });
    expect(codesOf(payload.userErrors)).toContain("ROSC_POST_TREATMENT_ONLY");
  });

  it("R-ROSC-5: relapse-prevention support on an open episode is refused (ROSC_POST_TREATMENT_ONLY)", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE_UNTIL_MARCH);
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_RELAPSE_PREVENTION", subTypes: ["SUBSTANCE_FOCUSED"], startDate: "2025-03-03" });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "ROSC_POST_TREATMENT_ONLY", field: "catalogueItemCode" })]);
  });

  it("R-ROSC-5: relapse-prevention support after a planned completion needs its sub-type, then is accepted", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "COMPLETED", dischargeDate: "2025-05-01" });
    const withoutSubType = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_RELAPSE_PREVENTION", startDate: "2025-05-12" });
    expect(withoutSubType.userErrors).toEqual([expect.objectContaining({ code: "ROSC_SUBTYPE_REQUIRED", field: "subTypes" })]);
    const accepted = await recordIntervention(api.keyworker, {
      episodeId: built.episodeGlobalId,
      catalogueItemCode: "ROSC_RELAPSE_PREVENTION",
      subTypes: ["MENTAL_HEALTH_FOCUSED"],
      startDate: "2025-05-12",
    });
    expect(accepted.userErrors).toEqual([]);
  });

  it("R-ROSC-6: a one-off diversionary activity is refused (ROSC_NOT_SUSTAINED)", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE_UNTIL_MARCH);
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_DIVERSIONARY_ACTIVITIES", startDate: "2025-03-03", plannedSessions: 1 });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "ROSC_NOT_SUSTAINED", field: "plannedSessions" })]);
  });

  it("R-ROSC-6: a diversionary activity with several planned sessions, or a planned end date, is accepted", async () => {
    const built = await buildEpisode(api.server, api.organisation, ON_METHADONE_UNTIL_MARCH);
    const sessions = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_DIVERSIONARY_ACTIVITIES", startDate: "2025-03-03", plannedSessions: 8 });
    expect(sessions.userErrors).toEqual([]);
    const plannedEnd = await recordIntervention(api.keyworker, {
      episodeId: built.episodeGlobalId,
      catalogueItemCode: "ROSC_DIVERSIONARY_ACTIVITIES",
      startDate: "2025-03-10",
      plannedEndDate: "2025-08-29",
    });
    expect(plannedEnd.userErrors).toEqual([]);
  });

  it("every problem with a ROSC record is reported at once", async () => {
    const built = await buildEpisode(api.server, api.organisation, { status: "ASSESSED" });
    const payload = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "ROSC_DIVERSIONARY_ACTIVITIES", startDate: "2025-06-09" });
    expect(codesOf(payload.userErrors).sort()).toEqual(["INVALID_DATE", "ROSC_NOT_SUSTAINED", "ROSC_REQUIRES_CONCURRENT_MODALITY"]);
  });
});
