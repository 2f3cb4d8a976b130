import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { apiTokenStatus, type ApiTokenRow, type ApiTokenStatus } from "../../services/apiTokens.js";
import { toGlobalId } from "../globalId.js";
import { Node } from "../relay.js";
import { DateTimeScalar } from "../scalars.js";

export const ApiTokenStatusEnum = { ACTIVE: "ACTIVE", EXPIRED: "EXPIRED", REVOKED: "REVOKED" } as const satisfies Record<ApiTokenStatus, ApiTokenStatus>;

registerEnumType(ApiTokenStatusEnum, {
  name: "ApiTokenStatus",
  description: "Whether a personal API token still lets a script in.",
  valuesConfig: {
    ACTIVE: { description: "Works until it expires or is revoked (and while its owner's account is active)." },
    EXPIRED: { description: "Past its expiry time; refused." },
    REVOKED: { description: "Revoked by its owner or an admin; refused." },
  },
});

@ObjectType({ implements: Node, description: "A personal API token a script uses to call Waymark as its owner (`Authorization: Bearer wm_…`). The secret itself is shown only once, when the token is created." })
export class ApiToken extends Node {
  localId!: string;
  ownerLocalId!: string;

  @Field(() => String, { description: "What the token is for, as its owner named it." })
  name!: string;

  @Field(() => DateTimeScalar, { description: "When it was created." })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it stops working; null for a token that does not expire." })
  expiresAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When a request last used it (to within a minute); null if never used." })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was revoked; null while not revoked." })
  revokedAt!: Date | null;

  @Field(() => ApiTokenStatusEnum, { description: "Whether it still works, as of this request." })
  status!: ApiTokenStatus;

  @Field(() => Int, { nullable: true, description: "Whole days until it expires, as of this request; null when it does not expire or no longer works." })
  daysLeft!: number | null;

  static of(row: ApiTokenRow, now: Date): ApiToken {
    const status = apiTokenStatus(row, now);
    return Object.assign(new ApiToken(), {
      id: toGlobalId("ApiToken", row.id),
      localId: row.id,
      ownerLocalId: row.staffId,
      name: row.name,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      lastUsedAt: row.lastUsedAt,
      revokedAt: row.revokedAt,
      status,
      daysLeft: status === "ACTIVE" && row.expiresAt ? Math.floor((row.expiresAt.getTime() - now.getTime()) / 86_400_000) : null,
    });
  }
}
