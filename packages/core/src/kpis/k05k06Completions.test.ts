import { describe, expect, it } from "vitest";
import { successfulCompletionsKpi } from "./k05SuccessfulCompletions.js";
import { representationsKpi } from "./k06Representations.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

function completionsCaseload() {
  const b = new ProviderDataBuilder();
  // Completed 10 April, not back: sustained, though its six months are not over on 30 June.
  b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", substances: ["ALCOHOL"], discharged: { date: "2025-04-10", reason: "COMPLETED_ALCOHOL_FREE" } });
  // Completed 15 April, referred again 1 June: a re-presentation.
  const cameBack = b.person();
  b.treated(cameBack, { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-04-15", reason: "COMPLETED_DRUG_FREE" } });
  b.episode(cameBack, { referred: "2025-06-01", teamId: "t-young" });
  // Completed 20 April, referred again 10 July: not known on 30 June.
  const cameBackLater = b.person();
  b.treated(cameBackLater, { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-04-20", reason: "COMPLETED_DRUG_FREE" } });
  b.episode(cameBackLater, { referred: "2025-07-10" });
  // In treatment but not a successful completion.
  b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-05-01", reason: "DROPPED_OUT" } });
  b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });
  // Completed the day before the period: not in treatment in it.
  b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-03-31", reason: "COMPLETED_DRUG_FREE" } });
  return b.build();
}

describe("K-5 successful completions and K-6 re-presentations", () => {
  it("K-5: counts completions not followed by a re-presentation over everyone in treatment, a completion still in its window counting as sustained", () => {
    const result = successfulCompletionsKpi(completionsCaseload(), Q1);
    expect(result).toMatchObject({ id: "K-5", numerator: 2, denominator: 5, value: 0.4 });
    expect(result.byCohort).toEqual([
      { key: "OPIATE", label: "Opiate", numerator: 1, denominator: 4, value: 0.25 },
      { key: "ALCOHOL_ONLY", label: "Alcohol only", numerator: 1, denominator: 1, value: 1 },
    ]);
  });

  it("K-6: counts re-presentations known on the report date among the completions, and those still in their window", () => {
    expect(representationsKpi(completionsCaseload(), Q1)).toMatchObject({ id: "K-6", numerator: 1, denominator: 3, windowStillOpen: 2 });
  });

  it("K-5, K-6: a referral received by a later report date turns a sustained completion into a re-presentation", () => {
    const data = completionsCaseload();
    expect(successfulCompletionsKpi(data, Q1, { asOf: "2025-07-10" })).toMatchObject({ numerator: 1, denominator: 5 });
    expect(representationsKpi(data, Q1, { asOf: "2025-07-10" })).toMatchObject({ numerator: 2, denominator: 3, windowStillOpen: 1 });
    expect(representationsKpi(data, Q1, { asOf: "2026-01-01" })).toMatchObject({ windowStillOpen: 0 });
  });

  it("K-5, K-6: a re-presentation to a team outside the filter still counts (R-REP-1)", () => {
    const filter = { teamIds: ["t-adults"] };
    expect(representationsKpi(completionsCaseload(), Q1, { filter })).toMatchObject({ numerator: 1, denominator: 3 });
    expect(successfulCompletionsKpi(completionsCaseload(), Q1, { filter })).toMatchObject({ numerator: 2, denominator: 5 });
  });

  it("K-6: a referral 182 days after the completion is a re-presentation and one 183 days after is not (R-REP-1)", () => {
    const b = new ProviderDataBuilder();
    const within = b.person();
    b.treated(within, { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-04-01", reason: "COMPLETED_DRUG_FREE" } });
    b.episode(within, { referred: "2025-09-30" });
    const after = b.person();
    b.treated(after, { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-04-01", reason: "COMPLETED_DRUG_FREE" } });
    b.episode(after, { referred: "2025-10-01" });
    expect(representationsKpi(b.build(), Q1, { asOf: "2025-12-31" })).toMatchObject({ numerator: 1, denominator: 2, windowStillOpen: 0 });
  });

  it("K-5, K-6: an entered-in-error referral is not a re-presentation, and no completion gives null", () => {
    const b = new ProviderDataBuilder();
    const person = b.person();
    b.treated(person, { referred: "2025-01-01", start: "2025-01-02", discharged: { date: "2025-04-01", reason: "COMPLETED_DRUG_FREE" } });
    b.episode(person, { referred: "2025-05-01", enteredInError: true });
    const data = b.build();
    expect(representationsKpi(data, Q1)).toMatchObject({ numerator: 0, denominator: 1 });
    expect(successfulCompletionsKpi(data, Q1)).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    expect(representationsKpi(new ProviderDataBuilder().build(), Q1)).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });
});
