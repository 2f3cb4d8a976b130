import type { AuditAction } from "@waymark/core";
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import type { AuditEventRow } from "../../db/mappers.js";
import { AuditActionEnum } from "../enums.js";
import { IdFilter, OrderDirection, StringFilter } from "../filters.js";
import { toGlobalId } from "../globalId.js";
import { connectionType, PageArgs } from "../relay.js";
import { DateTimeScalar } from "../scalars.js";

@ObjectType({ description: "One entry of the audit trail: who did what to which record, when, from where and why. Never changed once written." })
export class AuditEvent {
  localId!: number;
  actorLocalId!: string | null;

  @Field(() => ID, { description: "Opaque ID of this entry." })
  id!: string;

  @Field(() => DateTimeScalar, { description: "When it happened." })
  at!: Date;

  @Field(() => AuditActionEnum, { description: "What was done." })
  action!: AuditAction;

  @Field(() => String, { nullable: true, description: "The kind of record acted on (for example ServiceUser, Episode, StaffMember, Team, ApiToken, ServiceSettings)." })
  recordType!: string | null;

  @Field(() => ID, { nullable: true, description: "The global ID of the record acted on, which `node(id:)` fetches when it is in your scope; null when the event concerns no single record." })
  recordId!: string | null;

  @Field(() => ID, { nullable: true, description: "The global ID of the service user whose record this was, if any." })
  serviceUserId!: string | null;

  @Field(() => String, { nullable: true, description: "The network address the request came from." })
  fromAddress!: string | null;

  @Field(() => String, { nullable: true, description: "The reason given (required for break-glass access)." })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: "Further detail as JSON, such as the fields a change altered with their old and new values." })
  detail!: string | null;

  static of(row: AuditEventRow): AuditEvent {
    return Object.assign(new AuditEvent(), {
      id: toGlobalId("AuditEvent", row.id),
      localId: row.id,
      actorLocalId: row.actorId,
      at: row.at,
      action: row.action as AuditAction,
      recordType: row.recordType,
      recordId: row.recordType && row.recordId ? toGlobalId(row.recordType, row.recordId) : null,
      serviceUserId: row.serviceUserId ? toGlobalId("ServiceUser", row.serviceUserId) : null,
      fromAddress: row.fromAddress,
      reason: row.reason,
      detail: row.detail ? JSON.stringify(row.detail) : null,
    });
  }
}

export const AuditEventConnection = connectionType(AuditEvent, "AuditEvent", "A page of the audit trail.");

@InputType({ description: "Conditions on an audit event's action." })
export class AuditActionFilter {
  @Field(() => AuditActionEnum, { nullable: true, description: "This action." })
  eq?: AuditAction | null;

  @Field(() => [AuditActionEnum], { nullable: true, description: "One of these actions." })
  in?: AuditAction[] | null;
}

@InputType({ description: "Which audit events to list. All conditions given must hold." })
export class AuditEventFilter {
  @Field(() => IdFilter, { nullable: true, description: "Who did it (StaffMember IDs); isNull true for events with no known actor, such as a failed sign-in with an unknown email." })
  actorId?: IdFilter | null;

  @Field(() => IdFilter, { nullable: true, description: "Whose record it was (ServiceUser IDs)." })
  serviceUserId?: IdFilter | null;

  @Field(() => AuditActionFilter, { nullable: true, description: "What was done." })
  action?: AuditActionFilter | null;

  @Field(() => StringFilter, { nullable: true, description: "The kind of record acted on." })
  recordType?: StringFilter | null;

  @Field(() => ID, { nullable: true, description: "The record acted on, by its global ID." })
  recordId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "At or after this moment." })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Before this moment." })
  to?: Date | null;
}

export enum AuditEventOrderField {
  AT = "AT",
}

registerEnumType(AuditEventOrderField, {
  name: "AuditEventOrderField",
  description: "What the audit trail can be sorted by.",
  valuesConfig: { AT: { description: "When the event was recorded (events are sorted in the order they were written)." } },
});

@InputType({ description: "The sort order of the audit trail." })
export class AuditEventOrder {
  @Field(() => AuditEventOrderField, { description: "What to sort by." })
  field!: AuditEventOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: "Newest first (DESC, the default) or oldest first (ASC)." })
  direction!: OrderDirection;
}

@ArgsType()
export class AuditEventArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true, description: "Which events to list." })
  filter?: AuditEventFilter | null;

  @Field(() => [AuditEventOrder], { nullable: true, description: "Sort order; newest first when left out." })
  orderBy?: AuditEventOrder[] | null;
}
