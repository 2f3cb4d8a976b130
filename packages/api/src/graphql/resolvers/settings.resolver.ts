import { and, count, eq, max } from "drizzle-orm";
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { writeAudit } from "../../audit/auditLog.js";
import type { Db, Tables } from "../../db/database.js";
import { loadServiceSettings } from "../../services/referenceData.js";
import { updateServiceSettings } from "../../services/serviceSettings.js";
import type { RequestContext } from "../context.js";
import { checkVersion, requireViewer, runMutation } from "../mutations.js";
import { ServiceSettings, UpdateServiceSettingsInput, UpdateServiceSettingsPayload } from "../types/serviceSettings.js";

async function lastChanged(db: Db, t: Tables): Promise<Date | null> {
  const [row] = await db.select({ at: max(t.serviceSettings.updatedAt) }).from(t.serviceSettings);
  return row?.at ?? null;
}

/**
 * The settings' version: how many changes have been saved. Every saved change writes exactly one
 * ServiceSettings UPDATE event in its own transaction, so the count moves with each change and needs no
 * column of its own on the per-key settings rows.
 */
async function settingsVersion(db: Db, t: Tables): Promise<number> {
  const [row] = await db
    .select({ changes: count() })
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.recordType, "ServiceSettings"), eq(t.auditEvents.action, "UPDATE")));
  return Number(row?.changes ?? 0);
}

@Resolver()
export class ServiceSettingsResolver {
  @Authorized("ADMIN", "TEAM_LEAD")
  @Query(() => ServiceSettings, { description: "The provider-wide settings the schedules run on. Admins and team leads." })
  async serviceSettings(@Ctx() context: RequestContext): Promise<ServiceSettings> {
    const { read, tables } = context.database;
    const [settings, updatedAt, version] = await Promise.all([loadServiceSettings(read, tables), lastChanged(read, tables), settingsVersion(read, tables)]);
    return ServiceSettings.of(settings, updatedAt, version);
  }

  @Authorized("ADMIN")
  @Mutation(() => UpdateServiceSettingsPayload, {
    description: "Changes provider-wide settings. Every open episode's follow-up dates and flags are recomputed under the new settings at once. Admins only.",
  })
  async updateServiceSettings(
    @Arg("input", () => UpdateServiceSettingsInput) input: UpdateServiceSettingsInput,
    @Ctx() context: RequestContext,
  ): Promise<UpdateServiceSettingsPayload> {
    const viewer = requireViewer(context);
    const t = context.database.tables;
    const now = context.clock.now();
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const { version, ...change } = input;
      checkVersion(await settingsVersion(tx, t), version, "setting");
      const { settings, changes } = await updateServiceSettings(tx, t, change, context.today, now);
      if (Object.keys(changes).length > 0) {
        await writeAudit(tx, t, { actorId: viewer.staffId, fromAddress: context.fromAddress }, [{ action: "UPDATE", recordType: "ServiceSettings", detail: { changes } }], now);
      }
      return ServiceSettings.of(settings, await lastChanged(tx, t), await settingsVersion(tx, t));
    });
    return Object.assign(new UpdateServiceSettingsPayload(), { serviceSettings: result, userErrors });
  }
}
