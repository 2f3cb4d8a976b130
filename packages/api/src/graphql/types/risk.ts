import {
  SUICIDE_RISK_FACTOR_QUESTIONS,
  type IsoDate,
  type RiskAssessment as CoreRiskAssessment,
  type RiskLevel,
  type SuicideRiskFactors as CoreSuicideRiskFactors,
  type SuicideRiskFlag as CoreSuicideRiskFlag,
} from "@waymark/core";
import { Field, InputType, ObjectType, registerEnumType } from "type-graphql";
import { RiskLevelEnum } from "../enums.js";
import { DateScalar } from "../scalars.js";

/**
 * The risk assessment every triage, comprehensive assessment and review carries (R-RISK-1, R-RISK-2,
 * R-RISK-3), as output and as input. The input mirrors core's RiskAssessment field for field, and every
 * answer is nullable in the schema so that an unanswered question comes back from core's rule as
 * RISK_ASSESSMENT_REQUIRED on its own field (`risk.overdose`), not as a GraphQL parse error.
 */

type FactorKey = keyof CoreSuicideRiskFactors;

/** SCREAMING_CASE names for core's suicide-risk factor keys, so they can be enum values. */
const FACTOR_CODES: Record<FactorKey, string> = {
  bereavement: "BEREAVEMENT",
  relationshipBreakdown: "RELATIONSHIP_BREAKDOWN",
  domesticOrSexualAbuseHistory: "DOMESTIC_OR_SEXUAL_ABUSE_HISTORY",
  isCarer: "IS_CARER",
};

export const SuicideRiskFactorEnum = Object.fromEntries(Object.values(FACTOR_CODES).map((code) => [code, code])) as Record<string, string>;

registerEnumType(SuicideRiskFactorEnum, {
  name: "SuicideRiskFactor",
  description: "A circumstance linked to suicide among people known to treatment services (R-RISK-2).",
  valuesConfig: Object.fromEntries(SUICIDE_RISK_FACTOR_QUESTIONS.map((question) => [FACTOR_CODES[question.key], { description: `The person has experienced ${question.label}.` }])),
});

@ObjectType({ description: "Answers to the suicide-risk questions (R-RISK-2): true when the circumstance applies." })
export class SuicideRiskFactors {
  @Field(() => Boolean, { description: "Bereavement: the death or suicide of someone close." })
  bereavement!: boolean;

  @Field(() => Boolean, { description: "A relationship breakdown." })
  relationshipBreakdown!: boolean;

  @Field(() => Boolean, { description: "A history of domestic or sexual abuse." })
  domesticOrSexualAbuseHistory!: boolean;

  @Field(() => Boolean, { description: "The person is a carer." })
  isCarer!: boolean;

  /** Each answer as stored; an unanswered one reads as false. */
  static of(factors: CoreSuicideRiskFactors): SuicideRiskFactors {
    const answers = new SuicideRiskFactors();
    answers.bereavement = factors.bereavement === true;
    answers.relationshipBreakdown = factors.relationshipBreakdown === true;
    answers.domesticOrSexualAbuseHistory = factors.domesticOrSexualAbuseHistory === true;
    answers.isCarer = factors.isCarer === true;
    return answers;
  }
}

@ObjectType({ description: "A risk assessment: risk to self, to others, from others and to children, and the suicide-risk questions." })
export class RiskAssessment {
  @Field(() => RiskLevelEnum, { description: "Risk to self: self-harm or suicide." })
  selfHarmOrSuicide!: RiskLevel;

  @Field(() => RiskLevelEnum, { description: "Risk to self: overdose." })
  overdose!: RiskLevel;

  @Field(() => RiskLevelEnum, { description: "Risk to other people." })
  toOthers!: RiskLevel;

  @Field(() => RiskLevelEnum, { description: "Risk of harm from other people." })
  fromOthers!: RiskLevel;

  @Field(() => Boolean, { description: "Domestic abuse is happening or suspected." })
  domesticAbuse!: boolean;

  @Field(() => RiskLevelEnum, { description: "Risk to children." })
  toChildren!: RiskLevel;

  @Field(() => SuicideRiskFactors, { description: "Answers to the suicide-risk questions." })
  suicideFactors!: SuicideRiskFactors;

  @Field(() => String, { nullable: true, description: "The assessor's notes on risk and how it is managed." })
  notes!: string | null;

  /** A stored risk assessment (complete: the rules refuse incomplete ones before they are written). */
  static of(risk: CoreRiskAssessment | null): RiskAssessment | null {
    if (!risk) return null;
    const assessment = new RiskAssessment();
    assessment.selfHarmOrSuicide = risk.selfHarmOrSuicide as RiskLevel;
    assessment.overdose = risk.overdose as RiskLevel;
    assessment.toOthers = risk.toOthers as RiskLevel;
    assessment.fromOthers = risk.fromOthers as RiskLevel;
    assessment.domesticAbuse = risk.domesticAbuse as boolean;
    assessment.toChildren = risk.toChildren as RiskLevel;
    assessment.suicideFactors = SuicideRiskFactors.of(risk.suicideFactors);
    assessment.notes = risk.notes;
    return assessment;
  }
}

@InputType({ description: "Answers to the suicide-risk questions (R-RISK-2). Every question must be answered." })
export class SuicideRiskFactorsInput {
  @Field(() => Boolean, { nullable: true, description: "Bereavement: the death or suicide of someone close." })
  bereavement?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "A relationship breakdown." })
  relationshipBreakdown?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "A history of domestic or sexual abuse." })
  domesticOrSexualAbuseHistory?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "The person is a carer." })
  isCarer?: boolean | null;
}

@InputType({ description: "A risk assessment. Every question must be answered (R-RISK-1); unanswered ones are refused with RISK_ASSESSMENT_REQUIRED." })
export class RiskAssessmentInput {
  @Field(() => RiskLevelEnum, { nullable: true, description: "Risk to self: self-harm or suicide." })
  selfHarmOrSuicide?: RiskLevel | null;

  @Field(() => RiskLevelEnum, { nullable: true, description: "Risk to self: overdose." })
  overdose?: RiskLevel | null;

  @Field(() => RiskLevelEnum, { nullable: true, description: "Risk to other people." })
  toOthers?: RiskLevel | null;

  @Field(() => RiskLevelEnum, { nullable: true, description: "Risk of harm from other people, domestic abuse included." })
  fromOthers?: RiskLevel | null;

  @Field(() => Boolean, { nullable: true, description: "Domestic abuse is happening or suspected." })
  domesticAbuse?: boolean | null;

  @Field(() => RiskLevelEnum, { nullable: true, description: "Risk to children." })
  toChildren?: RiskLevel | null;

  @Field(() => SuicideRiskFactorsInput, { nullable: true, description: "Answers to the suicide-risk questions." })
  suicideFactors?: SuicideRiskFactorsInput | null;

  @Field(() => String, { nullable: true, description: "Notes on risk and how it is managed." })
  notes?: string | null;
}

/** Core's RiskAssessment from the input, absent answers as null so core names each one missing. */
export function riskFromInput(input: RiskAssessmentInput | null | undefined): CoreRiskAssessment | null {
  if (!input) return null;
  const factors = input.suicideFactors;
  return {
    selfHarmOrSuicide: input.selfHarmOrSuicide ?? null,
    overdose: input.overdose ?? null,
    toOthers: input.toOthers ?? null,
    fromOthers: input.fromOthers ?? null,
    domesticAbuse: input.domesticAbuse ?? null,
    toChildren: input.toChildren ?? null,
    suicideFactors: {
      bereavement: factors?.bereavement ?? null,
      relationshipBreakdown: factors?.relationshipBreakdown ?? null,
      domesticOrSexualAbuseHistory: factors?.domesticOrSexualAbuseHistory ?? null,
      isCarer: factors?.isCarer ?? null,
    },
    notes: input.notes?.trim() ? input.notes.trim() : null,
  };
}

@ObjectType({ description: "The suicide-risk flag (R-RISK-2): raised while the latest risk assessment records any suicide-risk factor." })
export class SuicideRiskFlag {
  @Field(() => Boolean, { description: "True while the flag is raised." })
  flagged!: boolean;

  @Field(() => [SuicideRiskFactorEnum], { description: "The factors present at the latest risk assessment." })
  factors!: string[];

  @Field(() => DateScalar, { nullable: true, description: "Date of the risk assessment the flag rests on; null when none has been done." })
  assessedOn!: IsoDate | null;

  static of(flag: CoreSuicideRiskFlag): SuicideRiskFlag {
    const suicideRisk = new SuicideRiskFlag();
    suicideRisk.flagged = flag.flagged;
    suicideRisk.factors = flag.factors.map((key) => FACTOR_CODES[key]);
    suicideRisk.assessedOn = flag.assessedOn;
    return suicideRisk;
  }
}
