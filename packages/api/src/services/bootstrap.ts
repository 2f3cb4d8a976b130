import { DEFAULT_CATALOGUE } from "@waymark/core";
import { sql } from "drizzle-orm";
import type { Database } from "../db/database.js";
import { catalogueColumnsOf } from "../db/mappers.js";

/**
 * First-start reference data: the default intervention catalogue (DOMAIN §5), written once into an empty
 * catalogue. After that the catalogue is the admin's: nothing here overwrites their edits.
 */
export async function ensureReferenceData(database: Database, now: Date): Promise<void> {
  const t = database.tables;
  await database.write(async (tx) => {
    const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)` }).from(t.catalogueItems);
    if (Number(count) > 0) return;
    await tx.insert(t.catalogueItems).values(
      DEFAULT_CATALOGUE.map((item, position) => ({ ...catalogueColumnsOf(item), position, createdAt: now, updatedAt: now })),
    );
  });
}
