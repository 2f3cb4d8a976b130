import { EPISODE_STATUSES, isOpen, type EpisodeStatus } from "@waymark/core";
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { episodeScope, keyworkedEpisodesInScope, type ScopeMoment } from "../access/scope.js";
import type { Viewer } from "../auth/viewer.js";
import type { Tables } from "../db/database.js";

/**
 * Which episodes a keyworker's working lists (caseload, review schedule, exceptions) cover. Every list
 * starts from the viewer's scope (access/scope.ts), so a list can only ever narrow what the viewer may see.
 */

/** MINE: episodes the viewer keyworks. TEAM: the team's episodes, as far as the viewer's scope reaches. */
export type WorkingListScope = "MINE" | "TEAM";

export interface WorkingListCriteria {
  readonly viewer: Viewer;
  readonly now: ScopeMoment;
  readonly scope: WorkingListScope;
  /** Only this team's episodes; null for all of them (for TEAM: all the viewer's teams). */
  readonly teamId: string | null;
  /** Only this keyworker's episodes; null for everyone in the scope. */
  readonly keyworkerId?: string | null;
}

/** The journey's open states, from core's own test of openness so the two never drift apart. */
export const OPEN_EPISODE_STATUSES: readonly EpisodeStatus[] = EPISODE_STATUSES.codes.filter((status) => isOpen({ status }));

const NOTHING = sql`1 = 0`;

/**
 * The episodes of a working list, open or not: in the viewer's scope, not entered in error, narrowed to the
 * viewer's own (MINE) or to the team (TEAM). A practitioner's TEAM list is therefore their own episodes and
 * the team's unallocated referrals, which is all of the team their scope shows them.
 */
export function workingListEpisodes(t: Tables, criteria: WorkingListCriteria): SQL {
  const { viewer, scope, teamId, keyworkerId } = criteria;
  const narrowing: SQL[] = [];
  if (scope === "MINE") {
    narrowing.push(eq(t.episodes.keyworkerId, viewer.staffId));
    if (teamId !== null) narrowing.push(eq(t.episodes.teamId, teamId));
  } else {
    const teamIds = teamId === null ? [...viewer.teamIds] : [teamId];
    narrowing.push(teamIds.length === 0 ? NOTHING : inArray(t.episodes.teamId, teamIds));
  }
  if (keyworkerId != null) narrowing.push(eq(t.episodes.keyworkerId, keyworkerId));
  // A practitioner's own list is inside their scope by the scope's definition: the scope's condition would
  // change no row of it, and would cost the caseload's page and count a test of every other branch per row.
  const inScope = scope === "MINE" && keyworkedEpisodesInScope(viewer) ? undefined : episodeScope(viewer, t, criteria.now);
  return and(inScope, isNull(t.episodes.enteredInErrorReason), ...narrowing) ?? NOTHING;
}

/** The open episodes of a working list: what a caseload and a review schedule are made of. */
export function openWorkingListEpisodes(t: Tables, criteria: WorkingListCriteria): SQL {
  return and(inArray(t.episodes.status, [...OPEN_EPISODE_STATUSES]), workingListEpisodes(t, criteria)) ?? NOTHING;
}
