import {
  checkCatalogueDelete,
  checkCatalogueEdit,
  checkCatalogueRetire,
  checkNewCatalogueItem,
  retiredCatalogueItem,
  violationsOf,
  type CatalogueItem as CoreCatalogueItem,
  type Violation,
} from "@waymark/core";
import DataLoader from "dataloader";
import { and, count, eq, inArray, max, type SQL } from "drizzle-orm";
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { writeAudit } from "../../audit/auditLog.js";
import type { Db, Tables } from "../../db/database.js";
import { afterCursor, orderByKeys, pageFromRows, type SortKey } from "../../db/keysetPage.js";
import { catalogueColumnsOf, toCatalogueItem, type CatalogueItemRow } from "../../db/mappers.js";
import { loadCatalogue } from "../../services/referenceData.js";
import type { RequestContext } from "../context.js";
import { returnedRow } from "../episodeWrites.js";
import { notFound } from "../errors.js";
import { localIdOf } from "../globalId.js";
import { checkVersion, refuseIfAny, requireViewer, runMutation } from "../mutations.js";
import { registerNodeType } from "../nodeRegistry.js";
import { connectionType, PageArgs, pageSizeOf } from "../relay.js";
import {
  CatalogueItem,
  CreateCatalogueItemInput,
  DeleteCatalogueItemInput,
  RetireCatalogueItemInput,
  UpdateCatalogueItemInput,
  type CatalogueSubTypeInput,
} from "../types/catalogue.js";
import { UserError } from "../userErrors.js";

const CatalogueItemConnection = connectionType(CatalogueItem, "CatalogueItem", "A page of the intervention catalogue, in the catalogue's order.");

/**
 * The result type of adding, changing or retiring a catalogue item: the item as the mutation left it (`item`
 * describes it), or null when refused, and why it was refused (`refusal`), in which case nothing was written.
 */
function catalogueItemPayload(name: string, texts: { description: string; item: string; refusal: string }) {
  @ObjectType(name, { description: texts.description })
  class CatalogueItemPayload {
    @Field(() => CatalogueItem, { nullable: true, description: `${texts.item}, or null when refused.` })
    catalogueItem!: CatalogueItem | null;

    @Field(() => [UserError], { description: `${texts.refusal}; nothing was written.` })
    userErrors!: UserError[];

    static of(row: CatalogueItemRow | null, userErrors: UserError[]): CatalogueItemPayload {
      return Object.assign(new CatalogueItemPayload(), { catalogueItem: row ? CatalogueItem.of(row) : null, userErrors });
    }
  }
  return CatalogueItemPayload;
}

type CatalogueItemPayload = InstanceType<ReturnType<typeof catalogueItemPayload>>;

const CreateCatalogueItemPayload = catalogueItemPayload("CreateCatalogueItemPayload", { description: "The result of adding a catalogue item.", item: "The new item", refusal: "Why the item was refused" });
const UpdateCatalogueItemPayload = catalogueItemPayload("UpdateCatalogueItemPayload", { description: "The result of changing a catalogue item.", item: "The item as changed", refusal: "Why the change was refused" });
const RetireCatalogueItemPayload = catalogueItemPayload("RetireCatalogueItemPayload", { description: "The result of retiring a catalogue item.", item: "The retired item", refusal: "Why retiring was refused" });

@ObjectType({ description: "The result of deleting a catalogue item." })
class DeleteCatalogueItemPayload {
  @Field(() => ID, { nullable: true, description: "Global ID of the deleted item, or null when refused." })
  deletedCatalogueItemId!: string | null;

  @Field(() => [UserError], { description: "Why deleting was refused (CATALOGUE_ITEM_IN_USE for an item any intervention uses); nothing was written." })
  userErrors!: UserError[];
}

const ORDER: (t: Tables) => SortKey[] = (t) => [
  { expression: t.catalogueItems.position, direction: "ASC" },
  { expression: t.catalogueItems.code, direction: "ASC" },
];

/**
 * Core names the rule switches `switches.<name>`; the API's inputs carry them as plain fields, so a
 * violation's path is shortened to the input field it is about.
 */
function onInputFields(violations: readonly Violation[]): Violation[] {
  return violations.map((found) => (found.field.startsWith("switches.") ? { ...found, field: found.field.slice("switches.".length) } : found));
}

function subTypesOf(input: readonly CatalogueSubTypeInput[]): CoreCatalogueItem["subTypes"] {
  return input.map((subType) => ({ code: subType.code, label: subType.label.trim(), needDomain: subType.needDomain ?? null }));
}

/** "In use" (R-CAT-1): any intervention, entered in error or not, records this code, so history depends on it. */
async function isInUse(db: Db, t: Tables, code: string): Promise<boolean> {
  const [used] = await db.select({ code: t.interventions.catalogueItemCode }).from(t.interventions).where(eq(t.interventions.catalogueItemCode, code)).limit(1);
  return used !== undefined;
}

async function itemRowFor(db: Db, t: Tables, globalId: string): Promise<CatalogueItemRow> {
  const code = localIdOf(globalId, "CatalogueItem");
  const [row] = code === null ? [] : await db.select().from(t.catalogueItems).where(eq(t.catalogueItems.code, code));
  if (!row) throw notFound("catalogue item");
  return row;
}

const inUseLoaders = new WeakMap<RequestContext, DataLoader<string, boolean>>();

/** Whether each item is in use, for one request, in one query however many items are shown. */
function inUseLoader(context: RequestContext): DataLoader<string, boolean> {
  let loader = inUseLoaders.get(context);
  if (!loader) {
    const t = context.database.tables;
    loader = new DataLoader(async (codes) => {
      const rows = await context.database.read
        .selectDistinct({ code: t.interventions.catalogueItemCode })
        .from(t.interventions)
        .where(inArray(t.interventions.catalogueItemCode, [...codes]));
      const used = new Set(rows.map((row) => row.code));
      return codes.map((code) => used.has(code));
    });
    inUseLoaders.set(context, loader);
  }
  return loader;
}

// The catalogue is reference data every signed-in user may read; `node` itself refuses anonymous callers.
registerNodeType("CatalogueItem", async (code, context) => {
  const row = await context.loaders.catalogueItemByCode.load(code);
  return row ? CatalogueItem.of(row) : null;
});

/**
 * The intervention catalogue (R-CAT-1): read by everyone signed in, edited by admins. Items in use keep their
 * code, sub-type codes and modality, and are retired rather than deleted.
 */
@Resolver(() => CatalogueItem)
export class CatalogueResolver {
  @Authorized()
  @Query(() => CatalogueItemConnection, { description: "The intervention catalogue in its order. Retired items are left out unless includeRetired is true." })
  async interventionCatalogue(
    @Args(() => PageArgs) page: PageArgs,
    @Arg("includeRetired", () => Boolean, { defaultValue: false, description: "Include retired items, which old records still use." }) includeRetired: boolean,
    @Ctx() context: RequestContext,
  ) {
    const first = pageSizeOf(page.first);
    const { read, tables: t } = context.database;
    const keys = ORDER(t);
    const shown: SQL | undefined = includeRetired ? undefined : eq(t.catalogueItems.retired, false);
    const [rows, [total]] = await Promise.all([
      read.select().from(t.catalogueItems).where(and(shown, afterCursor(keys, page.after))).orderBy(...orderByKeys(keys)).limit(first + 1),
      read.select({ value: count() }).from(t.catalogueItems).where(shown),
    ]);
    return pageFromRows(rows, first, (row) => [row.position, row.code], CatalogueItem.of, Number(total?.value ?? 0), Boolean(page.after));
  }

  @FieldResolver(() => Boolean, { description: "True once any intervention records this item: its code, sub-type codes and modality are then fixed." })
  inUse(@Root() item: CatalogueItem, @Ctx() context: RequestContext): Promise<boolean> {
    return inUseLoader(context).load(item.localId);
  }

  @Authorized("ADMIN")
  @Mutation(() => CreateCatalogueItemPayload, { description: "Adds an item to the intervention catalogue (admins). Its rules follow its phase and switches." })
  async createCatalogueItem(@Arg("input", () => CreateCatalogueItemInput) input: CreateCatalogueItemInput, @Ctx() context: RequestContext): Promise<CatalogueItemPayload> {
    const viewer = requireViewer(context);
    const t = context.database.tables;
    const now = context.clock.now();
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const item: CoreCatalogueItem = {
        code: input.code,
        label: input.label.trim(),
        definition: input.definition.trim(),
        modality: input.modality,
        phase: input.phase,
        subTypes: subTypesOf(input.subTypes),
        switches: {
          needsConcurrentModality: input.needsConcurrentModality,
          needsSubType: input.needsSubType,
          needsAssessedNeed: input.needsAssessedNeed,
          needsInterest: input.needsInterest,
          sustainedOnly: input.sustainedOnly,
          needsContactSchedule: input.needsContactSchedule,
          opioidSubstitution: input.opioidSubstitution,
        },
        retired: false,
      };
      refuseIfAny(onInputFields(violationsOf(checkNewCatalogueItem(item, await loadCatalogue(tx, t)))));
      const [last] = await tx.select({ position: max(t.catalogueItems.position) }).from(t.catalogueItems);
      const row = returnedRow(
        await tx
          .insert(t.catalogueItems)
          .values({ ...catalogueColumnsOf(item), position: Number(last?.position ?? -1) + 1, createdAt: now, updatedAt: now })
          .returning(),
      );
      await writeAudit(tx, t, { actorId: viewer.staffId, fromAddress: context.fromAddress }, [{ action: "CREATE", recordType: "CatalogueItem", recordId: item.code }], now);
      return row;
    });
    return CreateCatalogueItemPayload.of(result, userErrors);
  }

  @Authorized("ADMIN")
  @Mutation(() => UpdateCatalogueItemPayload, {
    description: "Changes a catalogue item (admins). Once in use, its code, sub-type codes and modality are fixed (CATALOGUE_ITEM_IN_USE).",
  })
  async updateCatalogueItem(@Arg("input", () => UpdateCatalogueItemInput) input: UpdateCatalogueItemInput, @Ctx() context: RequestContext): Promise<CatalogueItemPayload> {
    const viewer = requireViewer(context);
    const t = context.database.tables;
    const now = context.clock.now();
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const row = await itemRowFor(tx, t, input.id);
      checkVersion(row.version, input.version, "catalogue item");
      const before = toCatalogueItem(row);
      const after: CoreCatalogueItem = {
        code: input.code ?? before.code,
        label: input.label?.trim() ?? before.label,
        definition: input.definition?.trim() ?? before.definition,
        modality: input.modality ?? before.modality,
        phase: input.phase ?? before.phase,
        subTypes: input.subTypes ? subTypesOf(input.subTypes) : before.subTypes,
        switches: {
          needsConcurrentModality: input.needsConcurrentModality ?? before.switches.needsConcurrentModality,
          needsSubType: input.needsSubType ?? before.switches.needsSubType,
          needsAssessedNeed: input.needsAssessedNeed ?? before.switches.needsAssessedNeed,
          needsInterest: input.needsInterest ?? before.switches.needsInterest,
          sustainedOnly: input.sustainedOnly ?? before.switches.sustainedOnly,
          needsContactSchedule: input.needsContactSchedule ?? before.switches.needsContactSchedule,
          opioidSubstitution: input.opioidSubstitution ?? before.switches.opioidSubstitution,
        },
        retired: input.retired ?? before.retired,
      };
      const inUse = await isInUse(tx, t, before.code);
      refuseIfAny(onInputFields(violationsOf(checkCatalogueEdit(before, after, inUse, await loadCatalogue(tx, t)))));
      const beforeColumns = catalogueColumnsOf(before);
      const afterColumns = catalogueColumnsOf(after);
      const changed = (Object.keys(afterColumns) as (keyof typeof afterColumns)[]).filter((key) => JSON.stringify(afterColumns[key]) !== JSON.stringify(beforeColumns[key]));
      // Nothing changed: nothing to write, and the version stays as the caller knows it.
      if (changed.length === 0) return row;
      const updated = returnedRow(
        await tx
          .update(t.catalogueItems)
          .set({ ...afterColumns, updatedAt: now, version: row.version + 1 })
          .where(eq(t.catalogueItems.code, before.code))
          .returning(),
      );
      await writeAudit(
        tx,
        t,
        { actorId: viewer.staffId, fromAddress: context.fromAddress },
        [{ action: "UPDATE", recordType: "CatalogueItem", recordId: after.code, detail: { changed, ...(after.code === before.code ? {} : { previousCode: before.code }) } }],
        now,
      );
      return updated;
    });
    return UpdateCatalogueItemPayload.of(result, userErrors);
  }

  @Authorized("ADMIN")
  @Mutation(() => RetireCatalogueItemPayload, {
    description: "Retires a catalogue item (admins): it keeps its meaning for records that use it and is no longer offered for new ones.",
  })
  async retireCatalogueItem(@Arg("input", () => RetireCatalogueItemInput) input: RetireCatalogueItemInput, @Ctx() context: RequestContext): Promise<CatalogueItemPayload> {
    const viewer = requireViewer(context);
    const t = context.database.tables;
    const now = context.clock.now();
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const row = await itemRowFor(tx, t, input.id);
      checkVersion(row.version, input.version, "catalogue item");
      const item = toCatalogueItem(row);
      refuseIfAny(violationsOf(checkCatalogueRetire(item)));
      // Retiring twice changes nothing, so it writes nothing.
      if (item.retired) return row;
      const updated = returnedRow(
        await tx
          .update(t.catalogueItems)
          .set({ ...catalogueColumnsOf(retiredCatalogueItem(item)), updatedAt: now, version: row.version + 1 })
          .where(eq(t.catalogueItems.code, item.code))
          .returning(),
      );
      await writeAudit(tx, t, { actorId: viewer.staffId, fromAddress: context.fromAddress }, [{ action: "UPDATE", recordType: "CatalogueItem", recordId: item.code, detail: { changed: ["retired"] } }], now);
      return updated;
    });
    return RetireCatalogueItemPayload.of(result, userErrors);
  }

  @Authorized("ADMIN")
  @Mutation(() => DeleteCatalogueItemPayload, {
    description: "Deletes a catalogue item no intervention has ever used, such as one added by mistake (admins). An item in use is refused (CATALOGUE_ITEM_IN_USE): retire it instead.",
  })
  async deleteCatalogueItem(@Arg("input", () => DeleteCatalogueItemInput) input: DeleteCatalogueItemInput, @Ctx() context: RequestContext): Promise<DeleteCatalogueItemPayload> {
    const viewer = requireViewer(context);
    const t = context.database.tables;
    const now = context.clock.now();
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const row = await itemRowFor(tx, t, input.id);
      refuseIfAny(violationsOf(checkCatalogueDelete(toCatalogueItem(row), await isInUse(tx, t, row.code))));
      await tx.delete(t.catalogueItems).where(eq(t.catalogueItems.code, row.code));
      await writeAudit(tx, t, { actorId: viewer.staffId, fromAddress: context.fromAddress }, [{ action: "DELETE", recordType: "CatalogueItem", recordId: row.code, detail: { label: row.label } }], now);
      return CatalogueItem.of(row).id;
    });
    return Object.assign(new DeleteCatalogueItemPayload(), { deletedCatalogueItemId: result, userErrors });
  }
}
