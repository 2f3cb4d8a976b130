import { max } from "drizzle-orm";
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { writeAudit } from "../../audit/auditLog.js";
import type { Db, Tables } from "../../db/database.js";
import { loadServiceSettings } from "../../services/referenceData.js";
import { updateServiceSettings } from "../../services/serviceSettings.js";
import type { RequestContext } from "../context.js";
import { requireViewer, runMutation } from "../mutations.js";
import { ServiceSettings, UpdateServiceSettingsInput, UpdateServiceSettingsPayload } from "../types/serviceSettings.js";

async function lastChanged(db: Db, t: Tables): Promise<Date | null> {
  const [row] = await db.select({ at: max(t.serviceSettings.updatedAt) }).from(t.serviceSettings);
  return row?.at ?? null;
}

@Resolver()
export class ServiceSettingsResolver {
  @Authorized("ADMIN", "TEAM_LEAD")
  @Query(() => ServiceSettings, { description: "The provider-wide settings the schedules run on. Admins and team leads." })
  async serviceSettings(@Ctx() context: RequestContext): Promise<ServiceSettings> {
    const { read, tables } = context.database;
    const [settings, updatedAt] = await Promise.all([loadServiceSettings(read, tables), lastChanged(read, tables)]);
    return ServiceSettings.of(settings, updatedAt);
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
      const { settings, changes } = await updateServiceSettings(tx, t, { ...input }, context.today, now);
      if (Object.keys(changes).length > 0) {
        await writeAudit(tx, t, { actorId: viewer.staffId, fromAddress: context.fromAddress }, [{ action: "UPDATE", recordType: "ServiceSettings", detail: { changes } }], now);
      }
      return ServiceSettings.of(settings, await lastChanged(tx, t));
    });
    return Object.assign(new UpdateServiceSettingsPayload(), { serviceSettings: result, userErrors });
  }
}
