import { describe, expect, it } from "vitest";
import { EXCEPTION_KINDS, exceptionsFor, type EpisodeRecords } from "./exceptions.js";
import { aContact, anEpisode, anIntervention, aPlan, aReview, aServiceUser, aTop, ENTERED_IN_ERROR, TEST_CATALOGUE, TEST_SETTINGS } from "./testing/records.js";

const AS_OF = "2024-05-01";

/**
 * An episode with nothing out of order on 1 May 2024: plan reviewed on time, START TOP recorded, seen last
 * week, a keyworker allocated, no safeguarding flag.
 */
function wellKeptEpisode(overrides: Partial<EpisodeRecords> = {}): EpisodeRecords {
  return {
    episode: anEpisode(),
    serviceUser: aServiceUser(),
    plans: [aPlan({ signedOffDate: "2024-01-15" })],
    reviews: [aReview({ completedDate: "2024-04-05" })],
    interventions: [anIntervention({ catalogueItemCode: "OST_METHADONE", startDate: "2024-03-04" })],
    outcomes: [aTop({ stage: "START", date: "2024-03-04" })],
    contacts: [aContact({ id: "seen", date: "2024-04-22" })],
    ...overrides,
  };
}

const exceptions = (records: EpisodeRecords, asOf = AS_OF) => exceptionsFor(records, TEST_CATALOGUE, TEST_SETTINGS, asOf);

describe("R-EXC-1: exceptions of an open episode", () => {
  it("R-EXC-1: an episode kept to every schedule has no exceptions", () => {
    expect(exceptions(wellKeptEpisode())).toEqual([]);
  });

  it("R-EXC-1, R-REV-2: an overdue plan review is listed against its plan from its due date", () => {
    expect(exceptions(wellKeptEpisode({ reviews: [] }))).toEqual([
      {
        kind: "REVIEW_OVERDUE",
        episodeId: "episode-1",
        serviceUserId: "person-1",
        since: "2024-04-08",
        detail: "Recovery plan review was due on 2024-04-08",
        recordId: "plan-1",
      },
    ]);
  });

  it("R-EXC-1, R-TOP-2: a START TOP missing past its recording window is listed; one still within it is not", () => {
    const noStartTop = wellKeptEpisode({ outcomes: [], contacts: [aContact({ id: "seen", date: "2024-03-25" })] });
    expect(exceptions(noStartTop, "2024-04-01")).toEqual([]);
    expect(exceptions(noStartTop, "2024-04-02")).toEqual([
      expect.objectContaining({ kind: "TOP_MISSING", since: "2024-03-04", detail: "Start TOP due on 2024-03-04 not recorded", recordId: null }),
    ]);
  });

  it("R-EXC-1, R-SAFE-1: a safeguarding flag without a home visit in the episode is listed", () => {
    const pregnant = aServiceUser({ pregnant: true });
    expect(exceptions(wellKeptEpisode({ serviceUser: pregnant }))).toEqual([
      expect.objectContaining({ kind: "SAFEGUARDING_NO_HOME_VISIT", since: null, detail: "Safeguarding (pregnant): no home visit recorded in this episode" }),
    ]);
  });

  it("R-EXC-1, R-SAFE-1: a home visit in this episode clears it; one in an earlier episode does not", () => {
    const pregnant = aServiceUser({ pregnant: true, childUnder5InHousehold: true });
    const visitThisEpisode = aContact({ id: "visit", date: "2024-04-23", kind: "HOME_VISIT" });
    const visitLastEpisode = aContact({ id: "old-visit", episodeId: "episode-0", date: "2023-04-23", kind: "HOME_VISIT" });
    const seen = aContact({ id: "seen", date: "2024-04-22" });
    expect(exceptions(wellKeptEpisode({ serviceUser: pregnant, contacts: [seen, visitThisEpisode] }))).toEqual([]);
    expect(exceptions(wellKeptEpisode({ serviceUser: pregnant, contacts: [seen, visitLastEpisode] }))).toEqual([
      expect.objectContaining({
        kind: "SAFEGUARDING_NO_HOME_VISIT",
        detail: "Safeguarding (pregnant and a child under 5 in the household): no home visit recorded in this episode",
      }),
    ]);
  });

  it("R-EXC-1, R-DNA-1: a did-not-attend not followed up in time is listed against the missed contact", () => {
    const contacts = [aContact({ id: "seen", date: "2024-04-22" }), aContact({ id: "missed", date: "2024-04-25", outcome: "DID_NOT_ATTEND" })];
    expect(exceptions(wellKeptEpisode({ contacts }), "2024-04-29")).toEqual([]);
    expect(exceptions(wellKeptEpisode({ contacts }), "2024-04-30")).toEqual([
      expect.objectContaining({
        kind: "DNA_FOLLOW_UP_OVERDUE",
        since: "2024-04-29",
        detail: "Did not attend on 2024-04-25: no follow-up contact by 2024-04-29",
        recordId: "missed",
      }),
    ]);
  });

  it("R-EXC-1, R-DNA-2: a disengaging episode is listed from the day it became so", () => {
    const contacts = [aContact({ id: "seen", date: "2024-03-01" })];
    expect(exceptions(wellKeptEpisode({ contacts }))).toEqual([
      expect.objectContaining({ kind: "DISENGAGING", since: "2024-03-29", detail: "Disengaging: no attended contact since 2024-03-01" }),
    ]);
  });

  it("R-EXC-1: an open episode with no keyworker is listed", () => {
    expect(exceptions(wellKeptEpisode({ episode: anEpisode({ keyworkerId: null }) }))).toEqual([
      expect.objectContaining({ kind: "NO_KEYWORKER", episodeId: "episode-1", serviceUserId: "person-1", detail: "No keyworker allocated" }),
    ]);
  });

  it("R-EXC-1: several exceptions come in the report's order of kinds, oldest first within a kind", () => {
    const records = wellKeptEpisode({
      episode: anEpisode({ keyworkerId: null }),
      serviceUser: aServiceUser({ childUnder5InHousehold: true }),
      reviews: [],
      outcomes: [],
      contacts: [
        aContact({ id: "missed-1", date: "2024-04-01", outcome: "DID_NOT_ATTEND" }),
        aContact({ id: "missed-2", date: "2024-04-08", outcome: "DID_NOT_ATTEND" }),
        aContact({ id: "missed-3", date: "2024-04-15", outcome: "DID_NOT_ATTEND" }),
      ],
    });
    const rows = exceptions(records);
    expect(rows.map((row) => [row.kind, row.since])).toEqual([
      ["REVIEW_OVERDUE", "2024-04-08"],
      ["TOP_MISSING", "2024-03-04"],
      ["SAFEGUARDING_NO_HOME_VISIT", null],
      ["DNA_FOLLOW_UP_OVERDUE", "2024-04-03"],
      ["DNA_FOLLOW_UP_OVERDUE", "2024-04-10"],
      ["DNA_FOLLOW_UP_OVERDUE", "2024-04-17"],
      ["DISENGAGING", "2024-01-30"],
      ["NO_KEYWORKER", null],
    ]);
    expect(rows.find((row) => row.kind === "DISENGAGING")?.detail).toBe(
      "Disengaging: 3 did-not-attends in a row; no attended contact since referral",
    );
    expect(EXCEPTION_KINDS).toEqual(["REVIEW_OVERDUE", "TOP_MISSING", "SAFEGUARDING_NO_HOME_VISIT", "DNA_FOLLOW_UP_OVERDUE", "DISENGAGING", "NO_KEYWORKER"]);
  });

  it("R-EXC-1: an episode entered in error has no exceptions", () => {
    const mistaken = anEpisode({ keyworkerId: null, enteredInError: ENTERED_IN_ERROR });
    expect(exceptions(wellKeptEpisode({ episode: mistaken, reviews: [] }))).toEqual([]);
  });
});

describe("R-EXC-1: exceptions of a closed episode", () => {
  const plannedCompletion = anEpisode({
    status: "COMPLETED",
    keyworkerId: null,
    dischargeDate: "2024-04-26",
    dischargeReason: "COMPLETED_DRUG_FREE",
  });

  it("R-EXC-1, R-DIS-1: a planned completion without an EXIT TOP is listed once the recording window has closed", () => {
    const records = wellKeptEpisode({ episode: plannedCompletion });
    expect(exceptions(records, "2024-05-24")).toEqual([]);
    expect(exceptions(records, "2024-05-25")).toEqual([
      {
        kind: "TOP_MISSING",
        episodeId: "episode-1",
        serviceUserId: "person-1",
        since: "2024-04-26",
        detail: "Exit TOP due on 2024-04-26 not recorded after a planned completion",
        recordId: null,
      },
    ]);
  });

  it("R-EXC-1, R-TOP-2: an unplanned discharge without an EXIT TOP is listed too", () => {
    const droppedOut = anEpisode({ status: "CLOSED", dischargeDate: "2024-04-26", dischargeReason: "DROPPED_OUT" });
    expect(exceptions(wellKeptEpisode({ episode: droppedOut }), "2024-06-01")).toEqual([
      expect.objectContaining({ kind: "TOP_MISSING", detail: "Exit TOP due on 2024-04-26 not recorded" }),
    ]);
  });

  it("R-EXC-1: a closed episode shows nothing but a missing EXIT TOP", () => {
    const neglected = wellKeptEpisode({
      episode: plannedCompletion,
      serviceUser: aServiceUser({ pregnant: true }),
      reviews: [],
      outcomes: [aTop({ stage: "EXIT", date: "2024-04-26" })],
      contacts: [aContact({ id: "missed", date: "2024-04-01", outcome: "DID_NOT_ATTEND" })],
    });
    expect(exceptions(neglected, "2024-08-01")).toEqual([]);
  });

  it("R-EXC-1: an episode closed before structured treatment began owes no EXIT TOP", () => {
    const notStarted = anEpisode({ status: "CLOSED", dischargeDate: "2024-02-01", dischargeReason: "COMMENCEMENT_DECLINED" });
    expect(exceptions(wellKeptEpisode({ episode: notStarted, interventions: [], outcomes: [] }), "2024-08-01")).toEqual([]);
  });
});
