import {
  cohortOf,
  disengagement,
  dnaFollowUps,
  firstInterventionDate,
  nextReviewDue,
  ostDuration,
  safeguardingStatus,
  suicideRiskFlag,
  type IsoDate,
} from "@waymark/core";
import { beforeAll, expect, it } from "vitest";
import { Random } from "../src/seed/random.js";
import { CaseloadData } from "./caseloadData.js";
import { describeEachDialect } from "./databases.js";
import { episodeFacts, writeGeneratedCaseload, type EpisodeFacts } from "./generatedCaseload.js";
import { toGlobalId } from "../src/graphql/globalId.js";
import { recordContact } from "./recordOperations.js";
import { useSignedInServer } from "./signedInServer.js";

const TODAY = "2025-06-02";

/** The derived columns core computes from an episode's records on the day they were written. */
function coreSummary(facts: EpisodeFacts, asOf: IsoDate) {
  const { loaded, catalogue, settings } = facts;
  const { episode, contacts } = loaded;
  const engagement = disengagement(episode, contacts, settings, asOf);
  const outstanding = dnaFollowUps(contacts, settings, asOf).filter((followUp) => followUp.status !== "DONE");
  const safeguarding = safeguardingStatus(loaded.serviceUser, contacts);
  return {
    cohort: cohortOf(episode.problemSubstances),
    firstInterventionDate: firstInterventionDate(loaded.interventions, catalogue),
    nextReviewDue: nextReviewDue(loaded.plans, loaded.reviews, episode),
    lastAttendedContactDate: engagement.lastAttendedDate,
    consecutiveDnas: engagement.consecutiveDnas,
    dnaFollowUpDueBy: outstanding.map((followUp) => followUp.dueBy).sort()[0] ?? null,
    suicideRisk: suicideRiskFlag(loaded.assessments, loaded.reviews).flagged,
    safeguarding: safeguarding.flagged,
    homeVisitRecorded: safeguarding.homeVisitRecorded,
    ostSince: ostDuration(facts.personInterventions, catalogue, asOf).continuousSince,
  };
}

function storedSummary(facts: EpisodeFacts) {
  const { row } = facts.loaded;
  return {
    cohort: row.cohort,
    firstInterventionDate: row.firstInterventionDate,
    nextReviewDue: row.nextReviewDue,
    lastAttendedContactDate: row.lastAttendedContactDate,
    consecutiveDnas: row.consecutiveDnas,
    dnaFollowUpDueBy: row.dnaFollowUpDueBy,
    suicideRisk: row.suicideRisk,
    safeguarding: row.safeguarding,
    homeVisitRecorded: row.homeVisitRecorded,
    ostSince: row.ostSince,
  };
}

describeEachDialect("episode summary: the derived columns equal what core computes from the records", (dialect) => {
  const api = useSignedInServer(dialect, { today: TODAY, signIn: ["keyworker"] });
  let data: CaseloadData;
  let episodeIds: string[];

  beforeAll(async () => {
    const { staff, adultTeamId, youngPeopleTeamId } = api.organisation;
    data = new CaseloadData(api.server, staff.lead.id);
    const provider = {
      teams: [
        { teamId: adultTeamId, keyworkerIds: [staff.keyworker.id, staff.otherKeyworker.id, null] },
        { teamId: youngPeopleTeamId, keyworkerIds: [staff.youngPeopleKeyworker.id] },
      ],
    };
    episodeIds = await writeGeneratedCaseload(data, new Random(31337), provider, 60, TODAY);
  }, 120_000);

  it("R-COH-1, R-REV-1, R-DNA-1, R-DNA-2, R-RISK-2, R-SAFE-1, R-OST-1: every generated episode's columns match core on the day of writing", async () => {
    const allFacts = await Promise.all(episodeIds.map((episodeId) => episodeFacts(api.server, episodeId)));
    // Episodes are written oldest first. OST runs across a person's episodes, and a write refreshes only the
    // episode written, so the person's latest episode is the one whose OST column reflects all their records.
    const latestOfPerson = new Map(allFacts.map((facts) => [facts.loaded.serviceUser.id, facts.loaded.episode.id]));
    for (const facts of allFacts) {
      const episodeId = facts.loaded.episode.id;
      const { ostSince: storedOst, ...stored } = storedSummary(facts);
      const { ostSince: coreOst, ...expected } = coreSummary(facts, TODAY);
      expect(stored, `episode ${episodeId}`).toEqual(expected);
      if (latestOfPerson.get(facts.loaded.serviceUser.id) === episodeId) expect(storedOst, `OST of episode ${episodeId}`).toBe(coreOst);
    }
  });

  it("the generated records exercise every column", async () => {
    const rows = await Promise.all(episodeIds.map(async (episodeId) => storedSummary(await episodeFacts(api.server, episodeId))));
    expect(new Set(rows.map((row) => row.cohort))).toEqual(new Set(["OPIATE", "ALCOHOL_ONLY", "NON_OPIATE_ONLY"]));
    for (const column of ["firstInterventionDate", "nextReviewDue", "lastAttendedContactDate", "dnaFollowUpDueBy", "ostSince"] as const) {
      expect(rows.some((row) => row[column] !== null), column).toBe(true);
    }
    for (const column of ["suicideRisk", "safeguarding", "homeVisitRecorded"] as const) {
      expect(new Set(rows.map((row) => row[column])), column).toEqual(new Set([true, false]));
    }
    expect(Math.max(...rows.map((row) => row.consecutiveDnas))).toBeGreaterThanOrEqual(3);
  });

  it("R-DNA-1, R-DNA-2, R-SAFE-1: recording contacts moves the contact columns with them", async () => {
    const personId = await data.addPerson({ lastName: "Moving", pregnant: true });
    const episodeId = await data.addEpisode(personId, { teamId: api.organisation.adultTeamId, keyworkerId: api.organisation.staff.keyworker.id, referralDate: "2025-04-01" }, "2025-04-01");
    const columns = async () => {
      const facts = await episodeFacts(api.server, episodeId);
      return { stored: storedSummary(facts), facts };
    };
    const steps: { contacts: Parameters<CaseloadData["addContacts"]>[1]; asOf: IsoDate }[] = [
      { contacts: [{ date: "2025-04-07", kind: "APPOINTMENT", outcome: "ATTENDED" }], asOf: "2025-04-07" },
      { contacts: [{ date: "2025-04-14", kind: "APPOINTMENT", outcome: "DID_NOT_ATTEND" }], asOf: "2025-04-14" },
      { contacts: [{ date: "2025-04-22", kind: "APPOINTMENT", outcome: "DID_NOT_ATTEND", time: "10:00" }], asOf: "2025-04-22" },
      { contacts: [{ date: "2025-04-22", kind: "HOME_VISIT", outcome: "ATTENDED", time: "15:00" }], asOf: "2025-04-22" },
    ];
    for (const step of steps) {
      await data.addContacts(episodeId, step.contacts, step.asOf);
      const { stored, facts } = await columns();
      expect(stored).toEqual(coreSummary(facts, step.asOf));
    }
    const { stored } = await columns();
    expect(stored).toMatchObject({ lastAttendedContactDate: "2025-04-22", consecutiveDnas: 0, dnaFollowUpDueBy: null, safeguarding: true, homeVisitRecorded: true });
  });

  // recordContact and recordHarmReduction compute the summary from the records they loaded to check the write
  // (with the contact they added) instead of reading them back: what they store must be what a fresh read gives.
  it("R-DNA-1, R-DNA-2, R-SAFE-1: contacts and harm-reduction work recorded through the API store the columns the records give", async () => {
    const personId = await data.addPerson({ lastName: "Recorded", childUnder5InHousehold: true });
    const episodeId = await data.addEpisode(personId, { teamId: api.organisation.adultTeamId, keyworkerId: api.organisation.staff.keyworker.id, referralDate: "2025-04-01" }, "2025-04-01");
    await data.addContacts(episodeId, [{ date: "2025-04-03", kind: "APPOINTMENT", outcome: "ATTENDED" }], TODAY);
    const episodeGlobalId = toGlobalId("Episode", episodeId);
    const recorded = [
      { date: "2025-05-12", kind: "APPOINTMENT", outcome: "DID_NOT_ATTEND" },
      { date: "2025-05-19", kind: "APPOINTMENT", outcome: "DID_NOT_ATTEND", time: "09:30" },
      { date: "2025-05-26", kind: "APPOINTMENT", outcome: "DID_NOT_ATTEND" },
      { date: "2025-05-30", kind: "HOME_VISIT", outcome: "ATTENDED", time: "14:00" },
    ];
    const storedAfterEach = [];
    for (const contact of recorded) {
      await recordContact(api.keyworker, { episodeId: episodeGlobalId, ...contact });
      const facts = await episodeFacts(api.server, episodeId);
      expect(storedSummary(facts), `after the contact on ${contact.date}`).toEqual(coreSummary(facts, TODAY));
      storedAfterEach.push(storedSummary(facts));
    }
    // The columns moved with each contact: three missed appointments in a row, then a home visit attended.
    expect(storedAfterEach[2]).toMatchObject({ consecutiveDnas: 3, lastAttendedContactDate: "2025-04-03", homeVisitRecorded: false });
    expect(storedAfterEach[3]).toMatchObject({ consecutiveDnas: 0, lastAttendedContactDate: "2025-05-30", homeVisitRecorded: true, safeguarding: true });

    const harmReduction = await api.keyworker.request<{ recordHarmReduction: { userErrors: unknown[] } }>(
      `mutation HarmReduction($input: RecordHarmReductionInput!) { recordHarmReduction(input: $input) { userErrors { code } } }`,
      { input: { episodeId: episodeGlobalId, date: "2025-06-01", naloxoneTrainingGiven: true } },
    );
    expect(harmReduction.errors).toBeUndefined();
    expect(harmReduction.data?.recordHarmReduction.userErrors).toEqual([]);
    const facts = await episodeFacts(api.server, episodeId);
    expect(storedSummary(facts)).toEqual(coreSummary(facts, TODAY));
    expect(storedSummary(facts)).toEqual(storedAfterEach[3]);
  });
});
