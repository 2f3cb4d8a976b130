import { expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { useSignedInServer } from "./signedInServer.js";

/**
 * One person's whole journey (DOMAIN §2) over HTTP, as the keyworker and the team lead would record it on
 * the days it happened: referral, triage with risk, assessment, a signed-off plan with a personal budget,
 * opioid substitution with peer support alongside, TOPs, a missed appointment and its follow-up, a review on
 * time, coming off the script, a planned completion and aftercare. Each step checks where the episode stands;
 * the audit trail is checked at the end. The steps run in order and share the person.
 */

const USER_ERRORS = "userErrors { code field message }";

const NO_SUICIDE_FACTORS = { bereavement: false, relationshipBreakdown: false, domesticOrSexualAbuseHistory: false, isCarer: false };
const riskWith = (suicideFactors: typeof NO_SUICIDE_FACTORS) => ({
  selfHarmOrSuicide: suicideFactors.bereavement ? "MEDIUM" : "LOW",
  overdose: "MEDIUM",
  toOthers: "LOW",
  fromOthers: "LOW",
  domesticAbuse: false,
  toChildren: "LOW",
  suicideFactors,
  notes: suicideFactors.bereavement ? "Brother died in the autumn. Safety plan agreed." : null,
});

/** A TOP whose answers are all given: `heroinDays` of heroin use, scores rising with `wellbeing`. */
const top = (episodeId: string, stage: string, date: string, heroinDays: number, wellbeing: number) => ({
  episodeId,
  stage,
  date,
  substanceUse: Object.fromEntries(
    ["ALCOHOL", "OPIATES", "CRACK", "COCAINE", "AMPHETAMINES", "CANNABIS", "OTHER", "TOBACCO"].map((substance) => [
      substance,
      { days: substance === "OPIATES" ? heroinDays : substance === "TOBACCO" ? 28 : 0, typicalAmount: substance === "OPIATES" && heroinDays > 0 ? "£20 bags, two a day" : null },
    ]),
  ),
  injecting: { days: 0, sharedNeedles: false, sharedOtherEquipment: false },
  crime: { shoplifting: heroinDays > 0 ? 4 : 0, drugSelling: 0, otherTheft: 0, assaultViolence: 0 },
  health: { psychologicalHealth: wellbeing, physicalHealth: wellbeing + 1, qualityOfLife: wellbeing, paidWorkDays: 0, educationDays: 0, acuteHousingProblem: false, atRiskOfEviction: false },
  notDisclosed: [],
});

describeEachDialect("one person's journey from referral to aftercare", (dialect) => {
  const api = useSignedInServer(dialect, { today: "2025-01-06" });
  /** What the steps learn and later steps use. */
  const journey = { serviceUserId: "", episodeId: "", planId: "", goalIds: [] as string[], methadoneId: "", peerSupportId: "" };

  /** Moves the server's today to `date` and signs in afresh, as a member of staff starting that day's work. */
  const on = (date: string, who: "keyworker" | "lead" | "admin") => api.signInOn(date, who);

  /** Sends a mutation and returns its payload, failing the step on any error or refusal. */
  async function mutate<T>(client: GraphQLClient, field: string, document: string, input: Record<string, unknown>): Promise<T> {
    const result = await client.request<Record<string, T & { userErrors: unknown[] }>>(document, { input });
    expect(result.errors).toBeUndefined();
    const payload = result.data![field]!;
    expect(payload.userErrors).toEqual([]);
    return payload;
  }

  async function episodeAsKeyworker(client: GraphQLClient) {
    const result = await client.request<{ episode: { status: string; keyworker: { name: string } | null; firstInterventionDate: string | null; nextReviewDue: string | null; suicideRisk: { flagged: boolean } } }>(
      `query Episode($id: ID!) { episode(id: $id) { status keyworker { name } firstInterventionDate nextReviewDue suicideRisk { flagged } } }`,
      { id: journey.episodeId },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.episode;
  }

  async function caseloadFlags(client: GraphQLClient): Promise<string[]> {
    const result = await client.request<{ caseload: { edges: { node: { flags: string[] } }[] } }>(`query { caseload(first: 10) { edges { node { flags } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.caseload.edges).toHaveLength(1);
    return result.data!.caseload.edges[0]!.node.flags;
  }

  it("1. the keyworker registers the person", async () => {
    const kim = await on("2025-01-06", "keyworker");
    const payload = await mutate<{ serviceUser: { id: string; localReference: string } }>(
      kim,
      "registerServiceUser",
      `mutation Register($input: RegisterServiceUserInput!) { registerServiceUser(input: $input) { serviceUser { id localReference } ${USER_ERRORS} } }`,
      {
        localReference: "SRS-J0001",
        firstName: "Jamie",
        lastName: "Example",
        dateOfBirth: "1984-03-15",
        sex: "MALE",
        ethnicity: "WHITE_BRITISH",
        postcode: "SO14 7LP",
        nhsNumber: "9434765919",
        consentToNationalReporting: "YES",
        consentToShareWithGp: "YES",
        accommodationNeed: "HOUSING_PROBLEM",
      },
    );
    journey.serviceUserId = payload.serviceUser.id;
    expect(payload.serviceUser.localReference).toBe("SRS-J0001");
  });

  it("2. the team lead receives the referral (REFERRED) and allocates it to the keyworker", async () => {
    const lead = await on("2025-01-06", "lead");
    const received = await mutate<{ episode: { id: string; status: string } }>(
      lead,
      "receiveReferral",
      `mutation Refer($input: ReceiveReferralInput!) { receiveReferral(input: $input) { episode { id status } ${USER_ERRORS} } }`,
      {
        serviceUserId: journey.serviceUserId,
        teamId: toGlobalId("Team", api.organisation.adultTeamId),
        referral: { receivedDate: "2025-01-06", source: "GP", referrer: "Practice GP, by letter", reason: "Daily heroin use; asking for a script", urgency: "ROUTINE" },
      },
    );
    journey.episodeId = received.episode.id;
    expect(received.episode.status).toBe("REFERRED");
    const allocated = await mutate<{ episode: { status: string } }>(
      lead,
      "reassignKeyworker",
      `mutation Allocate($input: ReassignKeyworkerInput!) { reassignKeyworker(input: $input) { episode { status } ${USER_ERRORS} } }`,
      { episodeId: journey.episodeId, keyworkerId: toGlobalId("StaffMember", api.organisation.staff.keyworker.id) },
    );
    expect(allocated.episode.status).toBe("REFERRED");
    expect((await episodeAsKeyworker(await on("2025-01-06", "keyworker"))).keyworker?.name).toBe("Kim Keyworker");
  });

  it("3. the keyworker triages with a risk assessment that raises the suicide-risk flag (TRIAGED, R-RISK-1, R-RISK-2)", async () => {
    const kim = await on("2025-01-09", "keyworker");
    const payload = await mutate<{ episode: { status: string } }>(
      kim,
      "recordTriage",
      `mutation Triage($input: RecordTriageInput!) { recordTriage(input: $input) { episode { status } ${USER_ERRORS} } }`,
      {
        episodeId: journey.episodeId,
        date: "2025-01-09",
        needs: [{ domain: "SUBSTANCE_USE", level: "HIGH" }],
        risk: riskWith({ ...NO_SUICIDE_FACTORS, bereavement: true }),
        problemSubstances: [{ rank: 1, substance: "HEROIN", ageOfFirstUse: 22, route: "SMOKE" }],
        injectingStatus: "PREVIOUSLY",
        interimPlan: { startDate: "2025-01-09", goals: [{ domain: "SUBSTANCE_USE", description: "Carry naloxone and never use alone" }], agreedWithServiceUser: true },
      },
    );
    expect(payload.episode.status).toBe("TRIAGED");
    expect((await episodeAsKeyworker(kim)).suicideRisk.flagged).toBe(true);
  });

  it("4. the keyworker records the comprehensive assessment (still TRIAGED until the full plan is signed off)", async () => {
    const kim = await on("2025-01-16", "keyworker");
    await mutate(kim, "recordAssessment", `mutation Assess($input: RecordAssessmentInput!) { recordAssessment(input: $input) { assessment { id } ${USER_ERRORS} } }`, {
      episodeId: journey.episodeId,
      kind: "COMPREHENSIVE",
      date: "2025-01-16",
      needs: [
        { domain: "SUBSTANCE_USE", level: "HIGH" },
        { domain: "HOUSING", level: "SOME" },
        { domain: "FINANCE", level: "SOME" },
      ],
      risk: riskWith({ ...NO_SUICIDE_FACTORS, bereavement: true }),
      recoveryCapital: { items: [3, 2, 4, 3, 2, 3, 4, 2, 3, 3] },
    });
    expect((await episodeAsKeyworker(kim)).status).toBe("TRIAGED");
  });

  it("5. the team lead signs off the full plan with a personal budget (ASSESSED, R-PLAN-1, R-PLAN-2)", async () => {
    const lead = await on("2025-01-17", "lead");
    const payload = await mutate<{ recoveryPlan: { id: string; goals: { id: string }[]; personalBudget: { allocatedPence: number; spentPence: number } }; episode: { status: string } }>(
      lead,
      "agreeRecoveryPlan",
      `mutation Plan($input: AgreeRecoveryPlanInput!) { agreeRecoveryPlan(input: $input) { recoveryPlan { id goals { id } personalBudget { allocatedPence spentPence } } episode { status } ${USER_ERRORS} } }`,
      {
        episodeId: journey.episodeId,
        kind: "FULL",
        startDate: "2025-01-17",
        goals: [
          { domain: "SUBSTANCE_USE", description: "Stop using heroin on top of my script", targetDate: "2025-05-01" },
          { domain: "HOUSING", description: "Move from the hostel into my own flat", targetDate: "2025-06-30" },
        ],
        agreedWithServiceUser: true,
        signedOffById: toGlobalId("StaffMember", api.organisation.staff.lead.id),
        signedOffDate: "2025-01-17",
        personalBudget: { allocatedPence: 20_000, lines: [{ item: "Monthly bus pass", costPence: 4_500 }, { item: "Gym membership for three months", costPence: 6_000 }] },
      },
    );
    expect(payload.episode.status).toBe("ASSESSED");
    expect(payload.recoveryPlan.personalBudget).toEqual({ allocatedPence: 20_000, spentPence: 10_500 });
    journey.planId = payload.recoveryPlan.id;
    journey.goalIds = payload.recoveryPlan.goals.map((goal) => goal.id);
    // R-REV-1: the first review is due twelve weeks after sign-off.
    expect((await episodeAsKeyworker(await on("2025-01-17", "keyworker"))).nextReviewDue).toBe("2025-04-11");
  });

  it("6. the first structured intervention starts treatment (IN_TREATMENT) and the START TOP is taken", async () => {
    const kim = await on("2025-01-20", "keyworker");
    const payload = await mutate<{ intervention: { id: string }; episode: { status: string } }>(
      kim,
      "recordIntervention",
      `mutation Start($input: RecordInterventionInput!) { recordIntervention(input: $input) { intervention { id } episode { status } ${USER_ERRORS} } }`,
      { episodeId: journey.episodeId, catalogueItemCode: "OST_METHADONE", startDate: "2025-01-20", setting: "PRIMARY_CARE" },
    );
    expect(payload.episode.status).toBe("IN_TREATMENT");
    journey.methadoneId = payload.intervention.id;
    await mutate(kim, "recordOutcome", `mutation Top($input: RecordOutcomeInput!) { recordOutcome(input: $input) { outcomeRecord { id } ${USER_ERRORS} } }`, top(journey.episodeId, "START", "2025-01-20", 24, 6));
    expect(await episodeAsKeyworker(kim)).toMatchObject({ status: "IN_TREATMENT", firstInterventionDate: "2025-01-20" });
  });

  it("7. peer support is recorded alongside the prescribing (R-ROSC-1)", async () => {
    const kim = await on("2025-01-27", "keyworker");
    const payload = await mutate<{ intervention: { id: string }; episode: { status: string } }>(
      kim,
      "recordIntervention",
      `mutation Rosc($input: RecordInterventionInput!) { recordIntervention(input: $input) { intervention { id } episode { status } ${USER_ERRORS} } }`,
      { episodeId: journey.episodeId, catalogueItemCode: "ROSC_PEER_SUPPORT", startDate: "2025-01-27", setting: "COMMUNITY", notes: "Matched with a peer mentor." },
    );
    journey.peerSupportId = payload.intervention.id;
    expect(payload.episode.status).toBe("IN_TREATMENT");
  });

  it("8. a missed appointment asks for a follow-up, which the next day's phone call gives (R-DNA-1)", async () => {
    const contact = `mutation Contact($input: RecordContactInput!) { recordContact(input: $input) { contact { id } ${USER_ERRORS} } }`;
    let kim = await on("2025-02-03", "keyworker");
    await mutate(kim, "recordContact", contact, { episodeId: journey.episodeId, date: "2025-02-03", time: "10:00", kind: "APPOINTMENT", outcome: "ATTENDED" });
    kim = await on("2025-02-10", "keyworker");
    await mutate(kim, "recordContact", contact, { episodeId: journey.episodeId, date: "2025-02-10", time: "10:00", kind: "APPOINTMENT", outcome: "DID_NOT_ATTEND" });
    expect(await caseloadFlags(kim)).toContain("DNA_FOLLOW_UP_DUE");
    kim = await on("2025-02-11", "keyworker");
    await mutate(kim, "recordContact", contact, { episodeId: journey.episodeId, date: "2025-02-11", time: "09:30", kind: "PHONE", outcome: "ATTENDED", notes: "Overslept; rebooked for Thursday." });
    const flags = await caseloadFlags(kim);
    expect(flags).not.toContain("DNA_FOLLOW_UP_DUE");
    expect(flags).not.toContain("DNA_FOLLOW_UP_OVERDUE");
    expect((await episodeAsKeyworker(kim)).status).toBe("IN_TREATMENT");
  });

  it("9. the review is completed on time with risk re-assessed, which clears the suicide-risk flag (R-REV-1, R-REV-2, R-RISK-3)", async () => {
    const kim = await on("2025-04-08", "keyworker");
    const payload = await mutate<{ review: { dueDate: string; completedDate: string; onTime: boolean } }>(
      kim,
      "completeReview",
      `mutation Review($input: CompleteReviewInput!) { completeReview(input: $input) { review { dueDate completedDate onTime } ${USER_ERRORS} } }`,
      {
        planId: journey.planId,
        completedDate: "2025-04-08",
        goalProgress: [
          { goalId: journey.goalIds[0], status: "ACHIEVED", note: "No heroin on top since February." },
          { goalId: journey.goalIds[1], status: "OPEN", note: "On the housing register." },
        ],
        risk: riskWith(NO_SUICIDE_FACTORS),
      },
    );
    expect(payload.review).toEqual({ dueDate: "2025-04-11", completedDate: "2025-04-08", onTime: true });
    expect(await episodeAsKeyworker(kim)).toMatchObject({ status: "IN_TREATMENT", nextReviewDue: "2025-07-01", suicideRisk: { flagged: false } });
  });

  it("10. completion is refused while still prescribed (R-DIS-2); the script ends after a planned reduction", async () => {
    const kim = await on("2025-05-06", "keyworker");
    const refused = await kim.request<{ dischargeEpisode: { userErrors: { code: string }[] } }>(
      `mutation Discharge($input: DischargeEpisodeInput!) { dischargeEpisode(input: $input) { ${USER_ERRORS} } }`,
      { input: { episodeId: journey.episodeId, reason: "COMPLETED_DRUG_FREE", dischargeDate: "2025-05-06" } },
    );
    expect(refused.data?.dischargeEpisode.userErrors.map((error) => error.code)).toContain("COMPLETION_WHILE_PRESCRIBED");
    await mutate(kim, "endIntervention", `mutation End($input: EndInterventionInput!) { endIntervention(input: $input) { intervention { endDate } ${USER_ERRORS} } }`, { id: journey.methadoneId, endDate: "2025-05-06" });
    expect((await episodeAsKeyworker(kim)).status).toBe("IN_TREATMENT");
  });

  it("11. the EXIT TOP is taken and the person is discharged as a successful completion (COMPLETED, R-DIS-1)", async () => {
    const kim = await on("2025-05-20", "keyworker");
    await mutate(kim, "recordOutcome", `mutation Top($input: RecordOutcomeInput!) { recordOutcome(input: $input) { outcomeRecord { id } ${USER_ERRORS} } }`, top(journey.episodeId, "EXIT", "2025-05-20", 0, 14));
    const payload = await mutate<{ episode: { status: string; dischargeReason: string }; closedInterventions: { id: string; endDate: string }[]; postTreatmentPhaseOpens: boolean; exitTopMissing: boolean }>(
      kim,
      "dischargeEpisode",
      `mutation Discharge($input: DischargeEpisodeInput!) { dischargeEpisode(input: $input) { episode { status dischargeReason } closedInterventions { id endDate } postTreatmentPhaseOpens exitTopMissing ${USER_ERRORS} } }`,
      { episodeId: journey.episodeId, reason: "COMPLETED_DRUG_FREE", dischargeDate: "2025-05-20" },
    );
    expect(payload.episode).toEqual({ status: "COMPLETED", dischargeReason: "COMPLETED_DRUG_FREE" });
    expect(payload.postTreatmentPhaseOpens).toBe(true);
    expect(payload.exitTopMissing).toBe(false);
    // The peer support still running ends on the discharge date.
    expect(payload.closedInterventions).toEqual([{ id: journey.peerSupportId, endDate: "2025-05-20" }]);
  });

  it("12. aftercare is recorded after the completion, with check-ups every four weeks (R-ROSC-4)", async () => {
    const kim = await on("2025-05-27", "keyworker");
    const payload = await mutate<{ intervention: { contactSchedule: string[] }; episode: { status: string } }>(
      kim,
      "recordIntervention",
      `mutation Aftercare($input: RecordInterventionInput!) { recordIntervention(input: $input) { intervention { contactSchedule } episode { status } ${USER_ERRORS} } }`,
      { episodeId: journey.episodeId, catalogueItemCode: "ROSC_AFTERCARE", startDate: "2025-05-27", setting: "COMMUNITY" },
    );
    expect(payload.episode.status).toBe("COMPLETED");
    expect(payload.intervention.contactSchedule[0]).toBe("2025-06-17");
    expect(payload.intervention.contactSchedule.every((checkUp) => checkUp > "2025-05-20" && checkUp <= "2025-11-20")).toBe(true);
  });

  it("13. the audit trail shows every record made, each change of the episode and each read, by the two members of staff who did them", async () => {
    const admin = await on("2025-05-28", "admin");
    const result = await admin.request<{ auditEvents: { edges: { node: { action: string; recordType: string | null; actor: { name: string } | null } }[] } }>(
      `query Trail($person: ID!) { auditEvents(first: 100, filter: { serviceUserId: { eq: $person } }, orderBy: [{ field: AT, direction: ASC }]) { edges { node { action recordType actor { name } } } } }`,
      { person: journey.serviceUserId },
    );
    expect(result.errors).toBeUndefined();
    const events = result.data!.auditEvents.edges.map((edge) => edge.node);
    const created = (recordType: string) => events.filter((event) => event.action === "CREATE" && event.recordType === recordType).length;
    expect(created("ServiceUser")).toBe(1);
    expect(created("Episode")).toBe(1);
    expect(created("Assessment")).toBe(2);
    expect(created("RecoveryPlan")).toBe(2);
    expect(created("Intervention")).toBe(3);
    expect(created("OutcomeRecord")).toBe(2);
    expect(created("Contact")).toBe(3);
    expect(created("Review")).toBe(1);
    expect(events.some((event) => event.action === "UPDATE" && event.recordType === "Episode")).toBe(true);
    expect(events.some((event) => event.action === "READ")).toBe(true);
    expect(new Set(events.map((event) => event.actor?.name))).toEqual(new Set(["Kim Keyworker", "Lee Lead"]));
    expect(events[0]).toMatchObject({ action: "CREATE", recordType: "ServiceUser", actor: { name: "Kim Keyworker" } });
  });
});
