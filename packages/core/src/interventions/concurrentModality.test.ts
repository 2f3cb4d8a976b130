import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../dates/isoDate.js";
import { violationsOf } from "../rules/violation.js";
import { checkConcurrentModality, concurrentStructuredInterventions } from "./concurrentModality.js";
import { ENTERED_IN_ERROR, catalogue, codesOf, inTreatment, itemOf, methadone, recorded } from "./testing/scenario.js";

const episode = inTreatment();
const peerSupport = itemOf("ROSC_PEER_SUPPORT");

function check(startDate: string, endDate: string | null, episodeInterventions = [methadone()]) {
  return checkConcurrentModality({ intervention: { startDate, endDate }, item: peerSupport, episode, episodeInterventions, catalogue });
}

describe("checkConcurrentModality (R-ROSC-1)", () => {
  it("R-ROSC-1: accepts peer support while methadone is still prescribed", () => {
    expect(check("2024-03-01", null)).toEqual({ ok: true });
  });

  it("R-ROSC-1: refuses peer support with no overlapping pharmacological or psychosocial intervention", () => {
    const result = check("2024-03-01", null, []);
    expect(codesOf(result)).toEqual(["ROSC_REQUIRES_CONCURRENT_MODALITY"]);
    expect(violationsOf(result)[0]?.message).toMatch(/^Peer support or mentoring is recorded only alongside structured treatment\. Record a pharmacological or psychosocial intervention/);
  });

  it("R-ROSC-1: refuses peer support that starts after the only structured intervention ended", () => {
    expect(codesOf(check("2024-03-01", null, [methadone({ endDate: "2024-02-29" })]))).toEqual(["ROSC_REQUIRES_CONCURRENT_MODALITY"]);
  });

  it("R-ROSC-1: accepts peer support that shares a single day with counselling", () => {
    expect(check("2024-03-01", null, [recorded("COUNSELLING", { startDate: "2024-02-01", endDate: "2024-03-01" })]).ok).toBe(true);
    expect(check("2024-02-01", "2024-03-01", [recorded("COUNSELLING", { startDate: "2024-03-01", endDate: null })]).ok).toBe(true);
  });

  it("R-ROSC-1: refuses a finished piece of peer support that ended before structured treatment began", () => {
    expect(codesOf(check("2024-02-01", "2024-02-10", [methadone({ startDate: "2024-02-11" })]))).toEqual(["ROSC_REQUIRES_CONCURRENT_MODALITY"]);
  });

  it("R-ROSC-1: does not count harm reduction, other recovery support, records entered in error or another episode's treatment", () => {
    const notStructuredTreatment = [
      recorded("NEEDLE_SYRINGE_PROGRAMME"),
      recorded("ROSC_DIVERSIONARY_ACTIVITIES"),
      methadone({ enteredInError: ENTERED_IN_ERROR }),
      methadone({ episodeId: "another-episode" }),
    ];
    expect(codesOf(check("2024-03-01", null, notStructuredTreatment))).toEqual(["ROSC_REQUIRES_CONCURRENT_MODALITY"]);
  });

  it("R-ROSC-1: asks nothing of an item without the switch", () => {
    const counselling = itemOf("COUNSELLING");
    expect(checkConcurrentModality({ intervention: { startDate: "2024-03-01", endDate: null }, item: counselling, episode, episodeInterventions: [], catalogue })).toEqual({
      ok: true,
    });
  });

  it("R-ROSC-1: accepts exactly when some structured intervention shares a calendar day with it", () => {
    const base = "2024-02-01";
    const toDate = (offset: number) => addDays(base, offset);
    const period = fc.record({ start: fc.integer({ min: 0, max: 40 }), length: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }) });
    type Period = { start: number; length: number | null };
    const lastDay = (p: Period) => (p.length === null ? Infinity : p.start + p.length);
    const sharesADay = (a: Period, b: Period) => Math.max(a.start, b.start) <= Math.min(lastDay(a), lastDay(b));
    const endOf = (p: Period) => (p.length === null ? null : toDate(p.start + p.length));
    fc.assert(
      fc.property(period, fc.array(period, { maxLength: 3 }), (rosc, structured) => {
        const interventions = structured.map((other) => recorded("COUNSELLING", { startDate: toDate(other.start), endDate: endOf(other) }));
        const intervention = { startDate: toDate(rosc.start), endDate: endOf(rosc) };
        const overlapping = structured.filter((other) => sharesADay(rosc, other)).length;
        expect(concurrentStructuredInterventions({ intervention, episode, episodeInterventions: interventions, catalogue })).toHaveLength(overlapping);
        expect(check(intervention.startDate, intervention.endDate, interventions).ok).toBe(overlapping > 0);
      }),
    );
  });
});
