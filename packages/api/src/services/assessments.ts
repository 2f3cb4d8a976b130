import {
  checkAssessment,
  INPUT_CODES,
  problemSubstanceViolations,
  violationsOf,
  type Assessment,
  type AssessmentInput,
  type ProblemSubstance,
  type Violation,
} from "@waymark/core";
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { findEpisodeInScope } from "../access/records.js";
import { notFound } from "../graphql/errors.js";
import { localIdOf } from "../graphql/globalId.js";
import { checkVersion, refuseIfAny, TEXT_LIMITS, tooLong } from "../graphql/mutations.js";
import type { RecordAssessmentInput, RecordTriageInput } from "../graphql/types/journeyInputs.js";
import { riskFromInput } from "../graphql/types/risk.js";
import { loadEpisodeRecords, type LoadedEpisode } from "./episodeRecords.js";
import { episodeInErrorViolations, needsOf, nestedUnder, recoveryCapitalOf, renamedField } from "./journeyInputs.js";
import { insertRecoveryPlan, planDraftOf, planViolations } from "./recoveryPlans.js";
import { audit, newRecordStamps, refreshEpisodes, type WriteContext } from "./writeContext.js";

/** An episode in the viewer's scope with all its records, or not found. */
async function episodeInScope(w: WriteContext, episodeGlobalId: string): Promise<LoadedEpisode> {
  const episodeId = localIdOf(episodeGlobalId, "Episode");
  const row = episodeId ? await findEpisodeInScope(w.tx, w.t, w.viewer, w.now, episodeId) : null;
  const loaded = row ? await loadEpisodeRecords(w.tx, w.t, row.id) : null;
  if (!loaded) throw notFound("episode");
  return loaded;
}

/** The assessment's own checks (checkAssessment: R-RISK-1, R-RISK-2, R-DATE-1) with duplicate needs and text limits. */
function assessmentViolations(loaded: LoadedEpisode, draft: AssessmentInput, needViolations: readonly Violation[], notes: string | null | undefined, today: string): Violation[] {
  return [
    ...tooLong({ "risk.notes": [notes, TEXT_LIMITS.long] }),
    ...needViolations,
    ...violationsOf(checkAssessment(draft, loaded.episode, loaded.serviceUser.dateOfBirth, today)),
  ];
}

async function insertAssessment(w: WriteContext, loaded: LoadedEpisode, draft: AssessmentInput): Promise<string> {
  const assessmentId = randomUUID();
  await w.tx.insert(w.t.assessments).values({
    id: assessmentId,
    episodeId: loaded.row.id,
    kind: draft.kind,
    date: draft.date,
    assessorId: w.viewer.staffId,
    needs: { ...draft.needs } as Record<string, string>,
    risk: draft.risk,
    recoveryCapitalItems: draft.recoveryCapital ? [...draft.recoveryCapital.items] : null,
    ...newRecordStamps(w),
  });
  await audit(w, [{ action: "CREATE", recordType: "Assessment", recordId: assessmentId, serviceUserId: loaded.row.serviceUserId, detail: { kind: draft.kind } }]);
  return assessmentId;
}

/**
 * Records the triage of a referred episode: a full risk assessment (R-RISK-1, R-RISK-2), the problem
 * substances (at least the main one) and injecting status, and moves the episode REFERRED → TRIAGED.
 * An interim plan given with it is checked and written in the same transaction (R-PLAN-1).
 */
export async function recordTriage(w: WriteContext, input: RecordTriageInput): Promise<{ assessmentId: string; episodeId: string }> {
  const loaded = await episodeInScope(w, input.episodeId);
  checkVersion(loaded.row.version, input.version, "episode");
  const { episode, serviceUser } = loaded;
  const needs = needsOf(input.needs);
  const draft: AssessmentInput = { kind: "TRIAGE", date: input.date, needs: needs.needs, risk: riskFromInput(input.risk), recoveryCapital: recoveryCapitalOf(input.recoveryCapital) };
  const substances: ProblemSubstance[] = input.problemSubstances.map((entry) => ({
    rank: entry.rank as ProblemSubstance["rank"],
    substance: entry.substance,
    ageOfFirstUse: entry.ageOfFirstUse ?? null,
    route: entry.route ?? null,
  }));
  const triageViolations: Violation[] = [
    ...episodeInErrorViolations(loaded, "triage"),
    // The triage input has no `kind`: a refused transition is about the episode named.
    ...renamedField(assessmentViolations(loaded, draft, needs.violations, input.risk?.notes, w.today), "kind", "episodeId"),
    ...(substances.length === 0 ? [{ code: INPUT_CODES.required, field: "problemSubstances", message: "Record at least the main problem substance." }] : []),
    ...problemSubstanceViolations(substances, serviceUser.dateOfBirth, input.date),
    ...(input.injectingStatus ? [] : [{ code: INPUT_CODES.required, field: "injectingStatus", message: "Record whether the person injects, or that they declined to say." }]),
  ];

  const [team] = await w.tx.select().from(w.t.teams).where(eq(w.t.teams.id, loaded.row.teamId));
  if (!team) throw new Error(`Episode ${loaded.row.id} has no team`);
  const plan = input.interimPlan;
  const planDraft = plan ? planDraftOf("INTERIM", plan, { signedOffById: null, signedOffDate: null }, team.reviewIntervalWeeks) : null;
  const triage: Assessment = { id: "triage being recorded", episodeId: loaded.row.id, assessorId: w.viewer.staffId, ...draft };
  const interimPlanViolations =
    plan && planDraft
      ? nestedUnder(
          "interimPlan",
          planViolations(planDraft, plan, {
            // The plan is checked as it will stand: after this triage.
            episode: { ...episode, status: "TRIAGED" },
            assessments: [...loaded.assessments, triage],
            signerNamed: false,
            signerRoles: null,
            dateOfBirth: serviceUser.dateOfBirth,
            today: w.today,
          }),
        )
      : [];
  refuseIfAny([...triageViolations, ...interimPlanViolations]);

  const assessmentId = await insertAssessment(w, loaded, draft);
  const episodeId = loaded.row.id;
  await w.tx.delete(w.t.problemSubstances).where(eq(w.t.problemSubstances.episodeId, episodeId));
  await w.tx.insert(w.t.problemSubstances).values(substances.map((entry) => ({ episodeId, ...entry })));
  await w.tx
    .update(w.t.episodes)
    .set({ status: "TRIAGED", triageDate: input.date, injectingStatus: input.injectingStatus ?? null, version: loaded.row.version + 1, updatedAt: w.now })
    .where(eq(w.t.episodes.id, episodeId));
  await audit(w, [{ action: "UPDATE", recordType: "Episode", recordId: episodeId, serviceUserId: loaded.row.serviceUserId, detail: { status: { from: episode.status, to: "TRIAGED" } } }]);
  if (planDraft) await insertRecoveryPlan(w, episodeId, loaded.row.serviceUserId, planDraft);
  await refreshEpisodes(w, [episodeId]);
  return { assessmentId, episodeId };
}

/**
 * Records a comprehensive assessment (a full risk assessment required, R-RISK-1) or a reassessment (risk
 * optional, but complete when given) of a triaged, open episode. A triage goes through recordTriage, which
 * also moves the episode on.
 */
export async function recordAssessment(w: WriteContext, input: RecordAssessmentInput): Promise<string> {
  const loaded = await episodeInScope(w, input.episodeId);
  const needs = needsOf(input.needs);
  const draft: AssessmentInput = { kind: input.kind, date: input.date, needs: needs.needs, risk: riskFromInput(input.risk), recoveryCapital: recoveryCapitalOf(input.recoveryCapital) };
  refuseIfAny([
    ...episodeInErrorViolations(loaded, "assessment"),
    ...(input.kind === "TRIAGE" ? [{ code: INPUT_CODES.invalidValue, field: "kind", message: "Record a triage with recordTriage, which also records the problem substances." }] : []),
    ...assessmentViolations(loaded, draft, needs.violations, input.risk?.notes, w.today),
  ]);
  const assessmentId = await insertAssessment(w, loaded, draft);
  await refreshEpisodes(w, [loaded.row.id]);
  return assessmentId;
}
