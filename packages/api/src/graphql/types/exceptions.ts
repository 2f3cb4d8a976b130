import { EXCEPTION_KINDS, type ExceptionKind, type IsoDate } from "@waymark/core";
import { ArgsType, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import type { ExceptionReportRow } from "../../services/exceptionsReport.js";
import { toGlobalId } from "../globalId.js";
import { connectionType, PageArgs } from "../relay.js";
import { DateScalar } from "../scalars.js";
import { Episode } from "./episode.js";
import { ServiceUser } from "./serviceUser.js";

const EXCEPTION_KIND_DESCRIPTIONS: Record<ExceptionKind, string> = {
  REVIEW_OVERDUE: "A recovery-plan review is past its due date (R-REV-2). The record is the plan.",
  TOP_MISSING: "A START, REVIEW or EXIT Treatment Outcomes Profile was not recorded within four weeks of its due date (R-TOP-2, R-DIS-1).",
  SAFEGUARDING_NO_HOME_VISIT: "The person carries the safeguarding flag and no attended home visit is recorded in the episode (R-SAFE-1).",
  DNA_FOLLOW_UP_OVERDUE: "A missed appointment was not followed up by its deadline (R-DNA-1). The record is the missed contact.",
  DISENGAGING: "The episode is disengaging: missed appointments in a row or too long without an attended contact (R-DNA-2).",
  NO_KEYWORKER: "An open episode has no keyworker allocated.",
};

export const ExceptionKindEnum = Object.fromEntries(EXCEPTION_KINDS.map((kind) => [kind, kind])) as Record<ExceptionKind, ExceptionKind>;

registerEnumType(ExceptionKindEnum, {
  name: "ExceptionKind",
  description: "What a line of the exceptions report (R-EXC-1) is about.",
  valuesConfig: Object.fromEntries(EXCEPTION_KINDS.map((kind) => [kind, { description: EXCEPTION_KIND_DESCRIPTIONS[kind] }])),
});

/** The GraphQL type of the record a line points at, by kind; kinds without a record have none. */
const RECORD_TYPE_OF: Partial<Record<ExceptionKind, string>> = { REVIEW_OVERDUE: "RecoveryPlan", DNA_FOLLOW_UP_OVERDUE: "Contact" };

@ArgsType()
export class ExceptionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this team's episodes; by default everything in your scope." })
  teamId?: string | null;

  @Field(() => [ExceptionKindEnum], { nullable: true, description: "Only these kinds; by default all." })
  kinds?: ExceptionKind[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Closed episodes appear only for a missing EXIT TOP; list those discharged on or after this date (default: 365 days before today).",
  })
  dischargedSince?: IsoDate | null;
}

@ObjectType({ description: "One line of the exceptions report (R-EXC-1): something in an episode that breaks a schedule or needs attention." })
export class ExceptionReportEntry {
  keyworkerLocalId!: string | null;
  teamLocalId!: string;

  @Field(() => ID, { description: "Stable ID of this line while the exception lasts." })
  id!: string;

  @Field(() => ExceptionKindEnum, { description: "What the line is about." })
  kind!: ExceptionKind;

  @Field(() => Episode, { description: "The episode." })
  episode!: Episode;

  @Field(() => ServiceUser, { description: "The person." })
  serviceUser!: ServiceUser;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The day the exception arose: the due date of the review or TOP, the follow-up deadline, the day the episode became disengaging; null when the record holds no such day (safeguarding, no keyworker).",
  })
  since!: IsoDate | null;

  @Field(() => String, { description: "What is wrong, in words for the keyworker." })
  detail!: string;

  @Field(() => ID, { nullable: true, description: "The record the line is about: the RecoveryPlan of an overdue review, the Contact of a missed appointment." })
  recordId!: string | null;

  static of(row: ExceptionReportRow): ExceptionReportEntry {
    const recordType = RECORD_TYPE_OF[row.kind];
    return Object.assign(new ExceptionReportEntry(), {
      keyworkerLocalId: row.episodeRow.keyworkerId,
      teamLocalId: row.episodeRow.teamId,
      id: toGlobalId("ExceptionReportEntry", [row.kind, row.episodeId, row.recordId ?? "", row.since ?? ""].join(":")),
      kind: row.kind,
      episode: Episode.of(row.episodeRow),
      serviceUser: ServiceUser.of(row.personRow),
      since: row.since,
      detail: row.detail,
      recordId: row.recordId !== null && recordType ? toGlobalId(recordType, row.recordId) : null,
    });
  }
}

export const ExceptionReportEntryConnection = connectionType(ExceptionReportEntry, "ExceptionReportEntry", "A page of the exceptions report, in report order: by kind, then oldest first.");
