import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FOLLOW_UP_CONTACT_KINDS } from "../codes/clinical.js";
import { addDays, isWorkingDay } from "../dates/isoDate.js";
import { compareContacts, daysSinceLastAttendedContact, disengagement, dnaFollowUps } from "./contactSchedule.js";
import { contactHistoryArb, isoDateArb } from "./testing/arbitraries.js";
import { anEpisode, TEST_SETTINGS } from "./testing/records.js";

const followUpSettingsArb = fc.record({
  dnaFollowUpWorkingDays: fc.integer({ min: 1, max: 5 }),
  bankHolidays: fc.array(isoDateArb, { maxLength: 30 }),
});

describe("DNA follow-up and disengagement properties", () => {
  it("R-DNA-1: a follow-up is always due on a working day, exactly the set number of working days after the DNA", () => {
    fc.assert(
      fc.property(contactHistoryArb, followUpSettingsArb, isoDateArb, (contacts, drawn, asOf) => {
        const settings = { ...TEST_SETTINGS, ...drawn };
        const holidays = new Set(drawn.bankHolidays);
        for (const followUp of dnaFollowUps(contacts, settings, asOf)) {
          expect(followUp.dueBy > followUp.dnaDate).toBe(true);
          expect(isWorkingDay(followUp.dueBy, holidays)).toBe(true);
          let workingDays = 0;
          for (let day = addDays(followUp.dnaDate, 1); day <= followUp.dueBy; day = addDays(day, 1)) {
            if (isWorkingDay(day, holidays)) workingDays += 1;
          }
          expect(workingDays).toBe(drawn.dnaFollowUpWorkingDays);
        }
      }),
    );
  });

  it("R-DNA-1: a DNA is done exactly when a follow-up contact comes after it, and otherwise due or overdue by its deadline", () => {
    fc.assert(
      fc.property(contactHistoryArb, isoDateArb, (contacts, asOf) => {
        const followUps = dnaFollowUps(contacts, TEST_SETTINGS, asOf);
        expect(followUps).toHaveLength(contacts.filter((c) => c.outcome === "DID_NOT_ATTEND").length);
        for (const followUp of followUps) {
          const missed = contacts.find((c) => c.id === followUp.dnaContactId);
          const answer = contacts.find((c) => c.id === followUp.followUpContactId);
          if (followUp.status === "DONE") {
            expect(answer).toBeDefined();
            if (answer === undefined || missed === undefined) return;
            expect(answer.id).not.toBe(missed.id);
            expect(FOLLOW_UP_CONTACT_KINDS.includes(answer.kind) || answer.outcome === "ATTENDED").toBe(true);
            expect(answer.date >= missed.date).toBe(true);
            if (answer.date === missed.date && answer.time !== null && missed.time !== null) expect(answer.time >= missed.time).toBe(true);
          } else {
            expect(answer).toBeUndefined();
            expect(followUp.status).toBe(asOf <= followUp.dueBy ? "DUE" : "OVERDUE");
            const laterAttempts = contacts.filter(
              (c) => c.date > followUp.dnaDate && (FOLLOW_UP_CONTACT_KINDS.includes(c.kind) || c.outcome === "ATTENDED"),
            );
            expect(laterAttempts).toEqual([]);
          }
        }
      }),
    );
  });

  it("R-DNA-2: an open episode is disengaging exactly when the run of DNAs or the days without attended contact reach the settings", () => {
    fc.assert(
      fc.property(contactHistoryArb, fc.integer({ min: 0, max: 90 }), (contacts, daysAfterLast) => {
        const last = [...contacts].sort(compareContacts).at(-1)?.date ?? "2024-01-01";
        const asOf = addDays(last, daysAfterLast);
        const episode = anEpisode({ referral: { ...anEpisode().referral, receivedDate: contacts[0]?.date ?? "2024-01-01" } });
        const found = disengagement(episode, contacts, TEST_SETTINGS, asOf);
        const quietDays = daysSinceLastAttendedContact(contacts, asOf);
        const tooQuiet = (quietDays ?? Number.POSITIVE_INFINITY) >= TEST_SETTINGS.disengagementDaysWithoutContact;
        const referralQuietDays = quietDays === null ? Math.round((Date.parse(asOf) - Date.parse(episode.referral.receivedDate)) / 86_400_000) : null;
        const expectedQuiet = quietDays === null ? (referralQuietDays ?? 0) >= TEST_SETTINGS.disengagementDaysWithoutContact : tooQuiet;
        const tooManyMisses = found.consecutiveDnas >= TEST_SETTINGS.disengagementConsecutiveDnas;
        expect(found.reasons.includes("NO_ATTENDED_CONTACT")).toBe(expectedQuiet);
        expect(found.reasons.includes("CONSECUTIVE_DNAS")).toBe(tooManyMisses);
        expect(found.disengaging).toBe(expectedQuiet || tooManyMisses);
        expect(found.since !== null).toBe(found.disengaging);
        if (found.since !== null) expect(found.since <= asOf).toBe(true);
        expect(found.consecutiveDnas).toBeLessThanOrEqual(contacts.filter((c) => c.outcome === "DID_NOT_ATTEND").length);
      }),
    );
  });
});
