import type { Cohort, DischargeReason, EpisodeStatus, InjectingStatus, IsoDate, ReferralSource, ReferralUrgency } from "@waymark/core";
import { Field, Int, ObjectType } from "type-graphql";
import type { EpisodeRow } from "../../db/mappers.js";
import { CohortEnum, DischargeReasonEnum, EpisodeStatusEnum, InjectingStatusEnum, ReferralSourceEnum, ReferralUrgencyEnum } from "../enums.js";
import { toGlobalId } from "../globalId.js";
import { Node } from "../relay.js";
import { DateScalar } from "../scalars.js";

@ObjectType({ description: "How a referral came in." })
export class Referral {
  @Field(() => DateScalar, { description: "The date the referral was received." })
  receivedDate!: IsoDate;

  @Field(() => ReferralSourceEnum, { description: "Where the referral came from." })
  source!: ReferralSource;

  @Field(() => String, { nullable: true, description: "Who made the referral." })
  referrer!: string | null;

  @Field(() => String, { description: "Why the person was referred." })
  reason!: string;

  @Field(() => ReferralUrgencyEnum, { description: "How urgently the referral needs a response." })
  urgency!: ReferralUrgency;
}

@ObjectType({ implements: Node, description: "One stretch of contact with the service, from referral to discharge." })
export class Episode extends Node {
  localId!: string;
  serviceUserLocalId!: string;
  teamLocalId!: string;
  keyworkerLocalId!: string | null;

  @Field(() => EpisodeStatusEnum, { description: "Where the episode is on the journey." })
  status!: EpisodeStatus;

  @Field(() => Referral, { description: "The referral that opened the episode." })
  referral!: Referral;

  @Field(() => DateScalar, { nullable: true, description: "Date of triage (the initial assessment)." })
  triageDate!: IsoDate | null;

  @Field(() => InjectingStatusEnum, { nullable: true, description: "Whether the person injects." })
  injectingStatus!: InjectingStatus | null;

  @Field(() => DateScalar, { nullable: true, description: "Date structured treatment began: the start of the first pharmacological or psychosocial intervention." })
  firstInterventionDate!: IsoDate | null;

  @Field(() => CohortEnum, { nullable: true, description: "The treatment population the episode counts in, derived from its problem substances." })
  cohort!: Cohort | null;

  @Field(() => DateScalar, { nullable: true, description: "When the current recovery plan's next review is due." })
  nextReviewDue!: IsoDate | null;

  @Field(() => DateScalar, { nullable: true, description: "Discharge date." })
  dischargeDate!: IsoDate | null;

  @Field(() => DischargeReasonEnum, { nullable: true, description: "Why the episode ended." })
  dischargeReason!: DischargeReason | null;

  @Field(() => Int, { description: "Version of this record; pass it back when updating so a stale edit is refused." })
  version!: number;

  static of(row: EpisodeRow): Episode {
    return Object.assign(new Episode(), {
      id: toGlobalId("Episode", row.id),
      localId: row.id,
      serviceUserLocalId: row.serviceUserId,
      teamLocalId: row.teamId,
      keyworkerLocalId: row.keyworkerId,
      status: row.status as EpisodeStatus,
      referral: Object.assign(new Referral(), {
        receivedDate: row.referralDate,
        source: row.referralSource as ReferralSource,
        referrer: row.referrer,
        reason: row.referralReason,
        urgency: row.referralUrgency as ReferralUrgency,
      }),
      triageDate: row.triageDate,
      injectingStatus: row.injectingStatus as InjectingStatus | null,
      firstInterventionDate: row.firstInterventionDate,
      cohort: row.cohort as Cohort | null,
      nextReviewDue: row.nextReviewDue,
      dischargeDate: row.dischargeDate,
      dischargeReason: row.dischargeReason as DischargeReason | null,
      version: row.version,
    });
  }
}
