import { checkDischarge, dischargeEffects, violationsOf, type DischargeReason, type IsoDate } from "@waymark/core";
import { eq, sql } from "drizzle-orm";
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import { requireClinician } from "../clinicalAccess.js";
import type { RequestContext } from "../context.js";
import { episodeInErrorViolations, finishEpisodeWrite, openEpisodeByGlobalId, returnedRow } from "../episodeWrites.js";
import { episodeAfterCommit } from "../recordsAfterWrite.js";
import { DischargeReasonEnum } from "../enums.js";
import { checkVersion, refuseIfAny, runMutation } from "../mutations.js";
import { DateScalar } from "../scalars.js";
import { Episode } from "../types/episode.js";
import { Intervention } from "../types/intervention.js";
import { UserError } from "../userErrors.js";

@InputType({ description: "Discharges an episode." })
class DischargeEpisodeInput {
  @Field(() => ID, { description: "The episode's global ID." })
  episodeId!: string;

  @Field(() => DischargeReasonEnum, {
    nullable: true,
    description: "Why the episode is ending (R-DIS-1: required; left out it is refused with DISCHARGE_REASON_REQUIRED). The COMPLETED_ reasons are planned completions.",
  })
  reason?: DischargeReason | null;

  @Field(() => DateScalar, { description: "The discharge date (R-DATE-1): not in the future, not before the referral or any intervention's start." })
  dischargeDate!: IsoDate;

  @Field(() => Int, { nullable: true, description: "The episode version the discharge was based on; a stale one is refused with STALE_VERSION." })
  version?: number | null;
}

@ObjectType({ description: "The result of a discharge, and what it leaves to do." })
class DischargeEpisodePayload {
  @Field(() => Episode, { nullable: true, description: "The episode, now COMPLETED (planned completion) or CLOSED; null when refused." })
  episode!: Episode | null;

  @Field(() => [Intervention], { description: "The interventions the discharge ended on the discharge date (R-DIS-1)." })
  closedInterventions!: Intervention[];

  @Field(() => Boolean, { description: "True for a planned completion: aftercare and relapse-prevention support may now be recorded (R-ROSC-4, R-ROSC-5)." })
  postTreatmentPhaseOpens!: boolean;

  @Field(() => Boolean, { description: "True when an EXIT TOP is owed and not yet recorded (R-TOP-2). The discharge stands; the exceptions report lists it until one is recorded." })
  exitTopMissing!: boolean;

  @Field(() => DateScalar, { nullable: true, description: "The last day an EXIT TOP can be recorded before it counts as missing; null when none is owed." })
  exitTopDeadline!: IsoDate | null;

  @Field(() => String, { nullable: true, description: "A warning for the keyworker when the EXIT TOP is missing." })
  exitTopWarning!: string | null;

  @Field(() => [UserError], {
    description: "Why the discharge was refused (DISCHARGE_REASON_REQUIRED, COMPLETION_WHILE_PRESCRIBED, INVALID_DATE, TRANSITION_NOT_ALLOWED); nothing was written.",
  })
  userErrors!: UserError[];
}

/** Discharge (R-DIS-1, R-DIS-2 and the journey of DOMAIN §2), decided and worked out by core. */
@Resolver()
export class DischargeResolver {
  @Mutation(() => DischargeEpisodePayload, {
    description:
      "Discharges an episode with a reason. The episode becomes COMPLETED (a planned completion from treatment) or CLOSED, and its " +
      "running interventions end on the discharge date. A planned completion without an EXIT TOP is allowed, with a warning.",
  })
  async dischargeEpisode(@Arg("input", () => DischargeEpisodeInput) input: DischargeEpisodeInput, @Ctx() context: RequestContext): Promise<DischargeEpisodePayload> {
    requireClinician(context);
    const t = context.database.tables;
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const write = await openEpisodeByGlobalId(tx, context, input.episodeId);
      const { row, episode, interventions, outcomes } = write.loaded;
      checkVersion(row.version, input.version, "episode");
      const reason = input.reason ?? null;
      refuseIfAny([
        ...episodeInErrorViolations(write, "discharge"),
        ...violationsOf(checkDischarge({ episode, reason, dischargeDate: input.dischargeDate, interventions, catalogue: write.catalogue, today: write.today })),
      ]);
      if (reason === null) throw new Error("checkDischarge accepts no discharge without a reason");
      const effects = dischargeEffects({ episode, reason, dischargeDate: input.dischargeDate, interventions, outcomes, catalogue: write.catalogue });
      await tx
        .update(t.episodes)
        .set({ status: effects.episodeStatus, dischargeDate: input.dischargeDate, dischargeReason: reason, updatedAt: write.now, version: row.version + 1 })
        .where(eq(t.episodes.id, row.id));
      const closed = [];
      for (const { intervention, endDate } of effects.interventionsToClose) {
        const ended = returnedRow(
          await tx
            .update(t.interventions)
            .set({ endDate, updatedAt: write.now, version: sql`${t.interventions.version} + 1` })
            .where(eq(t.interventions.id, intervention.id))
            .returning(),
        );
        closed.push(ended);
      }
      await finishEpisodeWrite(tx, context, write, [
        { action: "UPDATE", recordType: "Episode", recordId: row.id, detail: { status: { from: episode.status, to: effects.episodeStatus }, dischargeReason: reason, dischargeDate: input.dischargeDate } },
        ...closed.map((ended) => ({ action: "UPDATE" as const, recordType: "Intervention", recordId: ended.id, detail: { endDate: ended.endDate, closedByDischarge: true } })),
      ]);
      return { effects, closed, episodeId: row.id };
    });
    return Object.assign(new DischargeEpisodePayload(), {
      episode: result ? await episodeAfterCommit(context, result.episodeId) : null,
      closedInterventions: result ? result.closed.map(Intervention.of) : [],
      postTreatmentPhaseOpens: result?.effects.postTreatmentPhaseOpens ?? false,
      exitTopMissing: result?.effects.exitTopMissing ?? false,
      exitTopDeadline: result?.effects.exitTopDeadline ?? null,
      exitTopWarning: result?.effects.exitTopWarning ?? null,
      userErrors,
    });
  }
}
