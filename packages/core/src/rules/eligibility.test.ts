import { describe, expect, it } from "vitest";
import { aTeam, anEpisode } from "../testing/builders.js";
import { checkNoOpenEpisode, checkTeamAgeBand } from "./eligibility.js";

const youngPeople = aTeam({ name: "Young people's service", minAge: 11, maxAge: 24 });
const adults = aTeam({ name: "Adult service", minAge: 25, maxAge: null });

describe("R-ELIG-1: the team serves the person's age on the referral date", () => {
  it("R-ELIG-1: accepts a 24-year-old into a young people's team of 11..24", () => {
    expect(checkTeamAgeBand(youngPeople, "2000-05-10", "2025-05-09").ok).toBe(true);
  });

  it("R-ELIG-1: refuses the same person a day after their 25th birthday, naming the team's band", () => {
    const result = checkTeamAgeBand(youngPeople, "2000-05-10", "2025-05-11");
    expect(result).toMatchObject({ ok: false, violations: [{ code: "OUTSIDE_TEAM_AGE_BAND", field: "teamId", message: expect.stringContaining("11 to 24") }] });
  });

  it("R-ELIG-1: the age counts on the referral date: a 25th birthday on the referral day is adult", () => {
    expect(checkTeamAgeBand(adults, "2000-05-10", "2025-05-10").ok).toBe(true);
    expect(checkTeamAgeBand(adults, "2000-05-10", "2025-05-09").ok).toBe(false);
  });

  it("R-ELIG-1: someone born on 29 February turns 25 on 1 March in a non-leap year", () => {
    expect(checkTeamAgeBand(adults, "2000-02-29", "2025-02-28").ok).toBe(false);
    expect(checkTeamAgeBand(adults, "2000-02-29", "2025-03-01").ok).toBe(true);
  });

  it("R-ELIG-1: a team lead may accept a referral outside the band with a reason", () => {
    const result = checkTeamAgeBand(adults, "2002-01-01", "2025-06-01", { reason: "Sibling already on the adult caseload", requestedByRoles: ["TEAM_LEAD"] });
    expect(result.ok).toBe(true);
  });

  it("R-ELIG-1: an override by a practitioner, or without a reason, is refused", () => {
    expect(checkTeamAgeBand(adults, "2002-01-01", "2025-06-01", { reason: "Wanted", requestedByRoles: ["PRACTITIONER"] })).toMatchObject({
      ok: false,
      violations: [{ code: "OUTSIDE_TEAM_AGE_BAND", field: "ageBandOverride" }],
    });
    expect(checkTeamAgeBand(adults, "2002-01-01", "2025-06-01", { reason: "  ", requestedByRoles: ["TEAM_LEAD"] })).toMatchObject({
      ok: false,
      violations: [{ field: "ageBandOverride.reason" }],
    });
  });

  it("R-ELIG-1: a team with no age limits serves everyone", () => {
    expect(checkTeamAgeBand(aTeam({ minAge: null, maxAge: null }), "1940-01-01", "2025-01-01").ok).toBe(true);
  });
});

describe("R-ELIG-2: at most one open episode per person", () => {
  it("R-ELIG-2: accepts a new referral when earlier episodes are all closed", () => {
    expect(checkNoOpenEpisode([anEpisode({ status: "COMPLETED" }), anEpisode({ status: "CLOSED" })]).ok).toBe(true);
  });

  it("R-ELIG-2: refuses a new referral while an episode is open", () => {
    expect(checkNoOpenEpisode([anEpisode({ status: "TRIAGED" })])).toMatchObject({
      ok: false,
      violations: [{ code: "EPISODE_ALREADY_OPEN", field: "serviceUserId" }],
    });
  });

  it("R-ELIG-2: an open episode entered in error does not block a new referral", () => {
    const mistaken = anEpisode({ status: "REFERRED", enteredInError: { reason: "Wrong person", markedById: "s", markedOn: "2024-01-01" } });
    expect(checkNoOpenEpisode([mistaken]).ok).toBe(true);
  });
});
