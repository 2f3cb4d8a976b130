import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import { reassignKeyworker, receiveReferral } from "../../services/referrals.js";
import { runClinicalMutation } from "../clinicalAccess.js";
import type { RequestContext } from "../context.js";
import { episodeAfterCommit } from "../recordsAfterWrite.js";
import { Episode } from "../types/episode.js";
import { ReassignKeyworkerInput, ReceiveReferralInput } from "../types/journeyInputs.js";
import { UserError } from "../userErrors.js";

@ObjectType({ description: "The result of receiving a referral." })
class ReceiveReferralPayload {
  @Field(() => Episode, { nullable: true, description: "The new episode (REFERRED); null when refused, or when it is outside your caseload (another team's, or another keyworker's)." })
  episode!: Episode | null;

  @Field(() => [UserError], { description: "Why the referral was refused (e.g. OUTSIDE_TEAM_AGE_BAND, EPISODE_ALREADY_OPEN, INVALID_DATE); nothing was written." })
  userErrors!: UserError[];
}

@ObjectType({ description: "The result of allocating a keyworker." })
class ReassignKeyworkerPayload {
  @Field(() => Episode, { nullable: true, description: "The episode with its new keyworker, or null when refused." })
  episode!: Episode | null;

  @Field(() => [UserError], { description: "Why the allocation was refused; nothing was written." })
  userErrors!: UserError[];
}

/** Referrals open episodes; team leads allocate them to keyworkers. */
@Resolver()
export class ReferralResolver {
  @Mutation(() => ReceiveReferralPayload, {
    description:
      "Receives a referral for a person in your scope, opening an episode REFERRED. The team must serve the person's age on the referral date unless a team lead " +
      "of that team overrides with a reason (R-ELIG-1); the person may have no other open episode (R-ELIG-2); the date follows R-DATE-1.",
  })
  async receiveReferral(@Arg("input", () => ReceiveReferralInput) input: ReceiveReferralInput, @Ctx() context: RequestContext): Promise<ReceiveReferralPayload> {
    const { result, userErrors } = await runClinicalMutation(context, (w) => receiveReferral(w, input));
    return Object.assign(new ReceiveReferralPayload(), { episode: result ? await episodeAfterCommit(context, result) : null, userErrors });
  }

  @Mutation(() => ReassignKeyworkerPayload, {
    description: "A team lead allocates an open episode of one of their teams to a practitioner or team lead of that team, or leaves it unallocated. FORBIDDEN for anyone else.",
  })
  async reassignKeyworker(@Arg("input", () => ReassignKeyworkerInput) input: ReassignKeyworkerInput, @Ctx() context: RequestContext): Promise<ReassignKeyworkerPayload> {
    const { result, userErrors } = await runClinicalMutation(context, (w) => reassignKeyworker(w, input));
    return Object.assign(new ReassignKeyworkerPayload(), { episode: result ? await episodeAfterCommit(context, result) : null, userErrors });
  }
}
