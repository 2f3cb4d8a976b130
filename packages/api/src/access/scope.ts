import { and, eq, gt, inArray, isNull, or, Param, Placeholder, sql, type SQL } from "drizzle-orm";
import type { Viewer } from "../auth/viewer.js";
import { isClinician, isTeamLead } from "../auth/viewer.js";
import type { Tables } from "../db/database.js";

const NOTHING = sql`1 = 0`;

/**
 * The moment a scope is judged at: a time, or a placeholder for one where a statement is built once and run
 * at many moments (db/statementsByShape).
 */
export type ScopeMoment = Date | Placeholder;

/** The placeholder for the moment, bound as `now` when a kept statement runs. */
export const NOW_PLACEHOLDER = sql.placeholder("now");

/** People the viewer has broken the glass for, while the grant lasts. */
function brokenGlassFor(viewer: Viewer, t: Tables, now: ScopeMoment, serviceUserId: SQL.Aliased | typeof t.episodes.serviceUserId | typeof t.serviceUsers.id): SQL {
  // Compared through drizzle's operators (or bound with the column's encoding) so the moment is encoded as each dialect stores it.
  const expiresAfter = now instanceof Placeholder ? gt(t.breakGlassGrants.expiresAt, new Param(now, t.breakGlassGrants.expiresAt)) : gt(t.breakGlassGrants.expiresAt, now);
  const grantLive = and(eq(t.breakGlassGrants.staffId, viewer.staffId), expiresAfter);
  return sql`${serviceUserId} in (select ${t.breakGlassGrants.serviceUserId} from ${t.breakGlassGrants} where ${grantLive})`;
}

/**
 * The episodes a viewer may see (DOMAIN §1), as a condition on `episodes`. Every query that reads clinical
 * records applies it, so scope holds however a record is reached (by ID, `node`, nested field or list):
 * - a team lead: every episode of their teams;
 * - a practitioner: episodes they keywork, their teams' unallocated referrals (the duty worker triages
 *   them), and people they have broken the glass for;
 * - anyone else (admin, analyst): no clinical records.
 */
export function episodeScope(viewer: Viewer, t: Tables, now: ScopeMoment): SQL {
  if (!isClinician(viewer)) return NOTHING;
  const teamIds = [...viewer.teamIds];
  const branches: (SQL | undefined)[] = [brokenGlassFor(viewer, t, now, t.episodes.serviceUserId)];
  if (keyworkedEpisodesInScope(viewer)) {
    branches.push(eq(t.episodes.keyworkerId, viewer.staffId));
    if (teamIds.length > 0) branches.push(and(isNull(t.episodes.keyworkerId), inArray(t.episodes.teamId, teamIds)));
  } else if (teamIds.length > 0) {
    // A team lead.
    branches.push(inArray(t.episodes.teamId, teamIds));
  }
  return or(...branches) ?? NOTHING;
}

/**
 * Is every episode the viewer keyworks in their scope? For a practitioner it is: "keyworker is me" is a branch
 * of their scope (episodeScope), so a list already narrowed to it needs no scope condition besides, which
 * would only make the database test the scope's other branches on every row. Not for a team lead, whose scope
 * is their teams' episodes: one they keywork in a team they have left is outside it.
 */
export function keyworkedEpisodesInScope(viewer: Viewer): boolean {
  return isClinician(viewer) && !isTeamLead(viewer);
}

/**
 * The people a viewer may see, as a condition on `service_users`: anyone with an episode in their scope,
 * anyone their team registered who has no episode yet, and anyone they have broken the glass for.
 */
export function serviceUserScope(viewer: Viewer, t: Tables, now: ScopeMoment): SQL {
  if (!isClinician(viewer)) return NOTHING;
  const teamIds = [...viewer.teamIds];
  const withEpisodeInScope = sql`exists (select 1 from ${t.episodes} where ${t.episodes.serviceUserId} = ${t.serviceUsers.id} and ${episodeScope(viewer, t, now)})`;
  const registeredByTeamWithoutEpisode =
    teamIds.length > 0
      ? and(sql`not exists (select 1 from ${t.episodes} where ${t.episodes.serviceUserId} = ${t.serviceUsers.id})`, inArray(t.serviceUsers.registeredTeamId, teamIds))
      : undefined;
  return or(withEpisodeInScope, registeredByTeamWithoutEpisode, brokenGlassFor(viewer, t, now, t.serviceUsers.id)) ?? NOTHING;
}
