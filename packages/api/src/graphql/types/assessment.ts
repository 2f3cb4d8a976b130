import { NEED_DOMAINS, recoveryCapitalTotal, type AssessmentKind, type IsoDate, type NeedDomain, type NeedLevel, type RiskAssessment as CoreRiskAssessment } from "@waymark/core";
import { Field, Int, ObjectType } from "type-graphql";
import type { AssessmentRow } from "../../db/mappers.js";
import { AssessmentKindEnum, NeedDomainEnum, NeedLevelEnum } from "../enums.js";
import { toGlobalId } from "../globalId.js";
import { connectionType, Node } from "../relay.js";
import { DateScalar } from "../scalars.js";
import { EnteredInError } from "./enteredInError.js";
import { RiskAssessment } from "./risk.js";

@ObjectType({ description: "The level of need assessed in one life domain." })
export class AssessedNeed {
  @Field(() => NeedDomainEnum, { description: "The life domain." })
  domain!: NeedDomain;

  @Field(() => NeedLevelEnum, { description: "No need, some need or high need." })
  level!: NeedLevel;

  static of(domain: NeedDomain, level: NeedLevel): AssessedNeed {
    const need = new AssessedNeed();
    need.domain = domain;
    need.level = level;
    return need;
  }
}

@ObjectType({ description: "A Brief Assessment of Recovery Capital (BARC-10): ten items scored 1 to 6." })
export class RecoveryCapital {
  @Field(() => [Int], { description: "The ten item scores, in the questionnaire's order, each 1 to 6." })
  items!: number[];

  @Field(() => Int, { description: "The total score, 10 to 60; higher means more recovery capital." })
  total!: number;

  static of(items: number[]): RecoveryCapital {
    const capital = new RecoveryCapital();
    capital.items = items;
    capital.total = recoveryCapitalTotal({ items });
    return capital;
  }
}

@ObjectType({ implements: Node, description: "A triage, comprehensive assessment or reassessment of an episode: needs by domain, risk, and recovery capital." })
export class Assessment extends Node {
  localId!: string;
  episodeLocalId!: string;
  assessorLocalId!: string;

  @Field(() => AssessmentKindEnum, { description: "Triage, comprehensive assessment or reassessment." })
  kind!: AssessmentKind;

  @Field(() => DateScalar, { description: "The date of the assessment." })
  date!: IsoDate;

  @Field(() => [AssessedNeed], { description: "Needs by life domain, in the domains' usual order; domains not assessed are left out." })
  needs!: AssessedNeed[];

  @Field(() => RiskAssessment, { nullable: true, description: "The risk assessment; always present for a triage and a comprehensive assessment (R-RISK-1)." })
  risk!: RiskAssessment | null;

  @Field(() => RecoveryCapital, { nullable: true, description: "The BARC-10 recovery capital score, when taken." })
  recoveryCapital!: RecoveryCapital | null;

  @Field(() => EnteredInError, { nullable: true, description: "Set when the assessment was marked entered in error." })
  enteredInError!: EnteredInError | null;

  @Field(() => Int, { description: "Version of this record." })
  version!: number;

  static of(row: AssessmentRow): Assessment {
    const needs = row.needs as Partial<Record<NeedDomain, NeedLevel>>;
    const assessment = new Assessment();
    assessment.id = toGlobalId("Assessment", row.id);
    assessment.localId = row.id;
    assessment.episodeLocalId = row.episodeId;
    assessment.assessorLocalId = row.assessorId;
    assessment.kind = row.kind as AssessmentKind;
    assessment.date = row.date;
    assessment.needs = NEED_DOMAINS.codes.filter((domain) => needs[domain] !== undefined).map((domain) => AssessedNeed.of(domain, needs[domain] as NeedLevel));
    assessment.risk = RiskAssessment.of(row.risk as CoreRiskAssessment | null);
    assessment.recoveryCapital = row.recoveryCapitalItems ? RecoveryCapital.of(row.recoveryCapitalItems) : null;
    assessment.enteredInError = EnteredInError.of(row);
    assessment.version = row.version;
    return assessment;
  }
}

export const AssessmentConnection = connectionType(Assessment, "Assessment", "A page of an episode's assessments, newest first.");
