import DataLoader from "dataloader";
import { and, inArray } from "drizzle-orm";
import { episodeScope, serviceUserScope } from "../access/scope.js";
import { groupBy } from "../db/groupBy.js";
import type { EpisodeRow, ServiceUserRow } from "../db/mappers.js";
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

/** The scoped loaders of this request (created on first use, shared by every resolver of the request). */
export function scopedLoaders(context: RequestContext): ScopedLoaders {
  const existing = perRequest.get(context.loaders);
  if (existing) return existing;
  const viewer = requireClinician(context);
  const { database } = context;
  const t = database.tables;
  const now = context.clock.now();
  const byReferralDate = (a: EpisodeRow, b: EpisodeRow) => (a.referralDate === b.referralDate ? a.createdAt.getTime() - b.createdAt.getTime() : a.referralDate < b.referralDate ? -1 : 1);
  const loaders: ScopedLoaders = {
    episodesByServiceUser: new DataLoader(async (ids) => {
      const rows = await database.read.select().from(t.episodes).where(and(inArray(t.episodes.serviceUserId, [...ids]), episodeScope(viewer, t, now)));
      const groups = groupBy(rows, (row) => row.serviceUserId);
      return ids.map((id) => (groups.get(id) ?? []).sort(byReferralDate));
    }),
    episodeById: new DataLoader(async (ids) => {
      const rows = await database.read.select().from(t.episodes).where(and(inArray(t.episodes.id, [...ids]), episodeScope(viewer, t, now)));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    serviceUserById: new DataLoader(async (ids) => {
      const rows = await database.read.select().from(t.serviceUsers).where(and(inArray(t.serviceUsers.id, [...ids]), serviceUserScope(viewer, t, now)));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
  perRequest.set(context.loaders, loaders);
  return loaders;
}
