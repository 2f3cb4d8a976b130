import type { Assessment, AssessmentKind, IsoDate } from "@waymark/core";

/**
 * An assessment in core's shape holding only what the plan rules read (its kind and date), for checking a
 * plan in the browser against the assessments the episode has, or the triage being recorded with it.
 */
export function assessmentStub(kind: AssessmentKind, date: IsoDate, id: string): Assessment {
  return { id, episodeId: "", assessorId: "", kind, date, needs: {}, risk: null, recoveryCapital: null };
}
