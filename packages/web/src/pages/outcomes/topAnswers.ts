import {
  checkOutcomeRecord,
  NOT_DISCLOSED,
  OUTCOME_STAR_AREAS,
  TOP_SUBSTANCES,
  violationsOf,
  type Episode,
  type IsoDate,
  type OutcomeInput,
  type OutcomeStarArea,
  type TopCount,
  type TopStage,
  type TopSubstance,
  type TopYesNo,
  type Violation,
} from "@waymark/core";
import { fieldErrorsOf, type FieldErrors } from "../../graphql/userErrors.js";
import { TOP_QUESTIONS } from "./topQuestions.js";

/** A TOP as the keyworker has filled it in: answers as typed, keyed by their input path. */
export interface TopFormState {
  readonly stage: TopStage | "";
  readonly date: IsoDate | null;
  /** Days and scores as typed; yes/no answers as "yes" or "no"; "" while unanswered. */
  readonly answers: Readonly<Record<string, string>>;
  /** Paths of the answers the person chose not to disclose. */
  readonly notDisclosed: readonly string[];
  readonly typicalAmounts: Readonly<Partial<Record<TopSubstance, string>>>;
  readonly outcomeStarTaken: boolean;
  readonly outcomeStar: Readonly<Partial<Record<OutcomeStarArea, string>>>;
}

export const EMPTY_TOP: TopFormState = { stage: "", date: null, answers: {}, notDisclosed: [], typicalAmounts: {}, outcomeStarTaken: false, outcomeStar: {} };

/** A whole number as typed, or NaN for anything else (so the range rule names it), or null when blank. */
function wholeNumberOf(text: string | undefined): number | null {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function yesNoOf(text: string | undefined): boolean | null {
  return text === "yes" ? true : text === "no" ? false : null;
}

/** The answers still to give: each needs a value or the "not disclosed" mark (R-TOP-1). */
function missingAnswers(state: TopFormState): Violation[] {
  const missing: Violation[] = [];
  if (state.stage === "") missing.push({ code: "REQUIRED", field: "stage", message: "Choose the stage of this TOP." });
  if (state.date === null) missing.push({ code: "REQUIRED", field: "date", message: "Enter the date the TOP was taken." });
  for (const question of TOP_QUESTIONS) {
    if (state.notDisclosed.includes(question.path) || (state.answers[question.path] ?? "").trim() !== "") continue;
    const what = question.label.toLowerCase();
    missing.push({
      code: "REQUIRED",
      field: question.path,
      message: question.kind === "count" ? `Enter ${question.unit.toLowerCase()} for ${what}, or tick 'Not disclosed'.` : `Answer yes or no for ${what}, or choose 'Not disclosed'.`,
    });
  }
  if (state.outcomeStarTaken && Object.values(state.outcomeStar).every((text) => (text ?? "").trim() === "")) {
    missing.push({ code: "REQUIRED", field: "outcomeStar", message: "Score at least one area of the Outcome Star, or untick 'An Outcome Star was completed'." });
  }
  return missing;
}

/**
 * The TOP as core's rules read it. An unanswered number stays NaN and an unanswered yes/no stays "no" here:
 * both are reported as missing first, so the rule's words never stand in for "answer this".
 */
export function outcomeInputOf(state: TopFormState): OutcomeInput {
  const count = (path: string): TopCount => (state.notDisclosed.includes(path) ? NOT_DISCLOSED : (wholeNumberOf(state.answers[path]) ?? Number.NaN));
  const yesNo = (path: string): TopYesNo => (state.notDisclosed.includes(path) ? NOT_DISCLOSED : (yesNoOf(state.answers[path]) ?? false));
  const substanceUse = Object.fromEntries(
    TOP_SUBSTANCES.codes.map((substance) => [substance, { days: count(`substanceUse.${substance}.days`), typicalAmount: state.typicalAmounts[substance]?.trim() || null }]),
  ) as OutcomeInput["substanceUse"];
  return {
    stage: state.stage === "" ? "START" : state.stage,
    date: state.date ?? "",
    substanceUse,
    injecting: { days: count("injecting.days"), sharedNeedles: yesNo("injecting.sharedNeedles"), sharedOtherEquipment: yesNo("injecting.sharedOtherEquipment") },
    crime: {
      shoplifting: count("crime.shoplifting"),
      drugSelling: count("crime.drugSelling"),
      otherTheft: count("crime.otherTheft"),
      assaultViolence: count("crime.assaultViolence"),
    },
    health: {
      psychologicalHealth: count("health.psychologicalHealth"),
      physicalHealth: count("health.physicalHealth"),
      qualityOfLife: count("health.qualityOfLife"),
      paidWorkDays: count("health.paidWorkDays"),
      educationDays: count("health.educationDays"),
      acuteHousingProblem: yesNo("health.acuteHousingProblem"),
      atRiskOfEviction: yesNo("health.atRiskOfEviction"),
    },
    outcomeStar: outcomeStarOf(state),
  };
}

/** The areas of the Outcome Star that were scored, or null when none was taken. */
function outcomeStarOf(state: TopFormState): Partial<Record<OutcomeStarArea, number>> | null {
  if (!state.outcomeStarTaken) return null;
  const scored: Partial<Record<OutcomeStarArea, number>> = {};
  for (const area of OUTCOME_STAR_AREAS.codes) {
    const value = wholeNumberOf(state.outcomeStar[area]);
    if (value !== null) scored[area] = value;
  }
  return scored;
}

/**
 * Every problem with the TOP before it is sent, by field: missing answers, then core's checkOutcomeRecord
 * (R-TOP-1 ranges, R-DATE-1, the stage against the episode), the rule the server runs, so a score of 21 is
 * named here in the server's own words.
 */
export function topErrors(state: TopFormState, context: { episode: Pick<Episode, "status" | "referral">; dateOfBirth: IsoDate; today: IsoDate }): FieldErrors {
  const missing = missingAnswers(state);
  const rules = violationsOf(checkOutcomeRecord(outcomeInputOf(state), context)).filter(
    // The stage and date have their own "missing" message; the rule's "not a real date" adds nothing to it.
    (found) => !(found.field === "date" && state.date === null),
  );
  return fieldErrorsOf([...missing, ...rules]);
}

/** The API's RecordOutcomeInput: undisclosed answers are left out and listed by path, as the schema asks. */
export function recordOutcomeInput(episodeId: string, state: TopFormState) {
  const input = outcomeInputOf(state);
  const value = <T>(answer: T | typeof NOT_DISCLOSED): T | undefined => (answer === NOT_DISCLOSED ? undefined : answer);
  return {
    episodeId,
    stage: input.stage,
    date: input.date,
    substanceUse: Object.fromEntries(
      TOP_SUBSTANCES.codes.map((substance) => [substance, { days: value(input.substanceUse[substance].days), typicalAmount: input.substanceUse[substance].typicalAmount }]),
    ),
    injecting: { days: value(input.injecting.days), sharedNeedles: value(input.injecting.sharedNeedles), sharedOtherEquipment: value(input.injecting.sharedOtherEquipment) },
    crime: Object.fromEntries(Object.entries(input.crime).map(([key, answer]) => [key, value(answer)])),
    health: Object.fromEntries(Object.entries(input.health).map(([key, answer]) => [key, value(answer)])),
    notDisclosed: TOP_QUESTIONS.map((question) => question.path).filter((path) => state.notDisclosed.includes(path)),
    outcomeStar: input.outcomeStar,
  };
}
