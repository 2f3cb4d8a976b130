import { describe, expect, it } from "vitest";
import type { Referral } from "../records/episode.js";
import { aTeam, anEpisode } from "../testing/builders.js";
import { checkKeyworker, checkReferral, problemSubstanceViolations } from "./referral.js";

const referral: Referral = { receivedDate: "2024-03-01", source: "GP", referrer: "Dr Okafor", reason: "Daily drinking, wants detox", urgency: "ROUTINE" };
const context = { team: aTeam({ minAge: 25, maxAge: null }), dateOfBirth: "1980-01-01", episodesOfPerson: [], ageBandOverride: null, today: "2024-03-01" };

describe("receiving a referral", () => {
  it("accepts a referral for an adult with no open episode", () => {
    expect(checkReferral(referral, context).ok).toBe(true);
  });

  it("R-ELIG-2: refuses a referral while the person has an open episode", () => {
    expect(checkReferral(referral, { ...context, episodesOfPerson: [anEpisode({ status: "IN_TREATMENT" })] })).toMatchObject({
      ok: false,
      violations: [{ code: "EPISODE_ALREADY_OPEN" }],
    });
  });

  it("R-ELIG-1: refuses a 20-year-old referred to an adult team", () => {
    expect(checkReferral(referral, { ...context, dateOfBirth: "2004-01-01" })).toMatchObject({ ok: false, violations: [{ code: "OUTSIDE_TEAM_AGE_BAND" }] });
  });

  it("R-DATE-1: refuses a referral dated in the future, and reports every problem together", () => {
    const result = checkReferral({ ...referral, receivedDate: "2024-03-02", reason: "" }, context);
    expect(result).toMatchObject({ ok: false, violations: [{ code: "INVALID_DATE", field: "referral.receivedDate" }, { code: "REQUIRED", field: "referral.reason" }] });
  });
});

describe("problem substances", () => {
  it("accepts up to three, ranked in order", () => {
    expect(
      problemSubstanceViolations(
        [
          { rank: 1, substance: "HEROIN", ageOfFirstUse: 18, route: "INJECT" },
          { rank: 2, substance: "CRACK", ageOfFirstUse: 20, route: "SMOKE" },
        ],
        "1980-01-01",
        "2024-01-01",
      ),
    ).toEqual([]);
  });

  it("refuses a gap in the ranks, a repeated substance, and an age of first use above the person's age", () => {
    const violations = problemSubstanceViolations(
      [
        { rank: 1, substance: "ALCOHOL", ageOfFirstUse: 50, route: "ORAL" },
        { rank: 3, substance: "ALCOHOL", ageOfFirstUse: null, route: null },
      ],
      "1990-01-01",
      "2024-01-01",
    );
    expect(violations.map((found) => found.field)).toEqual(["problemSubstances", "problemSubstances", "problemSubstances.0.ageOfFirstUse"]);
  });
});

describe("keyworkers", () => {
  const practitioner = { active: true, roles: ["PRACTITIONER" as const], teamIds: ["team-1"] };

  it("an active practitioner of the team can be keyworker", () => {
    expect(checkKeyworker(practitioner, "team-1").ok).toBe(true);
  });

  it("a disabled account, an analyst or someone from another team cannot", () => {
    expect(checkKeyworker({ ...practitioner, active: false }, "team-1").ok).toBe(false);
    expect(checkKeyworker({ ...practitioner, roles: ["ANALYST"] }, "team-1").ok).toBe(false);
    expect(checkKeyworker(practitioner, "team-2")).toMatchObject({ ok: false, violations: [{ code: "INVALID_VALUE", field: "keyworkerId" }] });
  });
});
