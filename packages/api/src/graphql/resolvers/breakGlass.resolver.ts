import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import { findServiceUserInScope } from "../../access/records.js";
import { breakGlass } from "../../services/breakGlass.js";
import { requireClinician, runClinicalMutation } from "../clinicalAccess.js";
import type { RequestContext } from "../context.js";
import { BreakGlassInput } from "../types/journeyInputs.js";
import { ServiceUser } from "../types/serviceUser.js";
import { UserError } from "../userErrors.js";

@ObjectType({ description: "The result of a break-glass request." })
class BreakGlassPayload {
  @Field(() => ServiceUser, { nullable: true, description: "The person you now have access to, or null when refused." })
  serviceUser!: ServiceUser | null;

  @Field(() => Date, { nullable: true, description: "When the access ends." })
  expiresAt!: Date | null;

  @Field(() => [UserError], { description: "Why the request was refused (a reason of at least 10 characters is required); nothing was written." })
  userErrors!: UserError[];
}

/** Break-glass: audited, time-limited access to a person on the team's caseload (DOMAIN §1). */
@Resolver()
export class BreakGlassResolver {
  @Mutation(() => BreakGlassPayload, {
    description:
      "Gives you access for 12 hours to a person with an episode in one of your teams who is not on your own caseload, for example when covering a colleague. " +
      "The reason is recorded in the audit trail with a BREAK_GLASS event. Anyone else is not found.",
  })
  async breakGlass(@Arg("input", () => BreakGlassInput) input: BreakGlassInput, @Ctx() context: RequestContext): Promise<BreakGlassPayload> {
    const viewer = requireClinician(context);
    const { result, userErrors } = await runClinicalMutation(context, (w) => breakGlass(w, input));
    const row = result ? await findServiceUserInScope(context.database.read, context.database.tables, viewer, context.clock.now(), result.serviceUserId) : null;
    if (row) context.readAudit.read("ServiceUser", row.id, row.id);
    return Object.assign(new BreakGlassPayload(), { serviceUser: row ? ServiceUser.of(row) : null, expiresAt: result?.expiresAt ?? null, userErrors });
  }
}
