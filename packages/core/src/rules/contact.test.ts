import { describe, expect, it } from "vitest";
import { aContact, anEpisode } from "../testing/builders.js";
import { checkContact, checkHarmReduction } from "./contact.js";

const context = { episode: anEpisode({ status: "IN_TREATMENT" }), dateOfBirth: "1980-01-01", today: "2024-02-01" };

describe("contacts and harm reduction", () => {
  it("accepts a did-not-attend recorded today", () => {
    expect(checkContact({ ...aContact(), outcome: "DID_NOT_ATTEND" }, context).ok).toBe(true);
  });

  it("R-DATE-1: refuses a contact recorded for tomorrow, and a malformed time", () => {
    expect(checkContact({ ...aContact(), date: "2024-02-02", time: "25:00" }, context)).toMatchObject({
      ok: false,
      violations: [{ code: "INVALID_DATE", field: "date" }, { code: "INVALID_VALUE", field: "time" }],
    });
  });

  it("refuses a contact on a closed episode", () => {
    expect(checkContact(aContact(), { ...context, episode: anEpisode({ status: "CLOSED" }) })).toMatchObject({ ok: false, violations: [{ field: "episodeId" }] });
  });

  it("a harm-reduction record must record something", () => {
    const empty = { date: "2024-02-01", naloxoneIssuedTo: null, naloxoneTrainingGiven: false, hepatitisBVaccination: null, hepatitisCTest: null, hivTest: null };
    expect(checkHarmReduction(empty, context)).toMatchObject({ ok: false, violations: [{ code: "REQUIRED" }] });
    expect(checkHarmReduction({ ...empty, naloxoneIssuedTo: "FAMILY_MEMBER", hepatitisCTest: "ACCEPTED" }, context).ok).toBe(true);
  });
});
