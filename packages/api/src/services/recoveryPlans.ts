import {
  checkRecoveryPlan,
  INPUT_CODES,
  PLAN_SIGN_OFF_ROLES,
  transition,
  violationsOf,
  type Assessment,
  type Episode,
  type RecoveryPlanInput,
  type Role,
  type Violation,
} from "@waymark/core";
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { findEpisodeInScope } from "../access/records.js";
import { notFound } from "../graphql/errors.js";
import { localIdOf } from "../graphql/globalId.js";
import { refuseIfAny, TEXT_LIMITS, tooLong } from "../graphql/mutations.js";
import type { AgreeRecoveryPlanInput, GoalInput, PersonalBudgetInput } from "../graphql/types/journeyInputs.js";
import { loadEpisodeRecords } from "./episodeRecords.js";
import { episodeInErrorViolations } from "./journeyInputs.js";
import { loadStaffMember } from "./staffLookup.js";
import { audit, newRecordStamps, refreshEpisodes, type WriteContext } from "./writeContext.js";

/** The parts of a plan's input shared by an interim plan at triage and agreeRecoveryPlan. */
interface PlanParts {
  readonly startDate: string;
  readonly goals: readonly GoalInput[];
  readonly agreedWithServiceUser: boolean;
  readonly personalBudget?: PersonalBudgetInput | null;
}

/** Core's plan input from the GraphQL parts; new goals are OPEN. */
export function planDraftOf(
  kind: RecoveryPlanInput["kind"],
  parts: PlanParts,
  signOff: { readonly signedOffById: string | null; readonly signedOffDate: string | null },
  reviewIntervalWeeks: number,
): RecoveryPlanInput {
  return {
    kind,
    startDate: parts.startDate,
    goals: parts.goals.map((goal) => ({ domain: goal.domain, description: goal.description.trim(), targetDate: goal.targetDate ?? null, status: "OPEN" as const })),
    agreedWithServiceUser: parts.agreedWithServiceUser,
    signedOffById: signOff.signedOffById,
    signedOffDate: signOff.signedOffDate,
    personalBudget: parts.personalBudget ? { allocatedPence: parts.personalBudget.allocatedPence, lines: parts.personalBudget.lines.map((line) => ({ item: line.item.trim(), costPence: line.costPence })) } : null,
    reviewIntervalWeeks,
  };
}

/** TOO_LONG for a plan's goal descriptions and budget lines. */
export function planTextViolations(parts: PlanParts): Violation[] {
  return tooLong({
    ...Object.fromEntries(parts.goals.map((goal, index) => [`goals.${index}.description`, [goal.description, TEXT_LIMITS.medium]])),
    ...Object.fromEntries((parts.personalBudget?.lines ?? []).map((line, index) => [`personalBudget.lines.${index}.item`, [line.item, TEXT_LIMITS.short]])),
  });
}

/** Writes a checked plan with its goals and budget lines, and its audit event. */
export async function insertRecoveryPlan(w: WriteContext, episodeId: string, serviceUserId: string, draft: RecoveryPlanInput): Promise<string> {
  const planId = randomUUID();
  await w.tx.insert(w.t.recoveryPlans).values({
    id: planId,
    episodeId,
    kind: draft.kind,
    startDate: draft.startDate,
    agreedWithServiceUser: draft.agreedWithServiceUser,
    signedOffById: draft.signedOffById,
    signedOffDate: draft.signedOffDate,
    reviewIntervalWeeks: draft.reviewIntervalWeeks,
    budgetAllocatedPence: draft.personalBudget?.allocatedPence ?? null,
    ...newRecordStamps(w),
  });
  if (draft.goals.length > 0) {
    await w.tx.insert(w.t.planGoals).values(draft.goals.map((goal, position) => ({ id: randomUUID(), planId, position, domain: goal.domain, description: goal.description, targetDate: goal.targetDate, status: goal.status })));
  }
  const lines = draft.personalBudget?.lines ?? [];
  if (lines.length > 0) {
    await w.tx.insert(w.t.budgetLines).values(lines.map((line, position) => ({ id: randomUUID(), planId, position, item: line.item, costPence: line.costPence })));
  }
  await audit(w, [{ action: "CREATE", recordType: "RecoveryPlan", recordId: planId, serviceUserId, detail: { kind: draft.kind, signedOff: draft.signedOffDate !== null } }]);
  return planId;
}

/**
 * Core checks the sign-off of a full plan (R-PLAN-1). An interim plan needs none, but one that is signed off
 * is put on the review schedule, so a sign-off given for it must be whole: a signer who may sign, and a date.
 */
function interimSignOffViolations(draft: RecoveryPlanInput, signerNamed: boolean, signerRoles: readonly Role[] | null): Violation[] {
  if (draft.kind !== "INTERIM" || (!signerNamed && draft.signedOffDate === null)) return [];
  const found: Violation[] = [];
  if (draft.signedOffDate === null) found.push({ code: INPUT_CODES.required, field: "signedOffDate", message: "Enter the date the plan was signed off." });
  if (draft.signedOffById === null || !signerRoles?.some((role) => PLAN_SIGN_OFF_ROLES.includes(role))) {
    found.push({ code: INPUT_CODES.invalidValue, field: "signedOffById", message: "Choose the practitioner or team lead who signed the plan off." });
  }
  return found;
}

/** The checks of a plan (checkRecoveryPlan: R-PLAN-1, R-PLAN-2, R-DATE-1) with its text limits. */
export function planViolations(
  draft: RecoveryPlanInput,
  parts: PlanParts,
  context: {
    readonly episode: Pick<Episode, "status" | "referral">;
    readonly assessments: readonly Assessment[];
    readonly signerNamed: boolean;
    readonly signerRoles: readonly Role[] | null;
    readonly dateOfBirth: string;
    readonly today: string;
  },
): Violation[] {
  return [...planTextViolations(parts), ...violationsOf(checkRecoveryPlan(draft, context)), ...interimSignOffViolations(draft, context.signerNamed, context.signerRoles)];
}

/**
 * Agrees a recovery plan for an episode in the viewer's scope. The review interval is copied from the
 * team's setting; the signer's roles are looked up (a disabled account cannot sign). Signing off a full
 * plan moves a triaged episode to ASSESSED.
 */
export async function agreeRecoveryPlan(w: WriteContext, input: AgreeRecoveryPlanInput): Promise<string> {
  const episodeId = localIdOf(input.episodeId, "Episode");
  const row = episodeId ? await findEpisodeInScope(w.tx, w.t, w.viewer, w.now, episodeId) : null;
  if (!episodeId || !row) throw notFound("episode");
  const loaded = await loadEpisodeRecords(w.tx, w.t, episodeId);
  if (!loaded) throw notFound("episode");
  const [team] = await w.tx.select().from(w.t.teams).where(eq(w.t.teams.id, row.teamId));
  if (!team) throw new Error(`Episode ${episodeId} has no team`);

  // An ID that names no staff member is treated as no signer, which the sign-off rules then refuse.
  const signer = await loadStaffMember(w.tx, w.t, input.signedOffById ? localIdOf(input.signedOffById, "StaffMember") : null);
  const draft = planDraftOf(input.kind, input, { signedOffById: signer?.id ?? null, signedOffDate: input.signedOffDate ?? null }, team.reviewIntervalWeeks);
  refuseIfAny([
    ...episodeInErrorViolations(loaded, "recovery plan"),
    ...planViolations(draft, input, {
      episode: loaded.episode,
      assessments: loaded.assessments,
      signerNamed: Boolean(input.signedOffById),
      signerRoles: signer?.active ? signer.roles : null,
      dateOfBirth: loaded.serviceUser.dateOfBirth,
      today: w.today,
    }),
  ]);

  const planId = await insertRecoveryPlan(w, episodeId, row.serviceUserId, draft);
  if (draft.kind === "FULL") {
    const moved = transition(loaded.episode.status, { kind: "SIGN_OFF_FULL_PLAN" });
    if (moved.ok && moved.to !== moved.from) {
      await w.tx.update(w.t.episodes).set({ status: moved.to, version: row.version + 1, updatedAt: w.now }).where(eq(w.t.episodes.id, episodeId));
      await audit(w, [{ action: "UPDATE", recordType: "Episode", recordId: episodeId, serviceUserId: row.serviceUserId, detail: { status: { from: moved.from, to: moved.to } } }]);
    }
  }
  await refreshEpisodes(w, [episodeId]);
  return planId;
}
