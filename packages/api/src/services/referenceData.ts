import { catalogueOf, DEFAULT_SERVICE_SETTINGS, type Catalogue, type ServiceSettings } from "@waymark/core";
import { asc } from "drizzle-orm";
import type { Database, Db, Tables } from "../db/database.js";
import { KeptUntilChanged } from "../db/keptUntilChanged.js";
import { toCatalogueItem } from "../db/mappers.js";

/** The whole intervention catalogue, retired items included, so old records keep their meaning. */
export async function loadCatalogue(db: Db, t: Tables): Promise<Catalogue> {
  const rows = await db.select().from(t.catalogueItems).orderBy(asc(t.catalogueItems.position));
  return catalogueOf(rows.map(toCatalogueItem));
}

/** The provider's settings, with DOMAIN's defaults for any not set. */
export async function loadServiceSettings(db: Db, t: Tables): Promise<ServiceSettings> {
  const rows = await db.select().from(t.serviceSettings);
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  return { ...DEFAULT_SERVICE_SETTINGS, ...(stored as Partial<ServiceSettings>) };
}

const keptSettings = new WeakMap<Database, KeptUntilChanged<"settings", ServiceSettings>>();

/**
 * The provider's settings for a read outside any write, kept until something is committed: every caseload
 * page reads them for its flags' thresholds, and an admin changes them a few times a year. A write reads them
 * in its own transaction with loadServiceSettings.
 */
export function currentServiceSettings(database: Database): Promise<ServiceSettings> {
  let kept = keptSettings.get(database);
  if (!kept) keptSettings.set(database, (kept = new KeptUntilChanged(database)));
  return kept.get("settings", () => loadServiceSettings(database.read, database.tables));
}
