import { and, eq } from "drizzle-orm";
import type { Viewer } from "../auth/viewer.js";
import type { Db, Tables } from "../db/database.js";
import type { EpisodeRow, ServiceUserRow } from "../db/mappers.js";
import { episodeScope, serviceUserScope } from "./scope.js";

/**
 * Loads an episode only if the viewer may see it; null otherwise (callers answer "not found" either way,
 * never revealing that an out-of-scope record exists).
 */
export async function findEpisodeInScope(db: Db, t: Tables, viewer: Viewer, now: Date, episodeId: string): Promise<EpisodeRow | null> {
  const [row] = await db.select().from(t.episodes).where(and(eq(t.episodes.id, episodeId), episodeScope(viewer, t, now)));
  return row ?? null;
}

/** Loads a person only if the viewer may see them; null otherwise. */
export async function findServiceUserInScope(db: Db, t: Tables, viewer: Viewer, now: Date, serviceUserId: string): Promise<ServiceUserRow | null> {
  const [row] = await db.select().from(t.serviceUsers).where(and(eq(t.serviceUsers.id, serviceUserId), serviceUserScope(viewer, t, now)));
  return row ?? null;
}
