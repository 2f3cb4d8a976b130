import { describe, expect, it } from "vitest";
import { NOT_DISCLOSED } from "../records/outcome.js";
import { outcomesKpi } from "./k12Outcomes.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

describe("K-12 outcomes", () => {
  it("K-12: counts abstinence from the main substance among those using it at START", () => {
    const b = new ProviderDataBuilder();
    // Heroin first: judged on the OPIATES line, whatever else the person uses.
    const stopped = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", substances: ["HEROIN", "CRACK"] });
    b.top(stopped, "START", "2025-01-02", { days: { OPIATES: 20, CRACK: 4 } });
    b.top(stopped, "REVIEW", "2025-05-02", { days: { OPIATES: 0, CRACK: 6 } });
    const stillUsing = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", substances: ["ALCOHOL"] });
    b.top(stillUsing, "START", "2025-01-02", { days: { ALCOHOL: 28 } });
    b.top(stillUsing, "REVIEW", "2025-06-30", { days: { ALCOHOL: 3 } });
    // Abstinent already at START: not in the abstinence figure.
    const alreadyAbstinent = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", substances: ["CANNABIS"] });
    b.top(alreadyAbstinent, "START", "2025-01-02", { days: { CANNABIS: 0 } });
    b.top(alreadyAbstinent, "EXIT", "2025-04-01", { days: { CANNABIS: 0 } });
    // Not disclosed at follow-up: left out of abstinence only.
    const withheld = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", substances: ["COCAINE_POWDER"] });
    b.top(withheld, "START", "2025-01-02", { days: { COCAINE: 10 } });
    b.top(withheld, "REVIEW", "2025-04-10", { days: { COCAINE: NOT_DISCLOSED } });

    const result = outcomesKpi(b.build(), Q1);
    expect(result).toMatchObject({ id: "K-12", pairs: 4, numerator: 1, denominator: 2, value: 0.5 });
  });

  it("K-12: compares START with the latest REVIEW or EXIT TOP in the period, EXIT winning a same-day tie", () => {
    const b = new ProviderDataBuilder();
    const episode = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });
    b.top(episode, "START", "2025-01-02", { days: { OPIATES: 12 }, psychologicalHealth: 5 });
    b.top(episode, "REVIEW", "2025-04-15", { days: { OPIATES: 0 }, psychologicalHealth: 9 });
    b.top(episode, "REVIEW", "2025-06-20", { days: { OPIATES: 3 }, psychologicalHealth: 11 });
    b.top(episode, "EXIT", "2025-06-20", { days: { OPIATES: 0 }, psychologicalHealth: 14 });
    // After the period, and entered in error: not the latest.
    b.top(episode, "REVIEW", "2025-07-02", { days: { OPIATES: 20 }, psychologicalHealth: 0 });
    b.top(episode, "EXIT", "2025-06-25", { days: { OPIATES: 20 }, psychologicalHealth: 0, enteredInError: true });
    const result = outcomesKpi(b.build(), Q1);
    expect(result).toMatchObject({ numerator: 1, denominator: 1 });
    expect(result.scoreChanges.find((score) => score.key === "PSYCHOLOGICAL_HEALTH")).toEqual({
      key: "PSYCHOLOGICAL_HEALTH",
      label: "Psychological health",
      count: 1,
      meanChange: 9,
    });
  });

  it("K-12: averages the change of each score over the pairs that gave it both times", () => {
    const b = new ProviderDataBuilder();
    const first = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });
    b.top(first, "START", "2025-01-02", { psychologicalHealth: 4, physicalHealth: 10, qualityOfLife: 8 });
    b.top(first, "REVIEW", "2025-05-01", { psychologicalHealth: 10, physicalHealth: 8, qualityOfLife: NOT_DISCLOSED });
    const second = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });
    b.top(second, "START", "2025-01-02", { psychologicalHealth: 6, physicalHealth: 10, qualityOfLife: NOT_DISCLOSED });
    b.top(second, "EXIT", "2025-05-01", { psychologicalHealth: 8, physicalHealth: 13, qualityOfLife: 12 });
    expect(outcomesKpi(b.build(), Q1).scoreChanges).toEqual([
      { key: "PSYCHOLOGICAL_HEALTH", label: "Psychological health", count: 2, meanChange: 4 },
      { key: "PHYSICAL_HEALTH", label: "Physical health", count: 2, meanChange: 0.5 },
      { key: "QUALITY_OF_LIFE", label: "Quality of life", count: 0, meanChange: null },
    ]);
  });

  it("K-12: leaves out episodes with no START TOP, no follow-up in the period, or only a POST_EXIT TOP", () => {
    const b = new ProviderDataBuilder();
    const noStart = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });
    b.top(noStart, "REVIEW", "2025-05-01");
    const followUpBefore = b.treated(b.person(), { referred: "2024-01-01", start: "2024-01-02" });
    b.top(followUpBefore, "START", "2024-01-02");
    b.top(followUpBefore, "REVIEW", "2025-03-31");
    const postExitOnly = b.treated(b.person(), { referred: "2024-01-01", start: "2024-01-02" });
    b.top(postExitOnly, "START", "2024-01-02");
    b.top(postExitOnly, "POST_EXIT", "2025-05-01");
    const startAfterFollowUp = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02" });
    b.top(startAfterFollowUp, "REVIEW", "2025-04-02");
    b.top(startAfterFollowUp, "START", "2025-04-03");
    const result = outcomesKpi(b.build(), Q1);
    expect(result).toMatchObject({ pairs: 0, numerator: 0, denominator: 0, value: null });
    expect(result.scoreChanges.every((score) => score.meanChange === null)).toBe(true);
  });

  it("K-12: breaks abstinence and score changes down by cohort", () => {
    const b = new ProviderDataBuilder();
    const opiate = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", substances: ["HEROIN"] });
    b.top(opiate, "START", "2025-01-02", { days: { OPIATES: 10 }, qualityOfLife: 5 });
    b.top(opiate, "REVIEW", "2025-05-01", { days: { OPIATES: 0 }, qualityOfLife: 7 });
    const alcohol = b.treated(b.person(), { referred: "2025-01-01", start: "2025-01-02", substances: ["ALCOHOL"] });
    b.top(alcohol, "START", "2025-01-02", { days: { ALCOHOL: 10 }, qualityOfLife: 5 });
    b.top(alcohol, "REVIEW", "2025-05-01", { days: { ALCOHOL: 2 }, qualityOfLife: 4 });
    const groups = outcomesKpi(b.build(), Q1, { breakdown: "COHORT" }).groups;
    expect(groups.map((group) => [group.key, group.numerator, group.denominator, group.pairs])).toEqual([
      ["OPIATE", 1, 1, 1],
      ["ALCOHOL_ONLY", 0, 1, 1],
    ]);
    expect(groups.map((group) => group.scoreChanges.find((score) => score.key === "QUALITY_OF_LIFE")?.meanChange)).toEqual([2, -1]);
  });
});
