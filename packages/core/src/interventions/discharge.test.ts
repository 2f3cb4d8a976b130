import { describe, expect, it } from "vitest";
import { NO_SWITCHES, catalogueOf } from "../catalogue/catalogueItem.js";
import { DEFAULT_CATALOGUE } from "../catalogue/defaultCatalogue.js";
import type { DischargeReason } from "../codes/dischargeReason.js";
import type { Episode } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";
import { violationsOf } from "../rules/violation.js";
import { anOutcomeRecord } from "../testing/builders.js";
import { checkDischarge, dischargeEffects, type DischargeInput } from "./discharge.js";
import { DISCHARGE_DATE, ENTERED_IN_ERROR, EPISODE_ID, TODAY, catalogue, codesOf, fieldsOf, inTreatment, methadone, recorded } from "./testing/scenario.js";

function discharge(overrides: Partial<DischargeInput> = {}): DischargeInput {
  return {
    episode: inTreatment(),
    reason: "COMPLETED_DRUG_FREE",
    dischargeDate: DISCHARGE_DATE,
    interventions: [methadone({ endDate: "2024-05-01" }), recorded("COUNSELLING", { startDate: "2024-02-01" })],
    catalogue,
    today: TODAY,
    ...overrides,
  };
}

const alcoholOnly: Partial<Episode> = { problemSubstances: [{ rank: 1, substance: "ALCOHOL", ageOfFirstUse: 16, route: "ORAL" }] };

describe("checkDischarge (R-DIS-1)", () => {
  it("R-DIS-1: accepts a planned completion with a reason and a valid date", () => {
    expect(checkDischarge(discharge())).toEqual({ ok: true });
  });

  it("R-DIS-1: refuses a discharge with no reason", () => {
    const result = checkDischarge(discharge({ reason: null }));
    expect(codesOf(result)).toEqual(["DISCHARGE_REASON_REQUIRED"]);
    expect(fieldsOf(result)).toEqual(["reason"]);
  });

  it("R-DATE-1: refuses a discharge date in the future, before the referral, or before an intervention began", () => {
    expect(fieldsOf(checkDischarge(discharge({ dischargeDate: "2024-07-01" })))).toEqual(["dischargeDate"]);
    expect(codesOf(checkDischarge(discharge({ dischargeDate: "2024-01-07" })))).toEqual(["INVALID_DATE"]);
    const result = checkDischarge(discharge({ dischargeDate: "2024-01-31", interventions: [recorded("COUNSELLING", { startDate: "2024-02-01" })] }));
    expect(codesOf(result)).toEqual(["INVALID_DATE"]);
    expect(violationsOf(result)[0]?.message).toMatch(/started on 01\/02\/2024/);
  });

  it("R-DIS-1: refuses what the journey does not allow: a completion before treatment began, or a second discharge", () => {
    const triaged = checkDischarge(discharge({ episode: inTreatment({ status: "TRIAGED" }), interventions: [] }));
    expect(codesOf(triaged)).toEqual(["TRANSITION_NOT_ALLOWED"]);
    const closed = inTreatment({ status: "CLOSED", dischargeDate: "2024-05-01", dischargeReason: "DROPPED_OUT" });
    expect(codesOf(checkDischarge(discharge({ episode: closed, reason: "DROPPED_OUT" })))).toEqual(["TRANSITION_NOT_ALLOWED"]);
  });

  it("R-DIS-1: accepts closing an episode before treatment with a 'not started' reason", () => {
    expect(checkDischarge(discharge({ episode: inTreatment({ status: "TRIAGED" }), reason: "COMMENCEMENT_DECLINED", interventions: [] })).ok).toBe(true);
  });
});

describe("checkDischarge (R-DIS-2)", () => {
  it("R-DIS-2: refuses a completion for an opiate client still prescribed methadone, naming the prescription", () => {
    const result = checkDischarge(discharge({ interventions: [methadone()] }));
    expect(codesOf(result)).toEqual(["COMPLETION_WHILE_PRESCRIBED"]);
    expect(violationsOf(result)[0]?.message).toMatch(/^Opioid substitution: methadone \(started 25\/01\/2024\) is still prescribed/);
  });

  it("R-DIS-2: refuses when the prescription's end date lies after the discharge date", () => {
    expect(codesOf(checkDischarge(discharge({ interventions: [recorded("OST_BUPRENORPHINE", { endDate: "2024-06-01" })] })))).toEqual([
      "COMPLETION_WHILE_PRESCRIBED",
    ]);
  });

  it("R-DIS-2: accepts a completion when the prescription ended on the discharge date", () => {
    expect(checkDischarge(discharge({ interventions: [methadone({ endDate: DISCHARGE_DATE })] })).ok).toBe(true);
  });

  it.each<[string, DischargeReason, Partial<Episode>]>([
    ["an unplanned exit of an opiate client", "DROPPED_OUT", {}],
    ["a transfer of an opiate client", "TRANSFERRED_NOT_IN_CUSTODY", {}],
    ["a completion of a client outside the opiate cohort", "COMPLETED_ALCOHOL_FREE", alcoholOnly],
  ])("R-DIS-2: accepts %s while still prescribed", (_case, reason, episode) => {
    expect(checkDischarge(discharge({ reason, episode: inTreatment(episode), interventions: [methadone()] })).ok).toBe(true);
  });

  it("R-DIS-2: ignores a prescription entered in error or belonging to another episode", () => {
    const interventions = [methadone({ enteredInError: ENTERED_IN_ERROR }), methadone({ episodeId: "another-episode" })];
    expect(checkDischarge(discharge({ interventions })).ok).toBe(true);
  });

  it("R-DIS-2: reads the opioid substitution switch, so an item an admin adds with it blocks a completion too", () => {
    const depot = { ...DEFAULT_CATALOGUE.find((item) => item.code === "OTHER_PRESCRIBING")!, code: "BUPRENORPHINE_MONTHLY_DEPOT", switches: { ...NO_SWITCHES, opioidSubstitution: true } };
    const withDepot = catalogueOf([...DEFAULT_CATALOGUE, depot]);
    const onDepot = [recorded("BUPRENORPHINE_MONTHLY_DEPOT")];
    expect(codesOf(checkDischarge(discharge({ catalogue: withDepot, interventions: onDepot })))).toEqual(["COMPLETION_WHILE_PRESCRIBED"]);
    expect(checkDischarge(discharge({ catalogue: withDepot, interventions: [recorded("OTHER_PRESCRIBING")] })).ok).toBe(true);
  });
});

describe("dischargeEffects (R-DIS-1)", () => {
  const stillRunning = recorded("COUNSELLING", { id: "counselling", startDate: "2024-02-01" });
  const endsLater = recorded("NALOXONE_SUPPLY_TRAINING", { id: "naloxone", startDate: "2024-03-01", endDate: "2024-06-15" });
  const endedBefore = methadone({ id: "methadone", endDate: "2024-05-01" });
  const interventions: Intervention[] = [stillRunning, endsLater, endedBefore];
  const exitTop = anOutcomeRecord({ id: "exit-top", episodeId: EPISODE_ID, stage: "EXIT", date: DISCHARGE_DATE });

  function effects(reason: DischargeReason = "COMPLETED_DRUG_FREE", outcomes = [exitTop], episode = inTreatment()) {
    return dischargeEffects({ episode, reason, dischargeDate: DISCHARGE_DATE, interventions, outcomes, catalogue });
  }

  it("R-DIS-1: closes every intervention still running on the discharge date at that date, and leaves ended ones alone", () => {
    expect(effects().interventionsToClose.map(({ intervention, endDate }) => [intervention.id, endDate])).toEqual([
      ["counselling", DISCHARGE_DATE],
      ["naloxone", DISCHARGE_DATE],
    ]);
  });

  it("R-DIS-1: a successful completion completes the episode and opens the post-treatment phase; an unplanned exit closes it", () => {
    expect(effects()).toMatchObject({ episodeStatus: "COMPLETED", postTreatmentPhaseOpens: true });
    expect(effects("DROPPED_OUT")).toMatchObject({ episodeStatus: "CLOSED", postTreatmentPhaseOpens: false });
  });

  it("R-DIS-1: a planned completion without an EXIT TOP is allowed but will show on the exceptions report", () => {
    expect(checkDischarge(discharge({ interventions }))).toEqual({ ok: true });
    const result = effects("COMPLETED_DRUG_FREE", []);
    expect(result).toMatchObject({ exitTopDue: true, exitTopRecorded: false, exitTopMissing: true, exitTopDeadline: "2024-06-28" });
    expect(result.exitTopWarning).toMatch(/by 28\/06\/2024.*exceptions report/);
  });

  it("R-DIS-1: an EXIT TOP recorded around the discharge clears the flag; one entered in error does not", () => {
    expect(effects()).toMatchObject({ exitTopRecorded: true, exitTopMissing: false, exitTopWarning: null });
    expect(effects("COMPLETED_DRUG_FREE", [{ ...exitTop, enteredInError: ENTERED_IN_ERROR }]).exitTopMissing).toBe(true);
    expect(effects("COMPLETED_DRUG_FREE", [{ ...exitTop, date: "2024-03-01" }]).exitTopMissing).toBe(true);
  });

  it("R-DIS-1: no EXIT TOP is owed when structured treatment never began", () => {
    const neverTreated = dischargeEffects({
      episode: inTreatment({ status: "TRIAGED" }),
      reason: "COMMENCEMENT_DECLINED",
      dischargeDate: DISCHARGE_DATE,
      interventions: [recorded("NEEDLE_SYRINGE_PROGRAMME", { startDate: "2024-02-01" })],
      outcomes: [],
      catalogue,
    });
    expect(neverTreated).toMatchObject({ episodeStatus: "CLOSED", exitTopDue: false, exitTopMissing: false, exitTopDeadline: null });
  });

  it("R-DIS-1: refuses to work out effects for a discharge the journey does not allow", () => {
    expect(() => effects("COMPLETED_DRUG_FREE", [], inTreatment({ status: "CLOSED" }))).toThrow(/checkDischarge/);
  });
});
