import { describe, expect, it } from "vitest";
import { didNotAttendKpi } from "./k10DidNotAttend.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

describe("K-10 did not attend", () => {
  it("K-10: divides missed appointments by appointments that were attended or missed in the period", () => {
    const b = new ProviderDataBuilder();
    const episode = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });
    b.contact(episode, "2025-04-01", "APPOINTMENT", "ATTENDED");
    b.contact(episode, "2025-04-08", "APPOINTMENT", "DID_NOT_ATTEND");
    b.contact(episode, "2025-05-01", "HOME_VISIT", "DID_NOT_ATTEND");
    b.contact(episode, "2025-06-30", "GROUP", "ATTENDED");
    // Not counted: cancelled or rearranged, not an appointment, outside the period, entered in error.
    b.contact(episode, "2025-04-15", "APPOINTMENT", "CANCELLED_BY_SERVICE");
    b.contact(episode, "2025-04-15", "APPOINTMENT", "CANCELLED_BY_SERVICE_USER");
    b.contact(episode, "2025-04-16", "APPOINTMENT", "REARRANGED");
    b.contact(episode, "2025-04-09", "PHONE", "DID_NOT_ATTEND");
    b.contact(episode, "2025-04-09", "TEXT", "ATTENDED");
    b.contact(episode, "2025-03-31", "APPOINTMENT", "DID_NOT_ATTEND");
    b.contact(episode, "2025-07-01", "APPOINTMENT", "DID_NOT_ATTEND");
    b.contact(episode, "2025-04-22", "APPOINTMENT", "DID_NOT_ATTEND", true);
    expect(didNotAttendKpi(b.build(), Q1)).toEqual({ id: "K-10", target: null, numerator: 2, denominator: 4, value: 0.5, groups: [] });
  });

  it("K-10: counts a contact under its episode's keyworker and team, and honours the filter", () => {
    const b = new ProviderDataBuilder();
    const ann = b.episode(b.person(), { referred: "2025-01-01", keyworkerId: "s-ann" });
    const bob = b.episode(b.person({ sex: "FEMALE" }), { referred: "2025-01-01", keyworkerId: "s-bob" });
    b.contact(ann, "2025-04-01", "APPOINTMENT", "DID_NOT_ATTEND");
    b.contact(bob, "2025-04-01", "APPOINTMENT", "ATTENDED");
    b.contact(bob, "2025-04-02", "APPOINTMENT", "DID_NOT_ATTEND");
    const data = b.build();
    expect(didNotAttendKpi(data, Q1, { breakdown: "KEYWORKER" }).groups).toEqual([
      { key: "s-ann", label: "Ann Keyworker", numerator: 1, denominator: 1, value: 1 },
      { key: "s-bob", label: "Bob Keyworker", numerator: 1, denominator: 2, value: 0.5 },
    ]);
    expect(didNotAttendKpi(data, Q1, { filter: { sexes: ["FEMALE"] } })).toMatchObject({ numerator: 1, denominator: 2 });
  });
});
