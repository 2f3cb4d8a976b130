import { EPISODE_STATUSES, isOpen, type IsoDate, type ServiceSettings } from "@waymark/core";
import { notInArray } from "drizzle-orm";
import type { Db, Tables } from "../db/database.js";
import { refuseIfAny } from "../graphql/mutations.js";
import { refreshEpisodeSummary } from "./episodeSummary.js";
import { loadCatalogue, loadServiceSettings } from "./referenceData.js";
import { checkServiceSettings } from "./serviceSettingsRules.js";

/** A change to the service settings: settings left undefined (or null) stay as they are. */
export type ServiceSettingsChange = { readonly [K in keyof ServiceSettings]?: ServiceSettings[K] | null };

const CLOSED_STATUSES = EPISODE_STATUSES.codes.filter((status) => !isOpen({ status }));

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves changed settings (one row per key) and recomputes the derived columns of every open episode,
 * because the DNA follow-up due date depends on the working days and bank holidays: the caseload must not
 * show dates worked out under the old settings. Bank holidays are kept sorted and without repeats.
 * Returns the settings as saved and what changed, for the audit trail. Throws RefusedByRules (nothing
 * written) for a value out of range.
 */
export async function updateServiceSettings(
  tx: Db,
  t: Tables,
  change: ServiceSettingsChange,
  today: IsoDate,
  now: Date,
): Promise<{ settings: ServiceSettings; changes: Record<string, { from: unknown; to: unknown }> }> {
  const current = await loadServiceSettings(tx, t);
  const given = Object.fromEntries(Object.entries(change).filter(([, value]) => value != null)) as Partial<ServiceSettings>;
  const next: ServiceSettings = {
    ...current,
    ...given,
    bankHolidays: given.bankHolidays ? [...new Set(given.bankHolidays)].sort() : current.bankHolidays,
  };
  refuseIfAny(checkServiceSettings(next));
  const changed = (Object.keys(next) as (keyof ServiceSettings)[]).filter((key) => !sameValue(next[key], current[key]));
  for (const key of changed) {
    await tx
      .insert(t.serviceSettings)
      .values({ key, value: next[key], updatedAt: now })
      .onConflictDoUpdate({ target: t.serviceSettings.key, set: { value: next[key], updatedAt: now } });
  }
  if (changed.length > 0) {
    const catalogue = await loadCatalogue(tx, t);
    const openEpisodes = await tx.select({ id: t.episodes.id }).from(t.episodes).where(notInArray(t.episodes.status, CLOSED_STATUSES));
    for (const episode of openEpisodes) await refreshEpisodeSummary(tx, t, episode.id, today, catalogue, next);
  }
  return { settings: next, changes: Object.fromEntries(changed.map((key) => [key, { from: current[key], to: next[key] }])) };
}
