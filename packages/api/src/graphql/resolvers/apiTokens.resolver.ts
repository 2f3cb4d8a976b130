import { eq } from "drizzle-orm";
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { writeAudit } from "../../audit/auditLog.js";
import { isAdmin, type Viewer } from "../../auth/viewer.js";
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS, apiTokensOf, checkNewApiToken, issueApiToken, revokeApiToken, type ApiTokenRow } from "../../services/apiTokens.js";
import type { RequestContext } from "../context.js";
import { forbidden, notFound } from "../errors.js";
import { localIdOf } from "../globalId.js";
import { refuseIfAny, requireViewer, runMutation } from "../mutations.js";
import { registerNodeType } from "../nodeRegistry.js";
import { ApiToken } from "../types/apiToken.js";
import { StaffMember } from "../types/organisation.js";
import { UserError } from "../userErrors.js";

/** A token is its owner's business; an admin may see and revoke anyone's (say, when someone leaves). */
const mayManage = (viewer: Viewer, token: Pick<ApiTokenRow, "staffId">) => token.staffId === viewer.staffId || isAdmin(viewer);

registerNodeType("ApiToken", async (localId, context) => {
  const viewer = requireViewer(context);
  const t = context.database.tables;
  const [row] = await context.database.read.select().from(t.apiTokens).where(eq(t.apiTokens.id, localId));
  return row && mayManage(viewer, row) ? ApiToken.of(row, context.clock.now()) : null;
});

@InputType({ description: "A new personal API token for your scripts." })
class CreateApiTokenInput {
  @Field(() => String, { description: "What it is for (for example the script's name), so you can tell your tokens apart." })
  name!: string;

  @Field(() => Int, { nullable: true, description: `Days until it stops working, 1 to ${API_TOKEN_MAX_DAYS} (default ${API_TOKEN_DEFAULT_DAYS}).` })
  expiresInDays?: number | null;
}

@ObjectType({ description: "The result of creating an API token." })
class CreateApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: "The new token's details, or null when refused." })
  apiToken!: ApiToken | null;

  @Field(() => String, {
    nullable: true,
    description: "The token itself (wm_…), shown this once: Waymark keeps only a hash of it. Send it as `Authorization: Bearer <token>`. Null when refused.",
  })
  secret!: string | null;

  @Field(() => [UserError], { description: "Why the token was not created, if it was not." })
  userErrors!: UserError[];
}

@InputType({ description: "The API token to revoke." })
class RevokeApiTokenInput {
  @Field(() => ID, { description: "The token's ID (not its secret)." })
  id!: string;
}

@ObjectType({ description: "The result of revoking an API token." })
class RevokeApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: "The token, now revoked." })
  apiToken!: ApiToken | null;

  @Field(() => [UserError], { description: "Why the token was not revoked, if it was not." })
  userErrors!: UserError[];
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Authorized()
  @Query(() => [ApiToken], {
    description: "Your personal API tokens, newest first, revoked and expired ones included; never their secrets. An admin may name another staff member to see theirs.",
  })
  async apiTokens(
    @Arg("staffId", () => ID, { nullable: true, description: "Whose tokens (a StaffMember ID); yours when left out. Others' need the admin role." }) staffId: string | null | undefined,
    @Ctx() context: RequestContext,
  ): Promise<ApiToken[]> {
    const viewer = requireViewer(context);
    const t = context.database.tables;
    let ownerId = viewer.staffId;
    if (staffId != null) {
      const local = localIdOf(staffId, "StaffMember");
      if (local !== viewer.staffId) {
        if (!isAdmin(viewer)) throw forbidden("Only an admin can see other people's API tokens.");
        if (!local || !(await context.loaders.staffById.load(local))) throw notFound("staff member");
      }
      ownerId = local ?? viewer.staffId;
    }
    const now = context.clock.now();
    return (await apiTokensOf(context.database.read, t, ownerId)).map((row) => ApiToken.of(row, now));
  }

  @FieldResolver(() => StaffMember, { description: "Whose token it is: the script acts with this staff member's roles and scope." })
  async owner(@Root() token: ApiToken, @Ctx() context: RequestContext): Promise<StaffMember> {
    const row = await context.loaders.staffById.load(token.ownerLocalId);
    if (!row) throw notFound("staff member");
    return StaffMember.of(row);
  }

  @Authorized()
  @Mutation(() => CreateApiTokenPayload, {
    description:
      "Creates a personal API token for scripts, acting as you with your roles and scope. The secret is returned once. Must be done from a signed-in browser session: a token cannot create tokens.",
  })
  async createApiToken(@Arg("input", () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() context: RequestContext): Promise<CreateApiTokenPayload> {
    const viewer = requireViewer(context);
    // A leaked token must not be able to mint its own replacements and outlive its revocation.
    if (viewer.authenticatedBy === "API_TOKEN") throw forbidden("Create API tokens from a signed-in session, not with another token.");
    const t = context.database.tables;
    const now = context.clock.now();
    const expiresInDays = input.expiresInDays ?? API_TOKEN_DEFAULT_DAYS;
    const { result, userErrors } = await runMutation(context, async (tx) => {
      refuseIfAny(checkNewApiToken(input.name, expiresInDays));
      const issued = await issueApiToken(tx, t, viewer.staffId, input.name, expiresInDays, now);
      await writeAudit(
        tx,
        t,
        { actorId: viewer.staffId, fromAddress: context.fromAddress },
        [{ action: "CREATE", recordType: "ApiToken", recordId: issued.row.id, detail: { name: issued.row.name, expiresAt: issued.row.expiresAt?.toISOString() ?? null } }],
        now,
      );
      return issued;
    });
    return Object.assign(new CreateApiTokenPayload(), { apiToken: result ? ApiToken.of(result.row, now) : null, secret: result?.secret ?? null, userErrors });
  }

  @Authorized()
  @Mutation(() => RevokeApiTokenPayload, {
    description: "Revokes an API token at once: its next request is refused. Your own tokens; an admin may revoke anyone's. Revoking a revoked token changes nothing.",
  })
  async revokeApiToken(@Arg("input", () => RevokeApiTokenInput) input: RevokeApiTokenInput, @Ctx() context: RequestContext): Promise<RevokeApiTokenPayload> {
    const viewer = requireViewer(context);
    const t = context.database.tables;
    const now = context.clock.now();
    const tokenId = localIdOf(input.id, "ApiToken");
    if (!tokenId) throw notFound("API token");
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const [token] = await tx.select().from(t.apiTokens).where(eq(t.apiTokens.id, tokenId));
      // Someone else's token answers as if it did not exist: token IDs are not to be probed.
      if (!token || !mayManage(viewer, token)) throw notFound("API token");
      const { row, revokedNow } = await revokeApiToken(tx, t, token, now);
      if (revokedNow) {
        await writeAudit(tx, t, { actorId: viewer.staffId, fromAddress: context.fromAddress }, [{ action: "UPDATE", recordType: "ApiToken", recordId: row.id, detail: { revoked: true, ownerId: row.staffId } }], now);
      }
      return row;
    });
    return Object.assign(new RevokeApiTokenPayload(), { apiToken: result ? ApiToken.of(result, now) : null, userErrors });
  }
}
