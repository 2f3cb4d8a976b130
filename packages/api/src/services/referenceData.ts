import { catalogueOf, DEFAULT_SERVICE_SETTINGS, type Catalogue, type ServiceSettings } from "@waymark/core";
import { asc } from "drizzle-orm";
import type { Db, Tables } from "../db/database.js";
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
