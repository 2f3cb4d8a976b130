import { afterAll, beforeAll, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import { apiTokenOf, download, startExport, waitForJob } from "./exportHelpers.js";
import { PASSWORD } from "./fixtures.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { accepted, AGREE_PLAN, COMPLETE_REVIEW, comprehensiveInput, fullPlanInput, fullRisk, RECEIVE_REFERRAL, RECORD_ASSESSMENT, RECORD_TRIAGE, REGISTER, referral, refused, triageInput } from "./journeySteps.js";
import { startLoggedServer, type LoggedServer } from "./loggedServer.js";
import { DISCHARGE_EPISODE, RECORD_CONTACT, RECORD_INTERVENTION } from "./recordOperations.js";

/**
 * Issue 7, point 4: personal data never reaches the logs or a URL. A whole journey is run with canary values
 * in every personal and free-text field, with failed sign-ins and refused changes carrying canaries too, and
 * the server logs at debug level throughout; not one canary may appear in anything it wrote.
 */
const CANARY = {
  firstName: "Zqxcanaryfirst",
  lastName: "Zqxcanarylast",
  preferredName: "Zqxcanarypreferred",
  localReference: "ZQXCANARYREF",
  // A valid NHS number (mod-11 check digit 9), so it is stored rather than refused.
  nhsNumber: "4010232137",
  postcode: "ZQ9 9QX",
  phone: "07700 900461",
  email: "zqxcanary.person@example.org",
  gpPractice: "Zqxcanary Surgery",
  referrer: "Dr Zqxcanaryreferrer",
  referralReason: "Zqxcanaryreason drinking daily",
  riskNotes: "Zqxcanaryrisk lives alone",
  goal: "Zqxcanarygoal stop drinking",
  contactNotes: "Zqxcanarycontact talked about family",
  reviewNote: "Zqxcanaryreview progress",
  interventionNotes: "Zqxcanaryintervention notes",
  signInEmail: "zqxcanary.attacker@example.org",
  signInPassword: "Zqxcanarypassword-guess",
  refusedName: "Zqxcanaryrefused",
} as const;

/** The canaries as they could appear in a log: as given, and the NHS number without spaces or with them. */
const LOOKED_FOR = [...Object.values(CANARY), "401 023 2137", "Zqxcanary", "zqxcanary", "ZQXCANARY"];

describeEachDialect("No personal data in logs or URLs (issue 7, point 4)", (dialect) => {
  let server: LoggedServer;
  let keyworker: GraphQLClient;
  let downloadPath: string | null = null;

  beforeAll(async () => {
    server = await startLoggedServer(dialect);
    const { organisation } = server;
    keyworker = await server.client().login(organisation.staff.keyworker.email, PASSWORD);
    const lead = await server.client().login(organisation.staff.lead.email, PASSWORD);

    const registered = accepted<{ serviceUser: { id: string } }>(
      await keyworker.request(REGISTER, {
        input: {
          localReference: CANARY.localReference,
          firstName: CANARY.firstName,
          lastName: CANARY.lastName,
          preferredName: CANARY.preferredName,
          dateOfBirth: "1980-04-11",
          sex: "FEMALE",
          ethnicity: "WHITE_BRITISH",
          nhsNumber: CANARY.nhsNumber,
          postcode: CANARY.postcode,
          phone: CANARY.phone,
          email: CANARY.email,
          gpPractice: CANARY.gpPractice,
        },
      }),
      "registerServiceUser",
    );
    const serviceUserId = registered.serviceUser.id;
    const referred = accepted<{ episode: { id: string } }>(
      await keyworker.request(RECEIVE_REFERRAL, {
        input: {
          serviceUserId,
          teamId: toGlobalId("Team", organisation.adultTeamId),
          keyworkerId: toGlobalId("StaffMember", organisation.staff.keyworker.id),
          referral: referral({ referrer: CANARY.referrer, reason: CANARY.referralReason }),
        },
      }),
      "receiveReferral",
    );
    const episodeId = referred.episode.id;
    const risk = fullRisk({ notes: CANARY.riskNotes });
    accepted(await keyworker.request(RECORD_TRIAGE, { input: triageInput(episodeId, { risk, problemSubstances: [{ rank: 1, substance: "ALCOHOL", route: "ORAL", ageOfFirstUse: 16 }] }) }), "recordTriage");
    accepted(await keyworker.request(RECORD_ASSESSMENT, { input: comprehensiveInput(episodeId, { risk }) }), "recordAssessment");
    const plan = accepted<{ recoveryPlan: { id: string; goals: { id: string }[] } }>(
      await keyworker.request(AGREE_PLAN, { input: fullPlanInput(episodeId, organisation.staff.keyworker.id, { goals: [{ domain: "SUBSTANCE_USE", description: CANARY.goal, targetDate: null }] }) }),
      "agreeRecoveryPlan",
    );
    accepted(
      await keyworker.request(RECORD_INTERVENTION, { input: { episodeId, catalogueItemCode: "COUNSELLING", startDate: "2025-05-21", setting: "COMMUNITY", notes: CANARY.interventionNotes } }),
      "recordIntervention",
    );
    accepted(await keyworker.request(RECORD_CONTACT, { input: { episodeId, date: "2025-05-22", kind: "APPOINTMENT", outcome: "ATTENDED", notes: CANARY.contactNotes } }), "recordContact");
    accepted(
      await keyworker.request(COMPLETE_REVIEW, {
        input: { planId: plan.recoveryPlan.id, completedDate: "2025-05-28", goalProgress: [{ goalId: plan.recoveryPlan.goals[0]!.id, status: "OPEN", note: CANARY.reviewNote }], risk },
      }),
      "completeReview",
    );

    // Refused changes carrying canaries: a stale edit, an invalid registration, one outside the caller's scope.
    refused(await keyworker.request(`mutation ($input: UpdateServiceUserInput!) { updateServiceUser(input: $input) { userErrors { code field message } } }`, { input: { id: serviceUserId, version: 99, lastName: CANARY.refusedName } }), "updateServiceUser");
    refused(await keyworker.request(REGISTER, { input: { localReference: CANARY.refusedName, firstName: CANARY.refusedName, lastName: CANARY.lastName, dateOfBirth: "2999-01-01", sex: "FEMALE", ethnicity: "WHITE_BRITISH", nhsNumber: "4010232138" } }), "registerServiceUser");
    const outsider = await server.client().login(organisation.staff.youngPeopleKeyworker.email, PASSWORD);
    const notFound = await outsider.request(`mutation ($input: UpdateServiceUserInput!) { updateServiceUser(input: $input) { userErrors { code } } }`, { input: { id: serviceUserId, version: 1, firstName: CANARY.refusedName } });
    expect(notFound.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    // Searches by name and NHS number, as a keyworker looking someone up would.
    await keyworker.request(`query ($name: String!) { serviceUsers(filter: { name: { contains: $name } }) { edges { node { id nhsNumber } } } }`, { name: CANARY.lastName });
    await keyworker.request(`query ($search: String!) { caseload(search: $search) { edges { node { id } } } }`, { search: CANARY.nhsNumber });

    // Failed sign-ins with canary emails and passwords, including a real account with a wrong password.
    for (const [email, password] of [[CANARY.signInEmail, CANARY.signInPassword], [organisation.staff.keyworker.email, CANARY.signInPassword], [CANARY.email, PASSWORD]] as const) {
      const attempt = await server.client().request(`mutation ($input: LoginInput!) { login(input: $input) { csrfToken userErrors { code } } }`, { input: { email, password } });
      expect((attempt.data as { login: { csrfToken: string | null } } | null)?.login.csrfToken ?? null).toBeNull();
    }

    // An export of the caseload's people, downloaded through its URL.
    const job = await waitForJob(keyworker, (await startExport(keyworker, { query: `{ serviceUsers(first: 100) { edges { node { id firstName lastName nhsNumber postcode } } } }` })).id);
    expect(job.status).toBe("COMPLETED");
    downloadPath = job.downloadPath;
    const downloaded = await download(server.url, downloadPath!, await apiTokenOf(keyworker));
    expect(downloaded.status).toBe(200);
    expect(await downloaded.text()).toContain(CANARY.lastName);

    const discharged = await lead.request<{ dischargeEpisode: { userErrors: unknown[] } }>(DISCHARGE_EPISODE, { input: { episodeId, reason: "DROPPED_OUT", dischargeDate: "2025-05-30" } });
    expect(discharged.data?.dischargeEpisode.userErrors).toEqual([]);
  });
  afterAll(() => server?.close());

  it("the journey was logged (one line per request at least), so an empty log cannot pass", () => {
    const lines = server.logText().split("\n").filter((line) => line.trim() !== "");
    expect(lines.length).toBeGreaterThanOrEqual(20);
    expect(server.logText()).toContain('"path":"/graphql"');
  });

  it("no canary name, NHS number, postcode, phone, email, free text or password appears anywhere in the log", () => {
    const text = server.logText();
    for (const canary of LOOKED_FOR) expect(text.includes(canary), `the log holds "${canary}"`).toBe(false);
    expect(text.toLowerCase()).not.toContain("zqxcanary");
  });

  it("export download URLs carry only an opaque job ID and the file's kind, nothing personal", () => {
    expect(downloadPath).toMatch(/^\/exports\/[A-Za-z0-9_-]+\/download$/);
    const jobId = downloadPath!.split("/")[2]!;
    expect(Buffer.from(jobId, "base64url").toString("utf8")).toMatch(/^ExportJob:[0-9a-f-]+$/);
    for (const canary of LOOKED_FOR) expect(downloadPath!.toLowerCase()).not.toContain(canary.toLowerCase());
  });
});
