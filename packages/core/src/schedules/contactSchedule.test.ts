import { describe, expect, it } from "vitest";
import type { Contact } from "../records/contact.js";
import type { ServiceSettings } from "../records/organisation.js";
import { daysSinceLastAttendedContact, disengagement, dnaFollowUps } from "./contactSchedule.js";
import { aContact, anEpisode, ENTERED_IN_ERROR, TEST_SETTINGS } from "./testing/records.js";

const settings = (overrides: Partial<ServiceSettings> = {}): ServiceSettings => ({ ...TEST_SETTINGS, ...overrides });
const missed = (date: string, overrides: Partial<Contact> = {}) =>
  aContact({ id: `dna-${date}`, date, outcome: "DID_NOT_ATTEND", time: "10:00", ...overrides });

describe("R-DNA-1: following up a did-not-attend", () => {
  it("R-DNA-1: a follow-up is due within 2 working days of a did-not-attend", () => {
    const [followUp] = dnaFollowUps([missed("2024-04-16")], settings(), "2024-04-16");
    expect(followUp).toEqual({
      dnaContactId: "dna-2024-04-16",
      episodeId: "episode-1",
      dnaDate: "2024-04-16",
      dueBy: "2024-04-18",
      followUpContactId: null,
      followUpDate: null,
      status: "DUE",
    });
  });

  it("R-DNA-1: the working days skip a weekend", () => {
    expect(dnaFollowUps([missed("2024-04-18")], settings(), "2024-04-18")[0]?.dueBy).toBe("2024-04-22");
  });

  it("R-DNA-1: the working days skip a weekend and a bank holiday", () => {
    const withEarlyMayHoliday = settings({ bankHolidays: ["2024-05-06"] });
    expect(dnaFollowUps([missed("2024-05-03")], withEarlyMayHoliday, "2024-05-03")[0]?.dueBy).toBe("2024-05-08");
    expect(dnaFollowUps([missed("2024-05-03")], settings(), "2024-05-03")[0]?.dueBy).toBe("2024-05-07");
    const christmas = settings({ bankHolidays: ["2024-12-25", "2024-12-26"] });
    expect(dnaFollowUps([missed("2024-12-24")], christmas, "2024-12-24")[0]?.dueBy).toBe("2024-12-30");
  });

  it("R-DNA-1: the service's setting sets the number of working days", () => {
    expect(dnaFollowUps([missed("2024-04-16")], settings({ dnaFollowUpWorkingDays: 3 }), "2024-04-16")[0]?.dueBy).toBe("2024-04-19");
  });

  it("R-DNA-1: a follow-up not done is due up to and including its last day, overdue after", () => {
    const statusOn = (asOf: string) => dnaFollowUps([missed("2024-04-16")], settings(), asOf)[0]?.status;
    expect(statusOn("2024-04-18")).toBe("DUE");
    expect(statusOn("2024-04-19")).toBe("OVERDUE");
  });

  it("R-DNA-1: a phone call, letter, text or home visit after the did-not-attend is the follow-up, whatever its outcome", () => {
    for (const kind of ["PHONE", "LETTER", "TEXT", "HOME_VISIT"] as const) {
      const attempt = aContact({ id: `attempt-${kind}`, date: "2024-04-17", kind, outcome: "DID_NOT_ATTEND" });
      const [followUp] = dnaFollowUps([missed("2024-04-16"), attempt], settings(), "2024-05-01");
      expect(followUp).toMatchObject({ followUpContactId: `attempt-${kind}`, followUpDate: "2024-04-17", status: "DONE" });
    }
  });

  it("R-DNA-1: another missed appointment or group is not a follow-up attempt", () => {
    const secondMiss = missed("2024-04-17", { kind: "GROUP" });
    const [first] = dnaFollowUps([missed("2024-04-16"), secondMiss], settings(), "2024-05-01");
    expect(first).toMatchObject({ followUpContactId: null, status: "OVERDUE" });
  });

  it("R-DNA-1: an appointment the person attended after missing one needs no further follow-up", () => {
    const seen = aContact({ id: "seen", date: "2024-04-17", kind: "APPOINTMENT", outcome: "ATTENDED" });
    expect(dnaFollowUps([missed("2024-04-16"), seen], settings(), "2024-05-01")[0]).toMatchObject({ followUpContactId: "seen", status: "DONE" });
  });

  it("R-DNA-1: on the day of the did-not-attend, a call made earlier that day does not count; a later or untimed one does", () => {
    const earlier = aContact({ id: "call-0900", date: "2024-04-16", time: "09:00", kind: "PHONE" });
    const later = aContact({ id: "call-1500", date: "2024-04-16", time: "15:00", kind: "PHONE" });
    const untimed = aContact({ id: "call-untimed", date: "2024-04-16", time: null, kind: "PHONE" });
    expect(dnaFollowUps([missed("2024-04-16"), earlier], settings(), "2024-04-30")[0]?.status).toBe("OVERDUE");
    expect(dnaFollowUps([missed("2024-04-16"), earlier, later], settings(), "2024-04-30")[0]?.followUpContactId).toBe("call-1500");
    expect(dnaFollowUps([missed("2024-04-16"), untimed], settings(), "2024-04-30")[0]?.followUpContactId).toBe("call-untimed");
  });

  it("R-DNA-1: a missed phone appointment is not its own follow-up", () => {
    const missedCall = missed("2024-04-16", { kind: "PHONE" });
    expect(dnaFollowUps([missedCall], settings(), "2024-04-30")[0]?.status).toBe("OVERDUE");
  });

  it("R-DNA-1: a follow-up made late still marks the did-not-attend done, and its date shows it was late", () => {
    const lateCall = aContact({ id: "late-call", date: "2024-04-25", kind: "PHONE" });
    const [followUp] = dnaFollowUps([missed("2024-04-16"), lateCall], settings(), "2024-04-30");
    expect(followUp).toMatchObject({ status: "DONE", dueBy: "2024-04-18", followUpDate: "2024-04-25" });
  });

  it("R-DNA-1: a contact in another episode does not follow up this one's did-not-attend", () => {
    const otherEpisodeCall = aContact({ id: "elsewhere", episodeId: "episode-2", date: "2024-04-17", kind: "PHONE" });
    expect(dnaFollowUps([missed("2024-04-16"), otherEpisodeCall], settings(), "2024-04-30")[0]?.status).toBe("OVERDUE");
  });

  it("R-DNA-1: records entered in error neither need nor give a follow-up", () => {
    const mistakenMiss = missed("2024-04-10", { enteredInError: ENTERED_IN_ERROR });
    const mistakenCall = aContact({ id: "mistaken-call", date: "2024-04-17", kind: "PHONE", enteredInError: ENTERED_IN_ERROR });
    const followUps = dnaFollowUps([mistakenMiss, missed("2024-04-16"), mistakenCall], settings(), "2024-04-30");
    expect(followUps.map((f) => [f.dnaContactId, f.status])).toEqual([["dna-2024-04-16", "OVERDUE"]]);
  });

  it("R-DNA-1: attended contacts need no follow-up", () => {
    expect(dnaFollowUps([aContact({ date: "2024-04-16" })], settings(), "2024-04-30")).toEqual([]);
  });
});

describe("R-DNA-2: disengagement", () => {
  const openEpisode = anEpisode({ referral: { ...anEpisode().referral, receivedDate: "2024-04-01" } });
  const attended = (date: string) => aContact({ id: `seen-${date}`, date, outcome: "ATTENDED" });

  it("R-DNA-2: three did-not-attends in a row flag the episode as disengaging from the third", () => {
    const contacts = [attended("2024-05-01"), missed("2024-05-07"), missed("2024-05-14"), missed("2024-05-21")];
    expect(disengagement(openEpisode, contacts, settings(), "2024-05-22")).toEqual({
      disengaging: true,
      reasons: ["CONSECUTIVE_DNAS"],
      lastAttendedDate: "2024-05-01",
      consecutiveDnas: 3,
      since: "2024-05-21",
    });
  });

  it("R-DNA-2: two did-not-attends in a row do not", () => {
    const contacts = [attended("2024-05-01"), missed("2024-05-07"), missed("2024-05-14")];
    expect(disengagement(openEpisode, contacts, settings(), "2024-05-15")).toMatchObject({ disengaging: false, reasons: [], consecutiveDnas: 2 });
  });

  it("R-DNA-2: an attended, cancelled or rearranged contact ends the run of did-not-attends", () => {
    for (const outcome of ["ATTENDED", "CANCELLED_BY_SERVICE_USER", "REARRANGED"] as const) {
      const inTouch = aContact({ id: "in-touch", date: "2024-05-10", outcome });
      const contacts = [missed("2024-05-03"), missed("2024-05-07"), inTouch, missed("2024-05-14")];
      expect(disengagement(openEpisode, contacts, settings(), "2024-05-15").consecutiveDnas).toBe(1);
    }
  });

  it("R-DNA-2: an appointment the service cancelled neither counts in the run nor ends it", () => {
    const cancelledByService = aContact({ id: "cancelled", date: "2024-05-10", outcome: "CANCELLED_BY_SERVICE" });
    const contacts = [attended("2024-05-01"), missed("2024-05-03"), missed("2024-05-07"), cancelledByService, missed("2024-05-14")];
    expect(disengagement(openEpisode, contacts, settings(), "2024-05-15")).toMatchObject({ disengaging: true, consecutiveDnas: 3 });
  });

  it("R-DNA-2: no attended contact for 28 days flags the episode from the 28th day", () => {
    const contacts = [attended("2024-05-01")];
    expect(disengagement(openEpisode, contacts, settings(), "2024-05-28")).toMatchObject({ disengaging: false, since: null });
    expect(disengagement(openEpisode, contacts, settings(), "2024-05-29")).toEqual({
      disengaging: true,
      reasons: ["NO_ATTENDED_CONTACT"],
      lastAttendedDate: "2024-05-01",
      consecutiveDnas: 0,
      since: "2024-05-29",
    });
  });

  it("R-DNA-2: with no attended contact at all the 28 days count from the referral date", () => {
    expect(disengagement(openEpisode, [], settings(), "2024-04-28").disengaging).toBe(false);
    expect(disengagement(openEpisode, [], settings(), "2024-04-29")).toMatchObject({
      disengaging: true,
      reasons: ["NO_ATTENDED_CONTACT"],
      lastAttendedDate: null,
      since: "2024-04-29",
    });
  });

  it("R-DNA-2: both reasons can apply at once; since is the earlier of the two", () => {
    const contacts = [attended("2024-04-02"), missed("2024-04-09"), missed("2024-04-16"), missed("2024-05-07")];
    expect(disengagement(openEpisode, contacts, settings(), "2024-05-08")).toMatchObject({
      reasons: ["CONSECUTIVE_DNAS", "NO_ATTENDED_CONTACT"],
      since: "2024-04-30",
    });
  });

  it("R-DNA-2: the thresholds are the service's settings", () => {
    const contacts = [attended("2024-05-01"), missed("2024-05-07"), missed("2024-05-14")];
    const stricter = settings({ disengagementConsecutiveDnas: 2, disengagementDaysWithoutContact: 14 });
    expect(disengagement(openEpisode, contacts, stricter, "2024-05-15")).toMatchObject({
      reasons: ["CONSECUTIVE_DNAS", "NO_ATTENDED_CONTACT"],
      since: "2024-05-14",
    });
  });

  it("R-DNA-2: a closed episode is never disengaging, though its facts are reported", () => {
    const closed = anEpisode({ status: "CLOSED", dischargeDate: "2024-06-01", dischargeReason: "DROPPED_OUT" });
    const contacts = [missed("2024-05-07"), missed("2024-05-14"), missed("2024-05-21")];
    expect(disengagement(closed, contacts, settings(), "2024-07-01")).toEqual({
      disengaging: false,
      reasons: [],
      lastAttendedDate: null,
      consecutiveDnas: 3,
      since: null,
    });
  });

  it("R-DNA-2: contacts after asOf and contacts entered in error are not counted", () => {
    const contacts = [
      attended("2024-05-01"),
      missed("2024-05-07"),
      missed("2024-05-14"),
      missed("2024-05-15", { enteredInError: ENTERED_IN_ERROR }),
      missed("2024-05-21"),
    ];
    expect(disengagement(openEpisode, contacts, settings(), "2024-05-16")).toMatchObject({ disengaging: false, consecutiveDnas: 2 });
  });
});

describe("R-DNA-2: days since the last attended contact", () => {
  it("R-DNA-2: counts whole days from the last attended contact to asOf", () => {
    const contacts = [
      aContact({ id: "a", date: "2024-05-01" }),
      aContact({ id: "b", date: "2024-05-10" }),
      aContact({ id: "c", date: "2024-05-20", outcome: "DID_NOT_ATTEND" }),
    ];
    expect(daysSinceLastAttendedContact(contacts, "2024-05-30")).toBe(20);
    expect(daysSinceLastAttendedContact(contacts, "2024-05-10")).toBe(0);
    expect(daysSinceLastAttendedContact(contacts, "2024-05-05")).toBe(4);
  });

  it("R-DNA-2: is null when the person has attended nothing", () => {
    expect(daysSinceLastAttendedContact([aContact({ date: "2024-05-01", outcome: "DID_NOT_ATTEND" })], "2024-05-30")).toBeNull();
    expect(daysSinceLastAttendedContact([aContact({ date: "2024-05-01", enteredInError: ENTERED_IN_ERROR })], "2024-05-30")).toBeNull();
  });
});
