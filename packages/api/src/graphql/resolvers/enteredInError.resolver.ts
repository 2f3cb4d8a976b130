import { INPUT_CODES, type Violation } from "@waymark/core";
import { eq, sql } from "drizzle-orm";
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import type { Db, Tables } from "../../db/database.js";
import { requireClinician } from "../clinicalAccess.js";
import type { RequestContext } from "../context.js";
import { findEpisodeChildInScope, type EpisodeChildTable } from "../episodeRecordReads.js";
import { finishEpisodeWrite, openEpisodeForWrite, type EpisodeWrite } from "../episodeWrites.js";
import { episodeAfterCommit } from "../recordsAfterWrite.js";
import { notFound } from "../errors.js";
import { fromGlobalId } from "../globalId.js";
import { checkVersion, refuseIfAny, runMutation, TEXT_LIMITS, tooLong } from "../mutations.js";
import { nodeFetcherFor } from "../nodeRegistry.js";
import { Node } from "../relay.js";
import { Episode } from "../types/episode.js";
import { UserError } from "../userErrors.js";

/** The records of an episode that can be marked, by GraphQL type name. The episode itself is handled apart. */
const EPISODE_RECORD_TABLES: Record<string, (t: Tables) => EpisodeChildTable> = {
  Assessment: (t) => t.assessments,
  RecoveryPlan: (t) => t.recoveryPlans,
  Review: (t) => t.reviews,
  Intervention: (t) => t.interventions,
  OutcomeRecord: (t) => t.outcomeRecords,
  Contact: (t) => t.contacts,
  HarmReductionRecord: (t) => t.harmReductionRecords,
};

const MARKABLE_TYPES = ["Episode", ...Object.keys(EPISODE_RECORD_TABLES)];

@InputType({ description: "The record to mark as entered in error, and why." })
class MarkEnteredInErrorInput {
  @Field(() => ID, { description: `Global ID of the record: ${MARKABLE_TYPES.join(", ")}.` })
  id!: string;

  @Field(() => String, { description: "Why the record is wrong, e.g. 'recorded on the wrong person' (up to 2000 characters). Kept in the audit trail." })
  reason!: string;

  @Field(() => Int, { nullable: true, description: "The version of the record the decision was based on; a stale one is refused with STALE_VERSION." })
  version?: number | null;
}

@ObjectType({ description: "The result of marking a record as entered in error." })
class MarkEnteredInErrorPayload {
  @Field(() => Node, { nullable: true, description: "The record, now carrying its enteredInError mark; null when refused." })
  record!: object | null;

  @Field(() => Episode, { nullable: true, description: "The episode the record belongs to (or the episode marked), with its schedules and flags recomputed." })
  episode!: Episode | null;

  @Field(() => [UserError], { description: "Why marking was refused; nothing was written." })
  userErrors!: UserError[];
}

interface MarkableRow {
  readonly id: string;
  readonly version: number;
  readonly enteredInErrorReason: string | null;
}

/** The record a global ID names and its episode, opened for a write within the viewer's scope; not found otherwise. */
async function openMarkable(tx: Db, context: RequestContext, type: string, localId: string): Promise<{ row: MarkableRow; table: EpisodeChildTable | Tables["episodes"]; write: EpisodeWrite }> {
  const t = context.database.tables;
  if (type === "Episode") {
    const write = await openEpisodeForWrite(tx, context, localId);
    return { row: write.loaded.row, table: t.episodes, write };
  }
  const tableOf = EPISODE_RECORD_TABLES[type];
  const table = tableOf?.(t);
  const row = table ? ((await findEpisodeChildInScope(tx, context, table, localId)) as (MarkableRow & { episodeId: string }) | null) : null;
  if (!table || !row) throw notFound("record");
  return { row, table, write: await openEpisodeForWrite(tx, context, row.episodeId) };
}

function reasonViolations(reason: string): Violation[] {
  if (reason.trim() === "") return [{ code: INPUT_CODES.required, field: "reason", message: "Say why the record was entered in error, so the audit trail explains it." }];
  return tooLong({ reason: [reason, TEXT_LIMITS.medium] });
}

/**
 * Entered in error (DOMAIN §3): nothing clinical is ever deleted. The record is marked with who, when and
 * why; from then on core's rules, schedules and indicators leave it out (they count records "in force"), and
 * the episode's derived columns are recomputed in the same transaction.
 */
@Resolver()
export class EnteredInErrorResolver {
  @Mutation(() => MarkEnteredInErrorPayload, {
    description:
      "Marks a clinical record (or a whole episode) as entered in error, with a reason. The record is kept and stays readable and " +
      "audited, but no rule, schedule, flag or indicator counts it any more. Lists leave it out unless asked to include it.",
  })
  async markEnteredInError(@Arg("input", () => MarkEnteredInErrorInput) input: MarkEnteredInErrorInput, @Ctx() context: RequestContext): Promise<MarkEnteredInErrorPayload> {
    const viewer = requireClinician(context);
    const target = fromGlobalId(input.id);
    const { result, userErrors } = await runMutation(context, async (tx) => {
      if (!target || !MARKABLE_TYPES.includes(target.type)) throw notFound("record");
      const { row, table, write } = await openMarkable(tx, context, target.type, target.id);
      checkVersion(row.version, input.version, "record");
      const alreadyMarked: Violation[] = row.enteredInErrorReason
        ? [{ code: INPUT_CODES.invalidValue, field: "id", message: `This record was already marked as entered in error: "${row.enteredInErrorReason}".` }]
        : [];
      refuseIfAny([...alreadyMarked, ...reasonViolations(input.reason)]);
      // Every clinical table carries the same mark columns; drizzle cannot see that through the union.
      const anyTable = table as Tables["interventions"];
      await tx
        .update(anyTable)
        .set({
          enteredInErrorReason: input.reason.trim(),
          enteredInErrorById: viewer.staffId,
          enteredInErrorOn: write.today,
          updatedAt: write.now,
          version: sql`${anyTable.version} + 1`,
        })
        .where(eq(anyTable.id, row.id));
      await finishEpisodeWrite(tx, context, write, [
        { action: "UPDATE", recordType: target.type, recordId: row.id, reason: input.reason.trim(), detail: { enteredInError: true } },
      ]);
      return { type: target.type, id: row.id, episodeId: write.loaded.row.id };
    });
    if (!result) return Object.assign(new MarkEnteredInErrorPayload(), { record: null, episode: null, userErrors });
    const fetchRecord = nodeFetcherFor(result.type);
    return Object.assign(new MarkEnteredInErrorPayload(), {
      record: fetchRecord ? await fetchRecord(result.id, context) : null,
      episode: await episodeAfterCommit(context, result.episodeId),
      userErrors,
    });
  }
}
