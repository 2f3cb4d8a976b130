import { describe, expect, it } from "vitest";
import { homeVisitRecordedIn, isRepresentation, ostDuration, OST_MAX_GAP_DAYS, representationAfter, REPRESENTATION_WINDOW_DAYS, safeguardingStatus, safeguardingStatusOf } from "./flags.js";
import { aContact, anEpisode, anIntervention, aServiceUser, ENTERED_IN_ERROR, TEST_CATALOGUE } from "./testing/records.js";

describe("R-SAFE-1: safeguarding flag and home visit", () => {
  const pregnant = aServiceUser({ pregnant: true, expectedDeliveryDate: "2024-11-01" });

  it("R-SAFE-1: a pregnant person is flagged and owes a home visit until one is recorded", () => {
    expect(safeguardingStatus(pregnant, [])).toEqual({ flagged: true, reasons: ["PREGNANT"], homeVisitRecorded: false, homeVisitDue: true });
  });

  it("R-SAFE-1: a person living with a child under 5 is flagged", () => {
    expect(safeguardingStatus(aServiceUser({ childUnder5InHousehold: true }), [])).toMatchObject({ flagged: true, reasons: ["CHILD_UNDER_5"] });
    expect(safeguardingStatus(aServiceUser({ pregnant: true, childUnder5InHousehold: true }), []).reasons).toEqual(["PREGNANT", "CHILD_UNDER_5"]);
  });

  it("R-SAFE-1: a person neither pregnant nor living with a child under 5 is not flagged and owes no home visit", () => {
    expect(safeguardingStatus(aServiceUser(), [])).toEqual({ flagged: false, reasons: [], homeVisitRecorded: false, homeVisitDue: false });
  });

  it("R-SAFE-1: an attended home visit in the episode satisfies it", () => {
    const visit = aContact({ date: "2024-05-02", kind: "HOME_VISIT", outcome: "ATTENDED" });
    expect(safeguardingStatus(pregnant, [visit])).toMatchObject({ flagged: true, homeVisitRecorded: true, homeVisitDue: false });
  });

  it("R-SAFE-1: a home visit where nobody was in, an office appointment, or a visit entered in error does not", () => {
    const contacts = [
      aContact({ id: "no-answer", date: "2024-05-02", kind: "HOME_VISIT", outcome: "DID_NOT_ATTEND" }),
      aContact({ id: "office", date: "2024-05-03", kind: "APPOINTMENT", outcome: "ATTENDED" }),
      aContact({ id: "mistaken", date: "2024-05-04", kind: "HOME_VISIT", outcome: "ATTENDED", enteredInError: ENTERED_IN_ERROR }),
    ];
    expect(safeguardingStatus(pregnant, contacts)).toMatchObject({ homeVisitRecorded: false, homeVisitDue: true });
    expect(homeVisitRecordedIn(contacts)).toBe(false);
  });

  it("R-SAFE-1: from an episode's stored answer to whether the visit is recorded, the same verdict as from its contacts", () => {
    const visit = aContact({ date: "2024-05-02", kind: "HOME_VISIT", outcome: "ATTENDED" });
    expect(homeVisitRecordedIn([visit])).toBe(true);
    for (const person of [pregnant, aServiceUser({ childUnder5InHousehold: true }), aServiceUser()]) {
      for (const contacts of [[], [visit]]) expect(safeguardingStatusOf(person, homeVisitRecordedIn(contacts))).toEqual(safeguardingStatus(person, contacts));
    }
    expect(safeguardingStatusOf(pregnant, true)).toMatchObject({ flagged: true, homeVisitDue: false });
    expect(safeguardingStatusOf(pregnant, false)).toMatchObject({ flagged: true, homeVisitDue: true });
  });
});

describe("R-OST-1: time on opioid substitution treatment", () => {
  const methadone = (startDate: string, endDate: string | null = null) =>
    anIntervention({ catalogueItemCode: "OST_METHADONE", startDate, endDate });
  const buprenorphine = (startDate: string, endDate: string | null = null) =>
    anIntervention({ catalogueItemCode: "OST_BUPRENORPHINE", startDate, endDate });

  it("R-OST-1: an open prescription counts from its start; 2 calendar years are flagged", () => {
    expect(ostDuration([methadone("2022-03-01")], TEST_CATALOGUE, "2024-02-29")).toEqual({ continuousSince: "2022-03-01", days: 730, flag: null });
    expect(ostDuration([methadone("2022-03-01")], TEST_CATALOGUE, "2024-03-01")).toEqual({
      continuousSince: "2022-03-01",
      days: 731,
      flag: "OST_2_YEARS",
    });
  });

  it("R-OST-1: a spell begun on 29 February reaches 2 years on 28 February two years on", () => {
    expect(ostDuration([methadone("2024-02-29")], TEST_CATALOGUE, "2026-02-27").flag).toBeNull();
    expect(ostDuration([methadone("2024-02-29")], TEST_CATALOGUE, "2026-02-28").flag).toBe("OST_2_YEARS");
  });

  it("R-OST-1: 6 continuous years are flagged as such", () => {
    expect(ostDuration([methadone("2018-01-10")], TEST_CATALOGUE, "2024-01-09").flag).toBe("OST_2_YEARS");
    expect(ostDuration([methadone("2018-01-10")], TEST_CATALOGUE, "2024-01-10")).toMatchObject({ flag: "OST_6_YEARS", days: 2191 });
  });

  it(`R-OST-1: a switch from methadone to buprenorphine with up to ${OST_MAX_GAP_DAYS} days between does not break the spell`, () => {
    const switched = [methadone("2020-01-01", "2022-05-01"), buprenorphine("2022-05-09")];
    expect(ostDuration(switched, TEST_CATALOGUE, "2024-06-01")).toMatchObject({ continuousSince: "2020-01-01", flag: "OST_2_YEARS" });
  });

  it(`R-OST-1: a gap of more than ${OST_MAX_GAP_DAYS} days starts a new spell`, () => {
    const restarted = [methadone("2020-01-01", "2022-05-01"), buprenorphine("2022-05-10")];
    expect(ostDuration(restarted, TEST_CATALOGUE, "2024-05-09")).toMatchObject({ continuousSince: "2022-05-10", flag: null });
  });

  it("R-OST-1: overlapping prescriptions, given in any order, make one spell", () => {
    const overlapping = [buprenorphine("2021-06-01"), methadone("2020-01-01", "2021-06-15")];
    expect(ostDuration(overlapping, TEST_CATALOGUE, "2024-01-01").continuousSince).toBe("2020-01-01");
  });

  it("R-OST-1: a person whose OST ended before asOf is not on OST; one ending on asOf still is", () => {
    expect(ostDuration([methadone("2020-01-01", "2023-12-31")], TEST_CATALOGUE, "2024-01-01")).toEqual({ continuousSince: null, days: 0, flag: null });
    expect(ostDuration([methadone("2020-01-01", "2024-01-01")], TEST_CATALOGUE, "2024-01-01")).toMatchObject({
      continuousSince: "2020-01-01",
      flag: "OST_2_YEARS",
    });
  });

  it("R-OST-1: only items switched as opioid substitution count", () => {
    const notOst = [
      anIntervention({ catalogueItemCode: "ALCOHOL_DETOX", startDate: "2019-01-01" }),
      anIntervention({ catalogueItemCode: "COUNSELLING", startDate: "2019-01-01" }),
      anIntervention({ catalogueItemCode: "RETIRED_UNKNOWN", startDate: "2019-01-01" }),
    ];
    expect(ostDuration(notOst, TEST_CATALOGUE, "2024-01-01")).toEqual({ continuousSince: null, days: 0, flag: null });
  });

  it("R-OST-1: prescribing carried over from an earlier episode of the same person continues the spell", () => {
    const acrossEpisodes = [
      anIntervention({ episodeId: "episode-1", catalogueItemCode: "OST_METHADONE", startDate: "2020-01-01", endDate: "2021-03-31" }),
      anIntervention({ episodeId: "episode-2", catalogueItemCode: "OST_METHADONE", startDate: "2021-04-01" }),
    ];
    expect(ostDuration(acrossEpisodes, TEST_CATALOGUE, "2023-01-01").continuousSince).toBe("2020-01-01");
  });

  it("R-OST-1: prescriptions entered in error or starting after asOf are not counted", () => {
    const interventions = [
      anIntervention({ catalogueItemCode: "OST_METHADONE", startDate: "2019-01-01", enteredInError: ENTERED_IN_ERROR }),
      methadone("2024-02-01"),
    ];
    expect(ostDuration(interventions, TEST_CATALOGUE, "2024-01-15")).toEqual({ continuousSince: null, days: 0, flag: null });
  });
});

describe("R-REP-1: re-presentation", () => {
  const completed = anEpisode({ id: "episode-1", status: "COMPLETED", dischargeDate: "2024-01-10", dischargeReason: "COMPLETED_DRUG_FREE" });
  const referredOn = (id: string, receivedDate: string, serviceUserId = "person-1") =>
    anEpisode({ id, serviceUserId, status: "REFERRED", referral: { ...completed.referral, receivedDate } });

  it(`R-REP-1: a referral up to ${REPRESENTATION_WINDOW_DAYS} days after a successful completion is a re-presentation`, () => {
    expect(isRepresentation([completed], "2024-01-10")).toBe(true);
    expect(isRepresentation([completed], "2024-07-10")).toBe(true);
  });

  it("R-REP-1: a referral 183 days after is not", () => {
    expect(isRepresentation([completed], "2024-07-11")).toBe(false);
  });

  it("R-REP-1: only a successful completion counts: not a drop-out, a transfer or an episode still open", () => {
    const droppedOut = anEpisode({ status: "CLOSED", dischargeDate: "2024-01-10", dischargeReason: "DROPPED_OUT" });
    const transferred = anEpisode({ status: "CLOSED", dischargeDate: "2024-01-10", dischargeReason: "TRANSFERRED_NOT_IN_CUSTODY" });
    expect(isRepresentation([droppedOut, transferred, anEpisode()], "2024-02-01")).toBe(false);
  });

  it("R-REP-1: a referral before the completion, or a completion entered in error, is not a re-presentation", () => {
    expect(isRepresentation([completed], "2024-01-09")).toBe(false);
    expect(isRepresentation([{ ...completed, enteredInError: ENTERED_IN_ERROR }], "2024-02-01")).toBe(false);
  });

  it("R-REP-1: the re-presentation after a completion is the person's first referral in the window", () => {
    const later = [referredOn("episode-3", "2024-06-01"), referredOn("episode-2", "2024-03-01"), referredOn("episode-4", "2024-09-01")];
    expect(representationAfter(completed, later)?.id).toBe("episode-2");
  });

  it("R-REP-1: no re-presentation when the person came back after the window, or only someone else was referred", () => {
    expect(representationAfter(completed, [referredOn("episode-4", "2024-07-11")])).toBeNull();
    expect(representationAfter(completed, [referredOn("episode-5", "2024-02-01", "person-2")])).toBeNull();
  });

  it("R-REP-1: an episode that did not end in a successful completion has no re-presentation", () => {
    const droppedOut = { ...completed, status: "CLOSED" as const, dischargeReason: "DROPPED_OUT" as const };
    expect(representationAfter(droppedOut, [referredOn("episode-2", "2024-02-01")])).toBeNull();
  });
});
