import {
  NOT_DISCLOSED,
  OUTCOME_STAR_AREAS,
  TOP_SUBSTANCES,
  type IsoDate,
  type OutcomeRecord as CoreOutcomeRecord,
  type OutcomeStarArea,
  type TopCount,
  type TopStage,
  type TopSubstance,
  type TopYesNo,
} from "@waymark/core";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { toOutcomeRecord, type OutcomeRow } from "../../db/mappers.js";
import { TopStageEnum } from "../enums.js";
import { toGlobalId } from "../globalId.js";
import { Node } from "../relay.js";
import { DateScalar } from "../scalars.js";
import { EnteredInError } from "./enteredInError.js";

/*
 * How "not disclosed" reads in the schema (R-TOP-1). A TOP answer is a number (or yes/no) or "not disclosed";
 * nothing in between. Analysts aggregate plain numbers, so every answer is a nullable Int or Boolean whose
 * null means "not disclosed" (the database stores it the same way), and the record also lists the paths of
 * the answers withheld in `notDisclosed`, e.g. "health.qualityOfLife". Input works the same way the other
 * way round: give each answer a value, or name its path in `notDisclosed`. An answer with neither is refused
 * (TOP_VALUE_OUT_OF_RANGE), so a forgotten question never passes as a withheld one.
 *
 * Field names and paths are core's, so a rule's `field` names the input field (`substanceUse.ALCOHOL.days`).
 * The substance and Outcome Star keys are code-list codes and keep their capitals.
 */

/** Every answer that may be withheld, as the dotted path core and the API both use. */
export const TOP_ANSWER_PATHS: readonly string[] = [
  ...TOP_SUBSTANCES.codes.map((substance) => `substanceUse.${substance}.days`),
  "injecting.days",
  "injecting.sharedNeedles",
  "injecting.sharedOtherEquipment",
  "crime.shoplifting",
  "crime.drugSelling",
  "crime.otherTheft",
  "crime.assaultViolence",
  "health.psychologicalHealth",
  "health.physicalHealth",
  "health.qualityOfLife",
  "health.paidWorkDays",
  "health.educationDays",
  "health.acuteHousingProblem",
  "health.atRiskOfEviction",
];

const NULL_MEANS_WITHHELD = "null when the person chose not to disclose it (see notDisclosed).";

@ObjectType({ description: "Use of one substance in the 28 days before the TOP." })
export class TopSubstanceAnswer {
  @Field(() => Int, { nullable: true, description: `Days used in the past 28 (0..28); ${NULL_MEANS_WITHHELD}` })
  days!: number | null;

  @Field(() => String, { nullable: true, description: "Typical amount on a day of use, as the person said it." })
  typicalAmount!: string | null;
}

@InputType({ description: "Use of one substance in the 28 days before the TOP." })
export class TopSubstanceAnswerInput {
  @Field(() => Int, { nullable: true, description: "Days used in the past 28 (0..28). Leave out only when listed in notDisclosed." })
  days?: number | null;

  @Field(() => String, { nullable: true, description: "Typical amount on a day of use (up to 200 characters)." })
  typicalAmount?: string | null;
}

/** The eight substance lines, one field per TOP substance code. Built from the code list so the two never drift. */
@ObjectType({ description: "Substance use in the past 28 days, one line per TOP substance." })
export class TopSubstanceUse {
  [substance: string]: TopSubstanceAnswer;
}

@InputType({ description: "Substance use in the past 28 days, one line per TOP substance; every line is required." })
export class TopSubstanceUseInput {
  [substance: string]: TopSubstanceAnswerInput;
}

for (const substance of TOP_SUBSTANCES.entries) {
  Field(() => TopSubstanceAnswer, { description: `${substance.label}.` })(TopSubstanceUse.prototype, substance.code);
  Field(() => TopSubstanceAnswerInput, { description: `${substance.label}.` })(TopSubstanceUseInput.prototype, substance.code);
}

@ObjectType({ description: "Alcohol Outcome Star: each area scored 1..10, null when not scored." })
export class TopOutcomeStar {
  [area: string]: number | null;
}

@InputType({ description: "Alcohol Outcome Star: score the areas assessed, 1..10 each." })
export class TopOutcomeStarInput {
  [area: string]: number | null | undefined;
}

for (const area of OUTCOME_STAR_AREAS.entries) {
  Field(() => Int, { nullable: true, description: `${area.label} (1..10).` })(TopOutcomeStar.prototype, area.code);
  Field(() => Int, { nullable: true, description: `${area.label} (1..10).` })(TopOutcomeStarInput.prototype, area.code);
}

@ObjectType({ description: "Injecting in the past 28 days." })
export class TopInjecting {
  @Field(() => Int, { nullable: true, description: `Days injected (0..28); ${NULL_MEANS_WITHHELD}` })
  days!: number | null;

  @Field(() => Boolean, { nullable: true, description: `Shared needles or syringes; ${NULL_MEANS_WITHHELD}` })
  sharedNeedles!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: `Shared other injecting equipment; ${NULL_MEANS_WITHHELD}` })
  sharedOtherEquipment!: boolean | null;
}

@InputType({ description: "Injecting in the past 28 days." })
export class TopInjectingInput {
  @Field(() => Int, { nullable: true, description: "Days injected (0..28)." })
  days?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Shared needles or syringes." })
  sharedNeedles?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Shared other injecting equipment." })
  sharedOtherEquipment?: boolean | null;
}

@ObjectType({ description: "Offending in the past 28 days, in days (0..28)." })
export class TopCrime {
  @Field(() => Int, { nullable: true, description: `Days of shoplifting; ${NULL_MEANS_WITHHELD}` })
  shoplifting!: number | null;

  @Field(() => Int, { nullable: true, description: `Days of selling drugs; ${NULL_MEANS_WITHHELD}` })
  drugSelling!: number | null;

  @Field(() => Int, { nullable: true, description: `Days of other theft; ${NULL_MEANS_WITHHELD}` })
  otherTheft!: number | null;

  @Field(() => Int, { nullable: true, description: `Days of assault or violence; ${NULL_MEANS_WITHHELD}` })
  assaultViolence!: number | null;
}

@InputType({ description: "Offending in the past 28 days, in days (0..28)." })
export class TopCrimeInput {
  @Field(() => Int, { nullable: true, description: "Days of shoplifting." })
  shoplifting?: number | null;

  @Field(() => Int, { nullable: true, description: "Days of selling drugs." })
  drugSelling?: number | null;

  @Field(() => Int, { nullable: true, description: "Days of other theft." })
  otherTheft?: number | null;

  @Field(() => Int, { nullable: true, description: "Days of assault or violence." })
  assaultViolence?: number | null;
}

@ObjectType({ description: "Health and social functioning." })
export class TopHealth {
  @Field(() => Int, { nullable: true, description: `Psychological health, rated by the person 0 (poor) to 20 (good); ${NULL_MEANS_WITHHELD}` })
  psychologicalHealth!: number | null;

  @Field(() => Int, { nullable: true, description: `Physical health, 0..20; ${NULL_MEANS_WITHHELD}` })
  physicalHealth!: number | null;

  @Field(() => Int, { nullable: true, description: `Overall quality of life, 0..20; ${NULL_MEANS_WITHHELD}` })
  qualityOfLife!: number | null;

  @Field(() => Int, { nullable: true, description: `Days of paid work in the past 28; ${NULL_MEANS_WITHHELD}` })
  paidWorkDays!: number | null;

  @Field(() => Int, { nullable: true, description: `Days at college or school in the past 28; ${NULL_MEANS_WITHHELD}` })
  educationDays!: number | null;

  @Field(() => Boolean, { nullable: true, description: `Has an acute housing problem; ${NULL_MEANS_WITHHELD}` })
  acuteHousingProblem!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: `Is at risk of eviction; ${NULL_MEANS_WITHHELD}` })
  atRiskOfEviction!: boolean | null;
}

@InputType({ description: "Health and social functioning." })
export class TopHealthInput {
  @Field(() => Int, { nullable: true, description: "Psychological health, 0..20." })
  psychologicalHealth?: number | null;

  @Field(() => Int, { nullable: true, description: "Physical health, 0..20." })
  physicalHealth?: number | null;

  @Field(() => Int, { nullable: true, description: "Quality of life, 0..20." })
  qualityOfLife?: number | null;

  @Field(() => Int, { nullable: true, description: "Days of paid work in the past 28 (0..28)." })
  paidWorkDays?: number | null;

  @Field(() => Int, { nullable: true, description: "Days at college or school in the past 28 (0..28)." })
  educationDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Has an acute housing problem." })
  acuteHousingProblem?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Is at risk of eviction." })
  atRiskOfEviction?: boolean | null;
}

const shown = (value: TopCount): number | null => (value === NOT_DISCLOSED ? null : value);
const shownYesNo = (value: TopYesNo): boolean | null => (value === NOT_DISCLOSED ? null : value);

/** Every answer that may be withheld, its path split into keys once rather than at every record. */
const WITHHELD_ANSWERS = TOP_ANSWER_PATHS.map((path) => ({ path, keys: path.split(".") }));

/** The paths of a record's withheld answers, in TOP_ANSWER_PATHS order. */
function withheldPaths(record: CoreOutcomeRecord): string[] {
  const valueAt = (keys: readonly string[]): unknown => keys.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], record);
  return WITHHELD_ANSWERS.filter((answer) => valueAt(answer.keys) === NOT_DISCLOSED).map((answer) => answer.path);
}

@ObjectType({
  implements: Node,
  description:
    "A Treatment Outcomes Profile (TOP) at one stage of an episode. Each answer is a number or yes/no, or null when the person " +
    "chose not to disclose it; `notDisclosed` lists those answers by path.",
})
export class OutcomeRecord extends Node {
  localId!: string;
  episodeLocalId!: string;

  /** The stored row the answers are read from when first asked for. */
  private row!: OutcomeRow;
  private core: CoreOutcomeRecord | null = null;

  @Field(() => TopStageEnum, { description: "START, REVIEW, EXIT or POST_EXIT." })
  stage!: TopStage;

  @Field(() => DateScalar, { description: "The day the TOP was taken." })
  date!: IsoDate;

  /**
   * The record in core's form, built at the first answer asked for. A TOP holds some forty answers in a dozen
   * objects, and a person's record lists its TOPs for three health scores: building every answer of every TOP
   * listed, and finding the withheld ones, was most of the cost of the list.
   */
  private get answers(): CoreOutcomeRecord {
    return (this.core ??= toOutcomeRecord(this.row));
  }

  @Field(() => TopSubstanceUse, { description: "Substance use in the past 28 days." })
  get substanceUse(): TopSubstanceUse {
    const substanceUse = new TopSubstanceUse();
    for (const code of TOP_SUBSTANCES.codes) {
      const use = this.answers.substanceUse[code as TopSubstance];
      const answer = new TopSubstanceAnswer();
      answer.days = shown(use.days);
      answer.typicalAmount = use.typicalAmount;
      substanceUse[code] = answer;
    }
    return substanceUse;
  }

  @Field(() => TopInjecting, { description: "Injecting in the past 28 days." })
  get injecting(): TopInjecting {
    const { injecting } = this.answers;
    const shownInjecting = new TopInjecting();
    shownInjecting.days = shown(injecting.days);
    shownInjecting.sharedNeedles = shownYesNo(injecting.sharedNeedles);
    shownInjecting.sharedOtherEquipment = shownYesNo(injecting.sharedOtherEquipment);
    return shownInjecting;
  }

  @Field(() => TopCrime, { description: "Offending in the past 28 days." })
  get crime(): TopCrime {
    const { crime } = this.answers;
    const shownCrime = new TopCrime();
    shownCrime.shoplifting = shown(crime.shoplifting);
    shownCrime.drugSelling = shown(crime.drugSelling);
    shownCrime.otherTheft = shown(crime.otherTheft);
    shownCrime.assaultViolence = shown(crime.assaultViolence);
    return shownCrime;
  }

  @Field(() => TopHealth, { description: "Health and social functioning." })
  get health(): TopHealth {
    const { health } = this.answers;
    const shownHealth = new TopHealth();
    shownHealth.psychologicalHealth = shown(health.psychologicalHealth);
    shownHealth.physicalHealth = shown(health.physicalHealth);
    shownHealth.qualityOfLife = shown(health.qualityOfLife);
    shownHealth.paidWorkDays = shown(health.paidWorkDays);
    shownHealth.educationDays = shown(health.educationDays);
    shownHealth.acuteHousingProblem = shownYesNo(health.acuteHousingProblem);
    shownHealth.atRiskOfEviction = shownYesNo(health.atRiskOfEviction);
    return shownHealth;
  }

  @Field(() => TopOutcomeStar, { nullable: true, description: "Alcohol Outcome Star, when one was taken." })
  get outcomeStar(): TopOutcomeStar | null {
    const star = this.answers.outcomeStar;
    if (!star) return null;
    const outcomeStar = new TopOutcomeStar();
    for (const area of OUTCOME_STAR_AREAS.codes) outcomeStar[area] = star[area as OutcomeStarArea] ?? null;
    return outcomeStar;
  }

  @Field(() => [String], { description: "Paths of the answers the person chose not to disclose, e.g. health.qualityOfLife." })
  get notDisclosed(): string[] {
    return withheldPaths(this.answers);
  }

  @Field(() => EnteredInError, { nullable: true, description: "Set when the TOP was entered in error; it then counts in no schedule or indicator." })
  enteredInError!: EnteredInError | null;

  @Field(() => Date, { description: "When it was recorded." })
  createdAt!: Date;

  @Field(() => Int, { description: "Version of this record." })
  version!: number;

  static of(row: OutcomeRow): OutcomeRecord {
    const record = new OutcomeRecord();
    record.row = row;
    record.id = toGlobalId("OutcomeRecord", row.id);
    record.localId = row.id;
    record.episodeLocalId = row.episodeId;
    record.stage = row.stage as TopStage;
    record.date = row.date;
    record.enteredInError = EnteredInError.of(row);
    record.createdAt = row.createdAt;
    record.version = row.version;
    return record;
  }
}

@InputType({
  description:
    "A TOP. Give every answer a value, or list its path in notDisclosed when the person chose not to say (R-TOP-1). " +
    "Days are 0..28, scores 0..20.",
})
export class RecordOutcomeInput {
  @Field(() => ID, { description: "The episode's global ID." })
  episodeId!: string;

  @Field(() => TopStageEnum, { description: "START, REVIEW, EXIT or POST_EXIT." })
  stage!: TopStage;

  @Field(() => DateScalar, { description: "The day the TOP was taken (R-DATE-1)." })
  date!: IsoDate;

  @Field(() => TopSubstanceUseInput, { description: "Substance use in the past 28 days." })
  substanceUse!: TopSubstanceUseInput;

  @Field(() => TopInjectingInput, { description: "Injecting in the past 28 days." })
  injecting!: TopInjectingInput;

  @Field(() => TopCrimeInput, { description: "Offending in the past 28 days." })
  crime!: TopCrimeInput;

  @Field(() => TopHealthInput, { description: "Health and social functioning." })
  health!: TopHealthInput;

  @Field(() => TopOutcomeStarInput, { nullable: true, description: "Alcohol Outcome Star, when one was taken." })
  outcomeStar?: TopOutcomeStarInput | null;

  @Field(() => [String], {
    defaultValue: [],
    description: `Paths of the answers the person chose not to disclose; leave those answers out. Allowed paths: ${TOP_ANSWER_PATHS.join(", ")}.`,
  })
  notDisclosed!: string[];
}
