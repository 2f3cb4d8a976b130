import type { FirstContactAction, InterventionSetting, IsoDate } from "@waymark/core";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { InterventionRow } from "../../db/mappers.js";
import { FirstContactActionEnum, InterventionSettingEnum } from "../enums.js";
import { toGlobalId } from "../globalId.js";
import { Node } from "../relay.js";
import { DateScalar } from "../scalars.js";
import { EnteredInError } from "./enteredInError.js";

@ObjectType({
  implements: Node,
  description: "An intervention of an episode: one catalogue item delivered from a start date, with the details its rules need.",
})
export class Intervention extends Node {
  localId!: string;
  episodeLocalId!: string;
  deliveredByLocalId!: string | null;

  @Field(() => String, { description: "Code of the catalogue item (see `catalogueItem`). Stable: an item in use is never re-coded." })
  catalogueItemCode!: string;

  @Field(() => [String], { description: "Codes of the item's sub-types chosen." })
  subTypes!: string[];

  @Field(() => DateScalar, { description: "The day it started." })
  startDate!: IsoDate;

  @Field(() => DateScalar, { nullable: true, description: "The day it ended; null while it is still running." })
  endDate!: IsoDate | null;

  @Field(() => DateScalar, { nullable: true, description: "When it is planned to end." })
  plannedEndDate!: IsoDate | null;

  @Field(() => Int, { nullable: true, description: "How many sessions are planned." })
  plannedSessions!: number | null;

  @Field(() => InterventionSettingEnum, { description: "Where it is delivered; PRIMARY_CARE is GP shared care." })
  setting!: InterventionSetting;

  @Field(() => String, { nullable: true, description: "Notes." })
  notes!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "R-ROSC-3: when the person said they want to go to a mutual-aid group." })
  interestExpressedDate!: IsoDate | null;

  @Field(() => [FirstContactActionEnum], { description: "R-ROSC-3: what staff did to make the first contact with the group." })
  firstContactActions!: FirstContactAction[];

  @Field(() => [DateScalar], { description: "R-ROSC-4: the aftercare check-ups the service will initiate." })
  contactSchedule!: IsoDate[];

  @Field(() => EnteredInError, { nullable: true, description: "Set when the intervention was entered in error; it then counts in no rule, schedule or indicator." })
  enteredInError!: EnteredInError | null;

  @Field(() => Date, { description: "When it was recorded." })
  createdAt!: Date;

  @Field(() => Date, { description: "When it was last changed." })
  updatedAt!: Date;

  @Field(() => Int, { description: "Version of this record; pass it back when changing it so a stale edit is refused." })
  version!: number;

  static of(row: InterventionRow): Intervention {
    const intervention = new Intervention();
    intervention.id = toGlobalId("Intervention", row.id);
    intervention.localId = row.id;
    intervention.episodeLocalId = row.episodeId;
    intervention.deliveredByLocalId = row.deliveredById;
    intervention.catalogueItemCode = row.catalogueItemCode;
    intervention.subTypes = [...row.subTypes];
    intervention.startDate = row.startDate;
    intervention.endDate = row.endDate;
    intervention.plannedEndDate = row.plannedEndDate;
    intervention.plannedSessions = row.plannedSessions;
    intervention.setting = row.setting as InterventionSetting;
    intervention.notes = row.notes;
    intervention.interestExpressedDate = row.interestExpressedDate;
    intervention.firstContactActions = [...row.firstContactActions] as FirstContactAction[];
    intervention.contactSchedule = [...row.contactSchedule];
    intervention.enteredInError = EnteredInError.of(row);
    intervention.createdAt = row.createdAt;
    intervention.updatedAt = row.updatedAt;
    intervention.version = row.version;
    return intervention;
  }
}

/** Field names are core's InterventionDraft names, so a rule's `field` path names the input field. */
@InputType({ description: "A new intervention. The catalogue item's phase and switches decide which recovery-support rules (R-ROSC-1..6) apply." })
export class RecordInterventionInput {
  @Field(() => ID, { description: "The episode's global ID." })
  episodeId!: string;

  @Field(() => String, { description: "Code of a current (not retired) catalogue item, e.g. OST_METHADONE." })
  catalogueItemCode!: string;

  @Field(() => [String], { defaultValue: [], description: "Codes of the item's sub-types given (R-ROSC-2, R-ROSC-5)." })
  subTypes!: string[];

  @Field(() => DateScalar, { description: "The day it started: not in the future nor before the referral (R-DATE-1)." })
  startDate!: IsoDate;

  @Field(() => DateScalar, { nullable: true, description: "The day it ended, if it already has." })
  endDate?: IsoDate | null;

  @Field(() => DateScalar, { nullable: true, description: "When it is planned to end; may lie ahead (R-ROSC-6)." })
  plannedEndDate?: IsoDate | null;

  @Field(() => Int, { nullable: true, description: "Planned sessions, 1 or more (R-ROSC-6 needs at least 2 for a sustained activity without a planned end date)." })
  plannedSessions?: number | null;

  @Field(() => InterventionSettingEnum, { description: "Where it is delivered." })
  setting!: InterventionSetting;

  @Field(() => ID, { nullable: true, description: "Global ID of the staff member delivering it; leave out when another agency delivers it." })
  deliveredById?: string | null;

  @Field(() => String, { nullable: true, description: "Notes (up to 2000 characters)." })
  notes?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "R-ROSC-3: the date the person said they would like to go to a mutual-aid group." })
  interestExpressedDate?: IsoDate | null;

  @Field(() => [FirstContactActionEnum], { defaultValue: [], description: "R-ROSC-3: what staff did to make the first contact." })
  firstContactActions!: FirstContactAction[];

  @Field(() => [DateScalar], {
    nullable: true,
    description:
      "R-ROSC-4: aftercare check-up dates. Leave out for an item with a contact schedule to get the default: one every 4 weeks after " +
      "the discharge date through the aftercare window (service setting, 3 to 6 months), from the start date on.",
  })
  contactSchedule?: IsoDate[] | null;
}

@InputType({ description: "Ends a running intervention." })
export class EndInterventionInput {
  @Field(() => ID, { description: "The intervention's global ID." })
  id!: string;

  @Field(() => DateScalar, { description: "The day it ended: not in the future nor before it started (R-DATE-1)." })
  endDate!: IsoDate;

  @Field(() => Int, { nullable: true, description: "The version the change was based on; a stale change is refused with STALE_VERSION." })
  version?: number | null;
}
