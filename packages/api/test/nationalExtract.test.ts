import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeEachDialect } from "./databases.js";
import { buildEpisode, JOURNEY, type BuiltEpisode } from "./episodeBuilder.js";
import { apiTokenOf, csvLines, download, JOB_FIELDS, startExport, waitForJob, type ExportJobShape } from "./exportHelpers.js";
import { useSignedInServer } from "./signedInServer.js";

const START = `mutation ($input: StartNationalExtractInput!) { startNationalExtract(input: $input) { exportJob { ${JOB_FIELDS} } userErrors { code field message } } }`;
const PERIOD = { from: "2025-03-01", to: "2025-05-31" };

type StartResult = { startNationalExtract: { exportJob: ExportJobShape | null; userErrors: { code: string; field: string }[] } };

describeEachDialect("the national-dataset-style extract (startNationalExtract)", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["analyst", "keyworker"] });
  let consenting: BuiltEpisode;
  let refusing: BuiltEpisode;
  let leftOpen: BuiltEpisode;
  let job: ExportJobShape;
  let header: string[] = [];
  let rows: string[][] = [];
  let report: string[][] = [];

  beforeAll(async () => {
    const { server, organisation } = api;
    const t = server.database.tables;
    consenting = await buildEpisode(server, organisation, { status: "IN_TREATMENT" });
    refusing = await buildEpisode(server, organisation, { status: "IN_TREATMENT" });
    // Discharged in the period with a treatment intervention left without an end date.
    leftOpen = await buildEpisode(server, organisation, {
      status: "COMPLETED",
      dischargeDate: "2025-04-15",
      interventions: [{ code: "MOTIVATIONAL_INTERVENTIONS", startDate: JOURNEY.treatmentStart, endDate: null }],
    });
    // Discharged before the period: not in the extract.
    await buildEpisode(server, organisation, { status: "CLOSED", dischargeDate: "2025-02-20" });
    await server.database.write(async (tx) => {
      await tx.update(t.serviceUsers).set({ consentToNationalReporting: "YES", ethnicity: "WHITE_BRITISH", postcode: "S60 2AB" }).where(eq(t.serviceUsers.id, consenting.serviceUserId));
      await tx.update(t.serviceUsers).set({ consentToNationalReporting: "NO", ethnicity: "NOT_STATED" }).where(eq(t.serviceUsers.id, refusing.serviceUserId));
      await tx.update(t.serviceUsers).set({ consentToNationalReporting: "YES" }).where(eq(t.serviceUsers.id, leftOpen.serviceUserId));
    });
    const started = await api.analyst.request<StartResult>(START, { input: { period: PERIOD } });
    expect(started.data!.startNationalExtract.userErrors).toEqual([]);
    job = await waitForJob(api.analyst, started.data!.startNationalExtract.exportJob!.id);
    const token = await apiTokenOf(api.analyst);
    const lines = csvLines(await (await download(server.url, job.downloadPath!, token)).text());
    header = lines[0]!.split(",");
    rows = lines.slice(1).map((line) => line.split(","));
    const reportLines = csvLines(await (await download(server.url, job.validationReportPath!, token)).text());
    expect(reportLines[0]).toBe("episode_id,client_pseudonym,code,field,message");
    report = reportLines.slice(1).map((line) => line.split(","));
  });

  const rowOf = (episode: BuiltEpisode) => {
    const row = rows.find((cells) => cells[0] === episode.episodeId);
    if (!row) throw new Error(`no row for ${episode.episodeId}`);
    return Object.fromEntries(header.map((name, index) => [name, row[index] ?? ""]));
  };

  it("writes one row per episode open on any day of the period, and none for an episode closed before it", () => {
    expect(job).toMatchObject({ status: "COMPLETED", kind: "NATIONAL_EXTRACT", rowsWritten: 3, totalRows: 3 });
    expect(rows.map((row) => row[0]).sort()).toEqual([consenting.episodeId, refusing.episodeId, leftOpen.episodeId].sort());
  });

  it("gives identifiers and demographics as the dataset expects (pseudonym, birth month, postcode district; never a name or full date of birth)", () => {
    const row = rowOf(consenting);
    expect(row).toMatchObject({ consent_to_national_reporting: "YES", ethnicity: "WHITE_BRITISH", postcode_district: "S60", cohort: "OPIATE", substance_1: "HEROIN" });
    // The same pseudonymous person ID analysts see as personId: an HMAC, not the person's id.
    expect(row.client_pseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(row.local_client_reference).not.toBe("");
    expect(row.birth_year_month).toMatch(/^\d{4}-\d{2}$/);
    expect(header).not.toContain("first_name");
    expect(header).not.toContain("date_of_birth");
    expect(row.psychosocial_interventions).toBe(`MOTIVATIONAL_INTERVENTIONS/COMMUNITY/${JOURNEY.treatmentStart}/`);
  });

  it("leaves out identifiers and demographics where the person said no to national reporting", () => {
    const row = rowOf(refusing);
    expect(row.consent_to_national_reporting).toBe("NO");
    for (const column of ["client_pseudonym", "local_client_reference", "birth_year_month", "age_at_referral", "sex", "ethnicity", "postcode_district"]) expect(row[column]).toBe("");
    expect(row.referral_date).toBe(JOURNEY.referralDate);
  });

  it("reports per record the problems the dataset would reject: missing ethnicity, an intervention left open after discharge (R-DIS-1), a missing START TOP (R-TOP-2)", () => {
    const codesOf = (episode: BuiltEpisode) => report.filter((line) => line[0] === episode.episodeId).map((line) => line[2]);
    expect(codesOf(refusing)).toContain("ETHNICITY_NOT_RECORDED");
    expect(codesOf(consenting)).not.toContain("ETHNICITY_NOT_RECORDED");
    expect(codesOf(leftOpen)).toContain("INTERVENTION_OPEN_AFTER_DISCHARGE");
    expect(codesOf(leftOpen)).toContain("EXIT_TOP_MISSING");
    expect(codesOf(consenting)).toContain("START_TOP_MISSING");
    // The report names nobody who refused consent.
    expect(report.filter((line) => line[0] === refusing.episodeId).every((line) => line[1] === "")).toBe(true);
    expect(job.validation).toMatchObject({ recordsChecked: 3, recordsWithErrors: 3, errorCount: report.length });
    expect(job.validation!.errorsByCode.find((entry) => entry.code === "INTERVENTION_OPEN_AFTER_DISCHARGE")?.count).toBe(1);
  });

  it("is for admins and analysts only, and refuses a period that ends before it starts, writing no job", async () => {
    const forbidden = await api.keyworker.request(START, { input: { period: PERIOD } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const refused = await api.analyst.request<StartResult>(START, { input: { period: { from: "2025-05-01", to: "2025-04-01" } } });
    expect(refused.data!.startNationalExtract).toEqual({ exportJob: null, userErrors: [expect.objectContaining({ code: "INVALID_DATE", field: "period.to" })] });
  });

  it("exports the analysts' pseudonymised episodes connection, and fails an export that puts a list of records in one row", async () => {
    const job = await startExport(api.analyst, { query: `{ episodes { edges { node { id personId ageBandAtReferral status } } } }` });
    const done = await waitForJob(api.analyst, job.id);
    expect(done).toMatchObject({ status: "COMPLETED", rowsWritten: 4, totalRows: 4 });
    const nested = await startExport(api.analyst, { query: `{ episodes { edges { node { id interventions { edges { node { id } } } } } } }`, connectionPath: ["episodes"] });
    const failed = await waitForJob(api.analyst, nested.id);
    expect(failed.status).toBe("FAILED");
    expect(failed.errorMessage).toMatch(/interventions\.edges is a list of records/);
  });
});
