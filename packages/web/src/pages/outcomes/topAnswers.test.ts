import { describe, expect, it } from "vitest";
import { EMPTY_TOP, recordOutcomeInput, topErrors, type TopFormState } from "./topAnswers.js";
import { TOP_QUESTIONS } from "./topQuestions.js";

const CONTEXT = {
  episode: { status: "IN_TREATMENT" as const, referral: { receivedDate: "2025-03-03", source: "SELF" as const, referrer: null, reason: "Asked for help", urgency: "ROUTINE" as const } },
  dateOfBirth: "1980-01-01",
  today: "2025-07-01",
};

/** A TOP with every question answered: 0 days, 10 for scores, "no" for yes/no. */
function answered(change: Partial<TopFormState> = {}): TopFormState {
  const answers = Object.fromEntries(TOP_QUESTIONS.map((question) => [question.path, question.kind === "yesNo" ? "no" : question.max === 20 ? "10" : "0"]));
  return { ...EMPTY_TOP, stage: "START", date: "2025-06-30", answers, ...change };
}

describe("the TOP form's answers (R-TOP-1)", () => {
  it("names a score of 21 at its field with core's own words before anything is sent", () => {
    const state = answered();
    const errors = topErrors({ ...state, answers: { ...state.answers, "health.psychologicalHealth": "21" } }, CONTEXT);
    expect(errors).toEqual({ "health.psychologicalHealth": "Psychological health must be a whole number from 0 to 20, or marked not disclosed." });
  });

  it("asks for each unanswered question, or its not-disclosed mark", () => {
    const state = answered();
    const rest = Object.fromEntries(Object.entries(state.answers).filter(([path]) => path !== "crime.otherTheft"));
    expect(topErrors({ ...state, answers: rest }, CONTEXT)).toEqual({ "crime.otherTheft": "Enter days (0 to 28) for other theft, or tick 'Not disclosed'." });
    expect(topErrors({ ...state, answers: rest, notDisclosed: ["crime.otherTheft"] }, CONTEXT)).toEqual({});
  });

  it("refuses what is not a whole number", () => {
    const state = answered();
    expect(topErrors({ ...state, answers: { ...state.answers, "injecting.days": "2.5" } }, CONTEXT)).toEqual({ "injecting.days": "Days injected must be a whole number from 0 to 28, or marked not disclosed." });
  });

  it("leaves undisclosed answers out of the input and lists their paths, as the schema asks", () => {
    const state = answered({ notDisclosed: ["health.qualityOfLife", "injecting.sharedNeedles"], typicalAmounts: { ALCOHOL: "4 cans" } });
    const input = recordOutcomeInput("RXBpc29kZTox", { ...state, answers: { ...state.answers, "substanceUse.ALCOHOL.days": "12" } });
    expect(input.notDisclosed).toEqual(["injecting.sharedNeedles", "health.qualityOfLife"]);
    expect(input.health.qualityOfLife).toBeUndefined();
    expect(input.injecting).toEqual({ days: 0, sharedNeedles: undefined, sharedOtherEquipment: false });
    expect(input.substanceUse.ALCOHOL).toEqual({ days: 12, typicalAmount: "4 cans" });
    expect(input.outcomeStar).toBeNull();
  });

  it("checks an Outcome Star's scores are 1 to 10 and sends only the areas scored", () => {
    const star = answered({ outcomeStarTaken: true, outcomeStar: { ALCOHOL_USE: "11", MONEY: "" } });
    expect(topErrors(star, CONTEXT)).toEqual({ "outcomeStar.ALCOHOL_USE": "Outcome Star scores are whole numbers from 1 to 10." });
    expect(recordOutcomeInput("RXBpc29kZTox", answered({ outcomeStarTaken: true, outcomeStar: { ALCOHOL_USE: "6", MONEY: "" } })).outcomeStar).toEqual({ ALCOHOL_USE: 6 });
  });
});
