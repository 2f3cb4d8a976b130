import type { BbvStatus, ContactKind, ContactOutcome, IsoDate, NaloxoneRecipient } from "@waymark/core";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { ContactRow, HarmReductionRow } from "../../db/mappers.js";
import { BbvStatusEnum, ContactKindEnum, ContactOutcomeEnum, NaloxoneRecipientEnum } from "../enums.js";
import { toGlobalId } from "../globalId.js";
import { Node } from "../relay.js";
import { DateScalar } from "../scalars.js";
import { EnteredInError } from "./enteredInError.js";

@ObjectType({
  implements: Node,
  description: "An appointment or other contact with the person, and what happened. Did-not-attends drive the follow-up task (R-DNA-1) and the disengaging flag (R-DNA-2).",
})
export class Contact extends Node {
  localId!: string;
  episodeLocalId!: string;
  staffLocalId!: string;

  @Field(() => DateScalar, { description: "The day of the contact." })
  date!: IsoDate;

  @Field(() => String, { nullable: true, description: "Local time of day, HH:MM, when known." })
  time!: string | null;

  @Field(() => ContactKindEnum, { description: "The kind of contact." })
  kind!: ContactKind;

  @Field(() => ContactOutcomeEnum, { description: "What happened." })
  outcome!: ContactOutcome;

  @Field(() => String, { nullable: true, description: "Notes." })
  notes!: string | null;

  @Field(() => EnteredInError, { nullable: true, description: "Set when the contact was entered in error; it then counts in no schedule, flag or indicator." })
  enteredInError!: EnteredInError | null;

  @Field(() => Date, { description: "When it was recorded." })
  createdAt!: Date;

  @Field(() => Int, { description: "Version of this record." })
  version!: number;

  static of(row: ContactRow): Contact {
    // Set on the instance field by field: one object per record instead of two and a generic copy.
    const contact = new Contact();
    contact.id = toGlobalId("Contact", row.id);
    contact.localId = row.id;
    contact.episodeLocalId = row.episodeId;
    contact.staffLocalId = row.staffId;
    contact.date = row.date;
    contact.time = row.time;
    contact.kind = row.kind as ContactKind;
    contact.outcome = row.outcome as ContactOutcome;
    contact.notes = row.notes;
    contact.enteredInError = EnteredInError.of(row);
    contact.createdAt = row.createdAt;
    contact.version = row.version;
    return contact;
  }
}

@InputType({ description: "A contact that took place, or an appointment the person missed." })
export class RecordContactInput {
  @Field(() => ID, { description: "The episode's global ID." })
  episodeId!: string;

  @Field(() => DateScalar, { description: "The day of the contact: not in the future (R-DATE-1)." })
  date!: IsoDate;

  @Field(() => String, { nullable: true, description: "Local time of day, HH:MM (24-hour)." })
  time?: string | null;

  @Field(() => ContactKindEnum, { description: "The kind of contact. PHONE, LETTER, TEXT and HOME_VISIT count as DNA follow-up attempts." })
  kind!: ContactKind;

  @Field(() => ContactOutcomeEnum, { description: "What happened." })
  outcome!: ContactOutcome;

  @Field(() => ID, { nullable: true, description: "Global ID of the staff member who held the contact; you when left out." })
  staffId?: string | null;

  @Field(() => String, { nullable: true, description: "Notes (up to 2000 characters)." })
  notes?: string | null;
}

@ObjectType({
  implements: Node,
  description: "Harm-reduction work recorded on one date: naloxone, naloxone training, and blood-borne-virus vaccination and testing.",
})
export class HarmReductionRecord extends Node {
  localId!: string;
  episodeLocalId!: string;

  @Field(() => DateScalar, { description: "The day the work was done." })
  date!: IsoDate;

  @Field(() => NaloxoneRecipientEnum, { nullable: true, description: "Who naloxone was given to; null when none was issued." })
  naloxoneIssuedTo!: NaloxoneRecipient | null;

  @Field(() => Boolean, { description: "Naloxone training was given." })
  naloxoneTrainingGiven!: boolean;

  @Field(() => BbvStatusEnum, { nullable: true, description: "Hepatitis B vaccination status; null when not recorded on this date." })
  hepatitisBVaccination!: BbvStatus | null;

  @Field(() => BbvStatusEnum, { nullable: true, description: "Hepatitis C test status; null when not recorded on this date." })
  hepatitisCTest!: BbvStatus | null;

  @Field(() => BbvStatusEnum, { nullable: true, description: "HIV test status; null when not recorded on this date." })
  hivTest!: BbvStatus | null;

  @Field(() => EnteredInError, { nullable: true, description: "Set when the record was entered in error; it then counts in no indicator." })
  enteredInError!: EnteredInError | null;

  @Field(() => Date, { description: "When it was recorded." })
  createdAt!: Date;

  @Field(() => Int, { description: "Version of this record." })
  version!: number;

  static of(row: HarmReductionRow): HarmReductionRecord {
    const record = new HarmReductionRecord();
    record.id = toGlobalId("HarmReductionRecord", row.id);
    record.localId = row.id;
    record.episodeLocalId = row.episodeId;
    record.date = row.date;
    record.naloxoneIssuedTo = row.naloxoneIssuedTo as NaloxoneRecipient | null;
    record.naloxoneTrainingGiven = row.naloxoneTrainingGiven;
    record.hepatitisBVaccination = row.hepatitisBVaccination as BbvStatus | null;
    record.hepatitisCTest = row.hepatitisCTest as BbvStatus | null;
    record.hivTest = row.hivTest as BbvStatus | null;
    record.enteredInError = EnteredInError.of(row);
    record.createdAt = row.createdAt;
    record.version = row.version;
    return record;
  }
}

@InputType({ description: "Harm-reduction work done on one date; record at least one thing." })
export class RecordHarmReductionInput {
  @Field(() => ID, { description: "The episode's global ID." })
  episodeId!: string;

  @Field(() => DateScalar, { description: "The day the work was done (R-DATE-1)." })
  date!: IsoDate;

  @Field(() => NaloxoneRecipientEnum, { nullable: true, description: "Who naloxone was given to, if any was issued." })
  naloxoneIssuedTo?: NaloxoneRecipient | null;

  @Field(() => Boolean, { defaultValue: false, description: "Naloxone training was given." })
  naloxoneTrainingGiven!: boolean;

  @Field(() => BbvStatusEnum, { nullable: true, description: "Hepatitis B vaccination status." })
  hepatitisBVaccination?: BbvStatus | null;

  @Field(() => BbvStatusEnum, { nullable: true, description: "Hepatitis C test status." })
  hepatitisCTest?: BbvStatus | null;

  @Field(() => BbvStatusEnum, { nullable: true, description: "HIV test status." })
  hivTest?: BbvStatus | null;
}
