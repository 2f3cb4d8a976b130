import {
  checkEndIntervention,
  checkNewIntervention,
  defaultAftercareSchedule,
  isOpen,
  isStructuredModality,
  transition,
  violationsOf,
  type AuditAction,
  type InterventionDraft,
  type IsoDate,
} from "@waymark/core";
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import type { Db } from "../../db/database.js";
import { toIntervention } from "../../db/mappers.js";
import { requireClinician } from "../clinicalAccess.js";
import type { RequestContext } from "../context.js";
import { findEpisodeChildInScope, registerEpisodeRecordNode } from "../episodeRecordReads.js";
import { finishEpisodeWrite, openEpisodeByGlobalId, openEpisodeForWrite, returnedRow, staffMemberOf, type EpisodeWrite } from "../episodeWrites.js";
import { episodeAfterCommit } from "../recordsAfterWrite.js";
import { notFound } from "../errors.js";
import { localIdOf } from "../globalId.js";
import { checkVersion, refuseIfAny, runMutation, TEXT_LIMITS, tooLong } from "../mutations.js";
import { scopedLoaders } from "../scopedLoaders.js";
import { CatalogueItem } from "../types/catalogue.js";
import { Episode } from "../types/episode.js";
import { EndInterventionInput, Intervention, RecordInterventionInput } from "../types/intervention.js";
import { staffNamedOn } from "../episodeOwners.js";
import { StaffMember } from "../types/organisation.js";
import { UserError } from "../userErrors.js";

@ObjectType({ description: "The result of recording an intervention." })
class RecordInterventionPayload {
  @Field(() => Intervention, { nullable: true, description: "The new intervention, or null when refused." })
  intervention!: Intervention | null;

  @Field(() => Episode, { nullable: true, description: "The episode after the change: a first pharmacological or psychosocial intervention moves it to IN_TREATMENT." })
  episode!: Episode | null;

  @Field(() => [UserError], { description: "Why the intervention was refused, with the rule's code (e.g. ROSC_REQUIRES_CONCURRENT_MODALITY); nothing was written." })
  userErrors!: UserError[];
}

@ObjectType({ description: "The result of ending an intervention." })
class EndInterventionPayload {
  @Field(() => Intervention, { nullable: true, description: "The intervention as ended, or null when refused." })
  intervention!: Intervention | null;

  @Field(() => [UserError], { description: "Why ending was refused; nothing was written." })
  userErrors!: UserError[];
}

type AuditLine = { action: AuditAction; recordType: string; recordId: string; detail?: Record<string, unknown> };

/**
 * The check-ups an aftercare record carries: those given, or when none are given for an item that needs a
 * schedule, the default one after the discharge date (R-ROSC-4). An empty list given on purpose stays empty,
 * so the rule can refuse it.
 */
function contactScheduleOf(input: RecordInterventionInput, write: EpisodeWrite): IsoDate[] {
  if (input.contactSchedule) return input.contactSchedule;
  const item = write.catalogue.find(input.catalogueItemCode);
  const { dischargeDate } = write.loaded.episode;
  if (!item?.switches.needsContactSchedule || dischargeDate === null) return [];
  return defaultAftercareSchedule(dischargeDate, write.settings, input.startDate);
}

/**
 * Moves the episode into structured treatment when this intervention starts it (DOMAIN §2): a first
 * pharmacological or psychosocial item takes a TRIAGED or ASSESSED episode to IN_TREATMENT.
 */
async function startTreatmentIfFirst(tx: Db, context: RequestContext, write: EpisodeWrite, catalogueItemCode: string): Promise<AuditLine[]> {
  const item = write.catalogue.find(catalogueItemCode);
  const { episode, row } = write.loaded;
  if (!item || !isStructuredModality(item.modality) || !isOpen(episode)) return [];
  const step = transition(episode.status, { kind: "START_STRUCTURED_INTERVENTION" });
  if (!step.ok || step.to === episode.status) return [];
  const t = context.database.tables;
  await tx.update(t.episodes).set({ status: step.to, updatedAt: write.now, version: row.version + 1 }).where(eq(t.episodes.id, row.id));
  return [{ action: "UPDATE", recordType: "Episode", recordId: row.id, detail: { status: { from: step.from, to: step.to }, startedBy: catalogueItemCode } }];
}

registerEpisodeRecordNode("Intervention", (t) => t.interventions, Intervention.of);

/** Recording and ending interventions, recovery support included; every rule is core's (R-INT-1, R-DATE-1, R-ROSC-1..6). */
@Resolver(() => Intervention)
export class InterventionResolver {
  @FieldResolver(() => CatalogueItem, { description: "The catalogue item, as it is now (a retired item still resolves)." })
  async catalogueItem(@Root() intervention: Intervention, @Ctx() context: RequestContext): Promise<CatalogueItem> {
    const row = await context.loaders.catalogueItemByCode.load(intervention.catalogueItemCode);
    if (!row) throw new Error(`Catalogue item ${intervention.catalogueItemCode} is missing`);
    return CatalogueItem.of(row);
  }

  @FieldResolver(() => StaffMember, { nullable: true, description: "Who delivers it; null when another agency does." })
  deliveredBy(@Root() intervention: Intervention, @Ctx() context: RequestContext): StaffMember | null | Promise<StaffMember | null> {
    return staffNamedOn(intervention.deliveredByLocalId, context);
  }

  @FieldResolver(() => Episode, { nullable: true, description: "The episode it belongs to; null when that episode is outside your scope." })
  async episode(@Root() intervention: Intervention, @Ctx() context: RequestContext): Promise<Episode | null> {
    const row = await scopedLoaders(context).episodeById.load(intervention.episodeLocalId);
    return row ? Episode.of(row) : null;
  }

  @Mutation(() => RecordInterventionPayload, {
    description:
      "Records an intervention on an episode. The catalogue item's phase and switches decide the rules: R-INT-1, R-DATE-1 and the " +
      "recovery-support rules R-ROSC-1 to R-ROSC-6. A first pharmacological or psychosocial intervention starts structured treatment.",
  })
  async recordIntervention(@Arg("input", () => RecordInterventionInput) input: RecordInterventionInput, @Ctx() context: RequestContext): Promise<RecordInterventionPayload> {
    const viewer = requireClinician(context);
    const t = context.database.tables;
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const write = await openEpisodeByGlobalId(tx, context, input.episodeId);
      const deliveredBy = await staffMemberOf(tx, context, input.deliveredById, "deliveredById");
      const draft: InterventionDraft = {
        catalogueItemCode: input.catalogueItemCode,
        subTypes: input.subTypes,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        plannedEndDate: input.plannedEndDate ?? null,
        plannedSessions: input.plannedSessions ?? null,
        interestExpressedDate: input.interestExpressedDate ?? null,
        firstContactActions: input.firstContactActions,
        contactSchedule: contactScheduleOf(input, write),
      };
      refuseIfAny([
        ...violationsOf(
          checkNewIntervention({
            intervention: draft,
            episode: write.loaded.episode,
            episodeInterventions: write.loaded.interventions,
            assessments: write.loaded.assessments,
            catalogue: write.catalogue,
            settings: write.settings,
            today: write.today,
          }),
        ),
        ...deliveredBy.violations,
        ...tooLong({ notes: [input.notes, TEXT_LIMITS.medium] }),
      ]);
      const row = returnedRow(
        await tx
          .insert(t.interventions)
          .values({
          id: randomUUID(),
          episodeId: write.loaded.row.id,
            ...draft,
          subTypes: [...draft.subTypes],
          firstContactActions: [...draft.firstContactActions],
          contactSchedule: [...draft.contactSchedule],
          setting: input.setting,
          deliveredById: deliveredBy.id,
          notes: input.notes ?? null,
          createdAt: write.now,
          createdById: viewer.staffId,
          updatedAt: write.now,
        })
          .returning(),
      );
      const created = row;
      const journey = await startTreatmentIfFirst(tx, context, write, draft.catalogueItemCode);
      await finishEpisodeWrite(tx, context, write, [
        { action: "CREATE", recordType: "Intervention", recordId: created.id, detail: { catalogueItemCode: created.catalogueItemCode } },
        ...journey,
      ]);
      return created;
    });
    return Object.assign(new RecordInterventionPayload(), {
      intervention: result ? Intervention.of(result) : null,
      episode: result ? await episodeAfterCommit(context, result.episodeId) : null,
      userErrors,
    });
  }

  @Mutation(() => EndInterventionPayload, { description: "Ends a running intervention on a date (R-DATE-1: not in the future, not before it started)." })
  async endIntervention(@Arg("input", () => EndInterventionInput) input: EndInterventionInput, @Ctx() context: RequestContext): Promise<EndInterventionPayload> {
    requireClinician(context);
    const t = context.database.tables;
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const localId = localIdOf(input.id, "Intervention");
      const row = localId === null ? null : await findEpisodeChildInScope(tx, context, t.interventions, localId);
      if (!row) throw notFound("intervention");
      const write = await openEpisodeForWrite(tx, context, row.episodeId);
      checkVersion(row.version, input.version, "intervention");
      refuseIfAny(violationsOf(checkEndIntervention(toIntervention(row), input.endDate, write.today)));
      const ended = returnedRow(
        await tx
          .update(t.interventions)
          .set({ endDate: input.endDate, updatedAt: write.now, version: row.version + 1 })
          .where(eq(t.interventions.id, row.id))
          .returning(),
      );
      await finishEpisodeWrite(tx, context, write, [{ action: "UPDATE", recordType: "Intervention", recordId: row.id, detail: { endDate: input.endDate } }]);
      return ended;
    });
    return Object.assign(new EndInterventionPayload(), { intervention: result ? Intervention.of(result) : null, userErrors });
  }
}
