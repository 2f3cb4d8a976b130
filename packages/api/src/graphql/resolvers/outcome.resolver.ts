import {
  checkOutcomeRecord,
  INPUT_CODES,
  NOT_DISCLOSED,
  OUTCOME_STAR_AREAS,
  TOP_SUBSTANCES,
  violationsOf,
  type NotDisclosed,
  type OutcomeInput,
  type OutcomeStarArea,
  type TopSubstance,
  type TopSubstanceUse,
  type Violation,
} from "@waymark/core";
import { randomUUID } from "node:crypto";
import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { outcomeColumnsOf } from "../../db/mappers.js";
import { requireClinician } from "../clinicalAccess.js";
import type { RequestContext } from "../context.js";
import { registerEpisodeRecordNode } from "../episodeRecordReads.js";
import { episodeInErrorViolations, finishEpisodeWrite, openEpisodeByGlobalId, returnedRow } from "../episodeWrites.js";
import { episodeAfterCommit } from "../recordsAfterWrite.js";
import { refuseIfAny, runMutation, TEXT_LIMITS, tooLong } from "../mutations.js";
import { scopedLoaders } from "../scopedLoaders.js";
import { Episode } from "../types/episode.js";
import { OutcomeRecord, RecordOutcomeInput, TOP_ANSWER_PATHS } from "../types/outcome.js";
import { UserError } from "../userErrors.js";

@ObjectType({ description: "The result of recording a TOP." })
class RecordOutcomePayload {
  @Field(() => OutcomeRecord, { nullable: true, description: "The new TOP, or null when refused." })
  outcomeRecord!: OutcomeRecord | null;

  @Field(() => Episode, { nullable: true, description: "The episode after the change." })
  episode!: Episode | null;

  @Field(() => [UserError], { description: "Why the TOP was refused (TOP_VALUE_OUT_OF_RANGE names the answer); nothing was written." })
  userErrors!: UserError[];
}

/**
 * Core's TOP from the API's input: each answer is its value, or NOT_DISCLOSED when its path is listed in
 * `notDisclosed`. An answer with neither is passed on as missing, and core's R-TOP-1 check refuses it by
 * name; one with both, or a path that is not an answer, is refused here.
 */
function outcomeOf(input: RecordOutcomeInput): { record: OutcomeInput; violations: Violation[] } {
  const violations: Violation[] = [];
  const withheld = new Set<string>();
  input.notDisclosed.forEach((path, index) => {
    if (TOP_ANSWER_PATHS.includes(path)) withheld.add(path);
    else violations.push({ code: INPUT_CODES.invalidValue, field: `notDisclosed.${index}`, message: `"${path}" is not a TOP answer. Use a path such as health.qualityOfLife.` });
  });
  function answer<V extends number | boolean>(path: string, value: V | null | undefined): V | NotDisclosed {
    if (withheld.has(path)) {
      if (value != null) violations.push({ code: INPUT_CODES.invalidValue, field: path, message: "Give an answer or mark it not disclosed, not both." });
      return NOT_DISCLOSED;
    }
    // A missing answer goes to core as it is; R-TOP-1 refuses it and names the field.
    return value as V;
  }
  const substanceUse = Object.fromEntries(
    TOP_SUBSTANCES.codes.map((code) => {
      const line = input.substanceUse[code];
      return [code, { days: answer(`substanceUse.${code}.days`, line?.days), typicalAmount: line?.typicalAmount?.trim() || null }];
    }),
  ) as Record<TopSubstance, TopSubstanceUse>;
  const scoredAreas = OUTCOME_STAR_AREAS.codes.flatMap((area) => {
    const score = input.outcomeStar?.[area];
    return score == null ? [] : [[area, score] as [OutcomeStarArea, number]];
  });
  const { injecting, crime, health } = input;
  const record: OutcomeInput = {
    stage: input.stage,
    date: input.date,
    substanceUse,
    injecting: {
      days: answer("injecting.days", injecting.days),
      sharedNeedles: answer("injecting.sharedNeedles", injecting.sharedNeedles),
      sharedOtherEquipment: answer("injecting.sharedOtherEquipment", injecting.sharedOtherEquipment),
    },
    crime: {
      shoplifting: answer("crime.shoplifting", crime.shoplifting),
      drugSelling: answer("crime.drugSelling", crime.drugSelling),
      otherTheft: answer("crime.otherTheft", crime.otherTheft),
      assaultViolence: answer("crime.assaultViolence", crime.assaultViolence),
    },
    health: {
      psychologicalHealth: answer("health.psychologicalHealth", health.psychologicalHealth),
      physicalHealth: answer("health.physicalHealth", health.physicalHealth),
      qualityOfLife: answer("health.qualityOfLife", health.qualityOfLife),
      paidWorkDays: answer("health.paidWorkDays", health.paidWorkDays),
      educationDays: answer("health.educationDays", health.educationDays),
      acuteHousingProblem: answer("health.acuteHousingProblem", health.acuteHousingProblem),
      atRiskOfEviction: answer("health.atRiskOfEviction", health.atRiskOfEviction),
    },
    outcomeStar: scoredAreas.length > 0 ? Object.fromEntries(scoredAreas) : null,
  };
  const amounts = Object.fromEntries(
    TOP_SUBSTANCES.codes.map((code) => [`substanceUse.${code}.typicalAmount`, [input.substanceUse[code]?.typicalAmount, TEXT_LIMITS.short] as [string | null | undefined, number]]),
  );
  violations.push(...tooLong(amounts));
  return { record, violations };
}

registerEpisodeRecordNode("OutcomeRecord", (t) => t.outcomeRecords, OutcomeRecord.of);

/** Treatment Outcomes Profiles (R-TOP-1 and R-DATE-1 from core). */
@Resolver(() => OutcomeRecord)
export class OutcomeResolver {
  @FieldResolver(() => Episode, { nullable: true, description: "The episode the TOP belongs to; null when that episode is outside your scope." })
  async episode(@Root() outcome: OutcomeRecord, @Ctx() context: RequestContext): Promise<Episode | null> {
    const row = await scopedLoaders(context).episodeById.load(outcome.episodeLocalId);
    return row ? Episode.of(row) : null;
  }

  @Mutation(() => RecordOutcomePayload, {
    description:
      "Records a Treatment Outcomes Profile (TOP). Every answer needs a value in range (days 0..28, scores 0..20) or its path in " +
      "notDisclosed (R-TOP-1). START, REVIEW and EXIT TOPs need structured treatment to have begun; POST_EXIT needs the episode ended.",
  })
  async recordOutcome(@Arg("input", () => RecordOutcomeInput) input: RecordOutcomeInput, @Ctx() context: RequestContext): Promise<RecordOutcomePayload> {
    const viewer = requireClinician(context);
    const t = context.database.tables;
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const write = await openEpisodeByGlobalId(tx, context, input.episodeId);
      const { record, violations } = outcomeOf(input);
      const { episode, serviceUser } = write.loaded;
      refuseIfAny([
        ...episodeInErrorViolations(write, "TOP"),
        ...violationsOf(checkOutcomeRecord(record, { episode, dateOfBirth: serviceUser.dateOfBirth, today: write.today })),
        ...violations,
      ]);
      const row = returnedRow(
        await tx
          .insert(t.outcomeRecords)
          .values({
          id: randomUUID(),
            ...outcomeColumnsOf({ ...record, episodeId: episode.id }),
          createdAt: write.now,
          createdById: viewer.staffId,
          updatedAt: write.now,
        })
          .returning(),
      );
      await finishEpisodeWrite(tx, context, write, [{ action: "CREATE", recordType: "OutcomeRecord", recordId: row.id, detail: { stage: record.stage } }]);
      return row;
    });
    return Object.assign(new RecordOutcomePayload(), {
      outcomeRecord: result ? OutcomeRecord.of(result) : null,
      episode: result ? await episodeAfterCommit(context, result.episodeId) : null,
      userErrors,
    });
  }
}
