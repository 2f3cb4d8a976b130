import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { listAuditEvents } from "../../services/auditTrail.js";
import type { RequestContext } from "../context.js";
import { badUserInput } from "../errors.js";
import { mapNodes, pageSizeOf, type ConnectionShape } from "../relay.js";
import { AuditEvent, AuditEventArgs, AuditEventConnection } from "../types/audit.js";
import { StaffMember } from "../types/organisation.js";

/**
 * The audit trail is read-only through the API: there is deliberately no mutation that edits or deletes
 * an event, and the table is only ever appended to.
 */
@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Authorized("ADMIN")
  @Query(() => AuditEventConnection, {
    description: "The audit trail: every sign-in, every read of a person's record and every change, newest first. Admins only.",
  })
  async auditEvents(@Args(() => AuditEventArgs) args: AuditEventArgs, @Ctx() context: RequestContext): Promise<ConnectionShape<AuditEvent>> {
    const first = pageSizeOf(args.first);
    if (args.orderBy && args.orderBy.length > 1) throw badUserInput("orderBy", "The audit trail sorts by one key only.");
    const newestFirst = (args.orderBy?.[0]?.direction ?? "DESC") === "DESC";
    const page = await listAuditEvents(context.database.read, context.database.tables, { first, after: args.after, filter: args.filter, newestFirst });
    return mapNodes(page, (row) => AuditEvent.of(row));
  }

  @FieldResolver(() => StaffMember, { nullable: true, description: "Who did it; null when not known (such as a failed sign-in with an unknown email)." })
  async actor(@Root() event: AuditEvent, @Ctx() context: RequestContext): Promise<StaffMember | null> {
    if (!event.actorLocalId) return null;
    const row = await context.loaders.staffById.load(event.actorLocalId);
    return row ? StaffMember.of(row) : null;
  }
}
