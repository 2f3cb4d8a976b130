import DataLoader from "dataloader";
import { and } from "drizzle-orm";
import { episodeScope, NOW_PLACEHOLDER, serviceUserScope } from "../access/scope.js";
import type { Viewer } from "../auth/viewer.js";
import type { Database } from "../db/database.js";
import { groupBy } from "../db/groupBy.js";
import type { EpisodeRow, ServiceUserRow } from "../db/mappers.js";
import { inKeys, keysFor } from "../db/preparedSelect.js";
import { prepareSelect, statementsForShape } from "../db/statementsByShape.js";
import type { RequestContext } from "./context.js";
import { requireClinician } from "./clinicalAccess.js";

/**
 * Per-request loaders that apply the viewer's scope in SQL. A person's episodes are not all in a viewer's
 * scope (an old episode in another team is not), so unlike the child loaders of loaders.ts these carry the
 * scope condition; one batched query per relation either way.
 */
export interface ScopedLoaders {
  readonly episodesByServiceUser: DataLoader<string, EpisodeRow[]>;
  readonly episodeById: DataLoader<string, EpisodeRow | null>;
  readonly serviceUserById: DataLoader<string, ServiceUserRow | null>;
}

const perRequest = new WeakMap<object, ScopedLoaders>();

/**
 * The loaders' statements for one viewer's scope, built once per scope (db/statementsByShape) and run with
 * the keys and the moment bound.
 */
function scopedStatements(database: Database, viewer: Viewer) {
  const t = database.tables;
  const db = database.read;
  const scope = { staffId: viewer.staffId, roles: viewer.roles, teamIds: viewer.teamIds };
  return statementsForShape(db, "scopedLoaders", scope, () => ({
    episodesOfPeople: prepareSelect<EpisodeRow>(db.select().from(t.episodes).where(and(inKeys(database, t.episodes.serviceUserId, "keys"), episodeScope(viewer, t, NOW_PLACEHOLDER)))),
    episodesById: prepareSelect<EpisodeRow>(db.select().from(t.episodes).where(and(inKeys(database, t.episodes.id, "keys"), episodeScope(viewer, t, NOW_PLACEHOLDER)))),
    peopleById: prepareSelect<ServiceUserRow>(db.select().from(t.serviceUsers).where(and(inKeys(database, t.serviceUsers.id, "keys"), serviceUserScope(viewer, t, NOW_PLACEHOLDER)))),
  }));
}

/** The scoped loaders of this request (created on first use, shared by every resolver of the request). */
export function scopedLoaders(context: RequestContext): ScopedLoaders {
  const existing = perRequest.get(context.loaders);
  if (existing) return existing;
  const viewer = requireClinician(context);
  const { database } = context;
  const statements = scopedStatements(database, viewer);
  const now = context.clock.now();
  const bound = (ids: readonly string[]) => ({ keys: keysFor(database, ids), now });
  const byReferralDate = (a: EpisodeRow, b: EpisodeRow) => (a.referralDate === b.referralDate ? a.createdAt.getTime() - b.createdAt.getTime() : a.referralDate < b.referralDate ? -1 : 1);
  const loaders: ScopedLoaders = {
    episodesByServiceUser: new DataLoader(async (ids) => {
      const rows = await statements.episodesOfPeople.execute(bound(ids));
      const groups = groupBy(rows, (row) => row.serviceUserId);
      return ids.map((id) => (groups.get(id) ?? []).sort(byReferralDate));
    }),
    episodeById: new DataLoader(async (ids) => {
      const rows = await statements.episodesById.execute(bound(ids));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    serviceUserById: new DataLoader(async (ids) => {
      const rows = await statements.peopleById.execute(bound(ids));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
  perRequest.set(context.loaders, loaders);
  return loaders;
}
