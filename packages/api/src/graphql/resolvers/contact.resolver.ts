import { checkContact, checkHarmReduction, violationsOf, type Contact as CoreContact, type HarmReductionRecord as CoreHarmReductionRecord } from "@waymark/core";
import { randomUUID } from "node:crypto";
import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { toContact } from "../../db/mappers.js";
import { requireClinician } from "../clinicalAccess.js";
import type { RequestContext } from "../context.js";
import { registerEpisodeRecordNode } from "../episodeRecordReads.js";
import { episodeInErrorViolations, finishEpisodeWrite, openEpisodeByGlobalId, returnedRow, staffMemberOf } from "../episodeWrites.js";
import { episodeAfterCommit } from "../recordsAfterWrite.js";
import { refuseIfAny, runMutation, TEXT_LIMITS, tooLong } from "../mutations.js";
import { scopedLoaders } from "../scopedLoaders.js";
import { Contact, HarmReductionRecord, RecordContactInput, RecordHarmReductionInput } from "../types/contact.js";
import { Episode } from "../types/episode.js";
import { staffNamedOn } from "../episodeOwners.js";
import { StaffMember } from "../types/organisation.js";
import { UserError } from "../userErrors.js";

@ObjectType({ description: "The result of recording a contact." })
class RecordContactPayload {
  @Field(() => Contact, { nullable: true, description: "The new contact, or null when refused." })
  contact!: Contact | null;

  @Field(() => Episode, { nullable: true, description: "The episode after the change, with its follow-up and engagement dates recomputed (R-DNA-1, R-DNA-2)." })
  episode!: Episode | null;

  @Field(() => [UserError], { description: "Why the contact was refused; nothing was written." })
  userErrors!: UserError[];
}

@ObjectType({ description: "The result of recording harm-reduction work." })
class RecordHarmReductionPayload {
  @Field(() => HarmReductionRecord, { nullable: true, description: "The new record, or null when refused." })
  harmReductionRecord!: HarmReductionRecord | null;

  @Field(() => [UserError], { description: "Why the record was refused; nothing was written." })
  userErrors!: UserError[];
}

registerEpisodeRecordNode("Contact", (t) => t.contacts, Contact.of);
registerEpisodeRecordNode("HarmReductionRecord", (t) => t.harmReductionRecords, HarmReductionRecord.of);

/** The episode a contact or harm-reduction record belongs to, within the viewer's scope. */
async function episodeOf(episodeLocalId: string, context: RequestContext): Promise<Episode | null> {
  const row = await scopedLoaders(context).episodeById.load(episodeLocalId);
  return row ? Episode.of(row) : null;
}

/** Contacts (and through them R-DNA-1 and R-DNA-2) and harm-reduction records; the rules are core's. */
@Resolver(() => Contact)
export class ContactResolver {
  @FieldResolver(() => StaffMember, { nullable: true, description: "The staff member who held the contact." })
  staff(@Root() contact: Contact, @Ctx() context: RequestContext): StaffMember | null | Promise<StaffMember | null> {
    return staffNamedOn(contact.staffLocalId, context);
  }

  @FieldResolver(() => Episode, { nullable: true, description: "The episode the contact belongs to; null when that episode is outside your scope." })
  episode(@Root() contact: Contact, @Ctx() context: RequestContext): Promise<Episode | null> {
    return episodeOf(contact.episodeLocalId, context);
  }

  @Mutation(() => RecordContactPayload, {
    description:
      "Records a contact or a missed appointment. A DID_NOT_ATTEND makes a follow-up attempt due (R-DNA-1); consecutive ones, or a long " +
      "gap without an attended contact, flag the episode as disengaging (R-DNA-2).",
  })
  async recordContact(@Arg("input", () => RecordContactInput) input: RecordContactInput, @Ctx() context: RequestContext): Promise<RecordContactPayload> {
    const viewer = requireClinician(context);
    const t = context.database.tables;
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const write = await openEpisodeByGlobalId(tx, context, input.episodeId);
      const staff = input.staffId == null ? { id: viewer.staffId, violations: [] } : await staffMemberOf(tx, context, input.staffId, "staffId");
      const contact: Omit<CoreContact, "id" | "episodeId" | "enteredInError"> = {
        date: input.date,
        time: input.time ?? null,
        kind: input.kind,
        outcome: input.outcome,
        staffId: staff.id ?? viewer.staffId,
        notes: input.notes ?? null,
      };
      const { episode, serviceUser } = write.loaded;
      refuseIfAny([
        ...episodeInErrorViolations(write, "contact"),
        ...violationsOf(checkContact(contact, { episode, dateOfBirth: serviceUser.dateOfBirth, today: write.today })),
        ...staff.violations,
        ...tooLong({ notes: [input.notes, TEXT_LIMITS.medium] }),
      ]);
      const row = returnedRow(
        await tx
          .insert(t.contacts)
          .values({ id: randomUUID(), episodeId: episode.id, ...contact, createdAt: write.now, createdById: viewer.staffId, updatedAt: write.now })
          .returning(),
      );
      await finishEpisodeWrite(tx, context, write, [{ action: "CREATE", recordType: "Contact", recordId: row.id, detail: { kind: contact.kind, outcome: contact.outcome } }], {
        ...write.loaded,
        contacts: [...write.loaded.contacts, toContact(row)],
      });
      return row;
    });
    return Object.assign(new RecordContactPayload(), {
      contact: result ? Contact.of(result) : null,
      episode: result ? await episodeAfterCommit(context, result.episodeId) : null,
      userErrors,
    });
  }

  @Mutation(() => RecordHarmReductionPayload, {
    description: "Records harm-reduction work on one date: naloxone issued or training given, and hepatitis B, hepatitis C and HIV vaccination or testing.",
  })
  async recordHarmReduction(@Arg("input", () => RecordHarmReductionInput) input: RecordHarmReductionInput, @Ctx() context: RequestContext): Promise<RecordHarmReductionPayload> {
    const viewer = requireClinician(context);
    const t = context.database.tables;
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const write = await openEpisodeByGlobalId(tx, context, input.episodeId);
      const record: Omit<CoreHarmReductionRecord, "id" | "episodeId" | "enteredInError"> = {
        date: input.date,
        naloxoneIssuedTo: input.naloxoneIssuedTo ?? null,
        naloxoneTrainingGiven: input.naloxoneTrainingGiven,
        hepatitisBVaccination: input.hepatitisBVaccination ?? null,
        hepatitisCTest: input.hepatitisCTest ?? null,
        hivTest: input.hivTest ?? null,
      };
      const { episode, serviceUser } = write.loaded;
      refuseIfAny([
        ...episodeInErrorViolations(write, "harm-reduction work"),
        ...violationsOf(checkHarmReduction(record, { episode, dateOfBirth: serviceUser.dateOfBirth, today: write.today })),
      ]);
      const row = returnedRow(
        await tx
          .insert(t.harmReductionRecords)
          .values({ id: randomUUID(), episodeId: episode.id, ...record, createdAt: write.now, createdById: viewer.staffId, updatedAt: write.now })
          .returning(),
      );
      // Harm-reduction work is none of the summary's sources: the records loaded are those it is computed from.
      await finishEpisodeWrite(tx, context, write, [{ action: "CREATE", recordType: "HarmReductionRecord", recordId: row.id }], write.loaded);
      return row;
    });
    return Object.assign(new RecordHarmReductionPayload(), { harmReductionRecord: result ? HarmReductionRecord.of(result) : null, userErrors });
  }
}

/** The episode link of a harm-reduction record. */
@Resolver(() => HarmReductionRecord)
export class HarmReductionRecordResolver {
  @FieldResolver(() => Episode, { nullable: true, description: "The episode the record belongs to; null when that episode is outside your scope." })
  episode(@Root() record: HarmReductionRecord, @Ctx() context: RequestContext): Promise<Episode | null> {
    return episodeOf(record.episodeLocalId, context);
  }
}
