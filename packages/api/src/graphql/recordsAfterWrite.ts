import { eq } from "drizzle-orm";
import { findEpisodeInScope } from "../access/records.js";
import type { RequestContext } from "./context.js";
import { requireClinician } from "./clinicalAccess.js";
import { Assessment } from "./types/assessment.js";
import { Episode } from "./types/episode.js";
import { RecoveryPlan } from "./types/recoveryPlan.js";
import { Review } from "./types/review.js";

/**
 * Records for a mutation's payload, read after the write committed so derived columns are current. The
 * episode goes through the viewer's scope: a referral received for another team, or allocated to another
 * keyworker, is written but not shown back.
 */
export async function episodeAfterCommit(context: RequestContext, episodeLocalId: string): Promise<Episode | null> {
  const viewer = requireClinician(context);
  const row = await findEpisodeInScope(context.database.read, context.database.tables, viewer, context.clock.now(), episodeLocalId);
  return row ? Episode.of(row) : null;
}

/** An assessment the viewer has just written to an episode in their scope. */
export async function assessmentAfterCommit(context: RequestContext, localId: string): Promise<Assessment | null> {
  const t = context.database.tables;
  const [row] = await context.database.read.select().from(t.assessments).where(eq(t.assessments.id, localId));
  return row ? Assessment.of(row) : null;
}

/** A recovery plan the viewer has just written. */
export async function recoveryPlanAfterCommit(context: RequestContext, localId: string): Promise<RecoveryPlan | null> {
  const t = context.database.tables;
  const [row] = await context.database.read.select().from(t.recoveryPlans).where(eq(t.recoveryPlans.id, localId));
  return row ? RecoveryPlan.of(row) : null;
}

/** A review the viewer has just written. */
export async function reviewAfterCommit(context: RequestContext, localId: string): Promise<Review | null> {
  const t = context.database.tables;
  const [row] = await context.database.read.select().from(t.reviews).where(eq(t.reviews.id, localId));
  return row ? Review.of(row) : null;
}
