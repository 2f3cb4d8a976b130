import type { Cohort, DischargeReason, EpisodeStatus, InjectingStatus, IsoDate, ReferralSource, ReferralUrgency, Route, Substance } from "@waymark/core";
import { Field, Int, ObjectType } from "type-graphql";
import type { EpisodeRow, ProblemSubstanceRow } from "../../db/mappers.js";
import { CohortEnum, DischargeReasonEnum, EpisodeStatusEnum, InjectingStatusEnum, ReferralSourceEnum, ReferralUrgencyEnum, RouteEnum, SubstanceEnum } from "../enums.js";
import { toGlobalId } from "../globalId.js";
import type { FieldsServed } from "../requestedFields.js";
import { Node } from "../relay.js";
import { DateScalar } from "../scalars.js";
import { EnteredInError } from "./enteredInError.js";

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

  static of(row: EpisodeRow): Referral {
    const referral = new Referral();
    referral.receivedDate = row.referralDate;
    referral.source = row.referralSource as ReferralSource;
    referral.referrer = row.referrer;
    referral.reason = row.referralReason;
    referral.urgency = row.referralUrgency as ReferralUrgency;
    return referral;
  }
}

@ObjectType({ description: "A problem substance of an episode, ranked 1 (main) to 3." })
export class ProblemSubstance {
  @Field(() => Int, { description: "1 for the main problem substance, then 2 and 3." })
  rank!: number;

  @Field(() => SubstanceEnum, { description: "The substance." })
  substance!: Substance;

  @Field(() => Int, { nullable: true, description: "Age in years when the person first used it." })
  ageOfFirstUse!: number | null;

  @Field(() => RouteEnum, { nullable: true, description: "How the person takes it." })
  route!: Route | null;

  static of(row: ProblemSubstanceRow): ProblemSubstance {
    const problemSubstance = new ProblemSubstance();
    problemSubstance.rank = row.rank;
    problemSubstance.substance = row.substance as Substance;
    problemSubstance.ageOfFirstUse = row.ageOfFirstUse;
    problemSubstance.route = row.route as Route | null;
    return problemSubstance;
  }
}

@ObjectType({ description: "A team lead's recorded decision to accept a referral outside the team's age band (R-ELIG-1)." })
export class AgeBandOverride {
  approvedByLocalId!: string | null;

  @Field(() => String, { description: "Why the referral was accepted outside the age band." })
  reason!: string;

  static of(reason: string, approvedByLocalId: string | null): AgeBandOverride {
    const override = new AgeBandOverride();
    override.reason = reason;
    override.approvedByLocalId = approvedByLocalId;
    return override;
  }
}

@ObjectType({ implements: Node, description: "One stretch of contact with the service, from referral to discharge." })
export class Episode extends Node {
  localId!: string;
  serviceUserLocalId!: string;
  teamLocalId!: string;
  keyworkerLocalId!: string | null;
  /** Whether the episode records a home visit the person attended (R-SAFE-1), as its stored summary says. */
  homeVisitRecorded!: boolean;

  @Field(() => EpisodeStatusEnum, { description: "Where the episode is on the journey." })
  status!: EpisodeStatus;

  @Field(() => Referral, { description: "The referral that opened the episode." })
  referral!: Referral;

  @Field(() => AgeBandOverride, { nullable: true, description: "Set when a team lead accepted the referral outside the team's age band (R-ELIG-1)." })
  ageBandOverride!: AgeBandOverride | null;

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

  @Field(() => EnteredInError, { nullable: true, description: "Set when the episode was marked entered in error." })
  enteredInError!: EnteredInError | null;

  @Field(() => Int, { description: "Version of this record; pass it back when updating so a stale edit is refused." })
  version!: number;

  /**
   * An episode as a working list shows it, from the few columns such a list reads: only the fields in
   * EPISODE_SUMMARY_FIELDS are set, so it is built only for a document that asks for nothing else.
   */
  static summaryOf(row: Pick<EpisodeRow, "id" | "serviceUserId" | "teamId" | "keyworkerId" | "status" | "referralDate" | "nextReviewDue">): Episode {
    const episode = new Episode();
    episode.id = toGlobalId("Episode", row.id);
    episode.localId = row.id;
    episode.serviceUserLocalId = row.serviceUserId;
    episode.teamLocalId = row.teamId;
    episode.keyworkerLocalId = row.keyworkerId;
    episode.status = row.status as EpisodeStatus;
    const referral = new Referral();
    referral.receivedDate = row.referralDate;
    episode.referral = referral;
    episode.nextReviewDue = row.nextReviewDue;
    return episode;
  }

  static of(row: EpisodeRow): Episode {
    // The summary's fields, then the rest of the record with its whole referral.
    const episode = Episode.summaryOf(row);
    episode.homeVisitRecorded = row.homeVisitRecorded;
    episode.referral = Referral.of(row);
    episode.ageBandOverride = row.ageBandOverrideReason ? AgeBandOverride.of(row.ageBandOverrideReason, row.ageBandOverrideById) : null;
    episode.triageDate = row.triageDate;
    episode.injectingStatus = row.injectingStatus as InjectingStatus | null;
    episode.firstInterventionDate = row.firstInterventionDate;
    episode.cohort = row.cohort as Cohort | null;
    episode.dischargeDate = row.dischargeDate;
    episode.dischargeReason = row.dischargeReason as DischargeReason | null;
    episode.enteredInError = EnteredInError.of(row);
    episode.version = row.version;
    return episode;
  }
}

/** The fields Episode.summaryOf answers: its own, and the team and keyworker it follows from their ids. */
export const EPISODE_SUMMARY_FIELDS: FieldsServed = { id: true, status: true, referral: { receivedDate: true }, nextReviewDue: true, team: true, keyworker: true };
