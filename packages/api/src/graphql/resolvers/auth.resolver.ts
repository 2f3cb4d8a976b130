import { eq } from "drizzle-orm";
import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { writeAudit } from "../../audit/auditLog.js";
import { passwordMatches } from "../../auth/secrets.js";
import { addressKey, signInLimiterFor } from "../../auth/signInLimits.js";
import { createSession, endSession } from "../../auth/sessions.js";
import type { RequestContext } from "../context.js";
import { StaffMember } from "../types/organisation.js";
import { UserError } from "../userErrors.js";

/** After this many failed sign-ins in a row an account is locked for LOCK_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

@InputType({ description: "Email and password." })
class LoginInput {
  @Field(() => String, { description: "The email address of the account." })
  email!: string;

  @Field(() => String, { description: "The account's password." })
  password!: string;
}

@ObjectType({ description: "The result of signing in." })
class LoginPayload {
  @Field(() => StaffMember, { nullable: true, description: "The signed-in staff member, or null when sign-in was refused." })
  staffMember!: StaffMember | null;

  @Field(() => String, { nullable: true, description: "Send this in the x-csrf-token header with every later request of this browser session." })
  csrfToken!: string | null;

  @Field(() => [UserError], { description: "Why sign-in was refused, if it was." })
  userErrors!: UserError[];
}

@ObjectType({ description: "The result of signing out." })
class LogoutPayload {
  @Field(() => Boolean, { description: "True when a session was ended." })
  signedOut!: boolean;
}

const refused = (code: string, message: string): LoginPayload =>
  Object.assign(new LoginPayload(), { staffMember: null, csrfToken: null, userErrors: [Object.assign(new UserError(), { code, field: "", message })] });

@Resolver()
export class AuthResolver {
  @Query(() => StaffMember, { nullable: true, description: "The signed-in staff member, or null when not signed in." })
  async me(@Ctx() context: RequestContext): Promise<StaffMember | null> {
    if (!context.viewer) return null;
    const row = await context.loaders.staffById.load(context.viewer.staffId);
    return row ? StaffMember.of(row) : null;
  }

  @Mutation(() => LoginPayload, { description: "Signs in with email and password, starting a browser session (an httpOnly cookie)." })
  async login(@Arg("input", () => LoginInput) input: LoginInput, @Ctx() context: RequestContext): Promise<LoginPayload> {
    const { database, clock, fromAddress } = context;
    const t = database.tables;
    const now = clock.now();
    // Counted per `login` field, not per request: aliases in one request are as many attempts.
    const limiter = signInLimiterFor(database);
    const address = addressKey(fromAddress);
    const addressBlockedUntil = limiter.blockedUntil(address, now);
    if (addressBlockedUntil) {
      // Not audited one by one: the failures that led here are, and a flood of refusals would only fill the trail.
      const minutes = Math.max(1, Math.ceil((addressBlockedUntil.getTime() - now.getTime()) / 60_000));
      return refused("TOO_MANY_SIGN_IN_ATTEMPTS", `Too many failed sign-ins from this network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    }
    // Counted before the password is checked, in the same tick as the check above, so parallel requests
    // cannot all slip under the limit while their hashes are verified. A success clears the count.
    limiter.recordAttempt(address, now);
    const email = input.email.trim().toLowerCase();
    const [member] = await database.read.select().from(t.staff).where(eq(t.staff.email, email));
    if (member?.lockedUntil && member.lockedUntil > now) {
      await database.write((tx) => writeAudit(tx, t, { actorId: member.id, fromAddress }, [{ action: "LOGIN_FAILED", recordType: "StaffMember", recordId: member.id, detail: { reason: "locked" } }], now));
      return refused("ACCOUNT_LOCKED", `Too many failed sign-ins. Try again in ${LOCK_MINUTES} minutes, or ask an admin to reset your password.`);
    }
    // Always verify a hash, even for an unknown email, so timing does not reveal which accounts exist.
    const matches = await passwordMatches(member?.active ? member.passwordHash : null, input.password);
    if (!member || !member.active || !matches) {
      await database.write(async (tx) => {
        if (member) {
          const failures = member.failedSignIns + 1;
          const lockedUntil = failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
          await tx.update(t.staff).set({ failedSignIns: lockedUntil ? 0 : failures, lockedUntil }).where(eq(t.staff.id, member.id));
        }
        await writeAudit(tx, t, { actorId: member?.id ?? null, fromAddress }, [{ action: "LOGIN_FAILED", recordType: "StaffMember", recordId: member?.id ?? null }], now);
      });
      return refused("INVALID_CREDENTIALS", "The email or password is not right.");
    }
    const session = await database.write(async (tx) => {
      await tx.update(t.staff).set({ failedSignIns: 0, lockedUntil: null }).where(eq(t.staff.id, member.id));
      await writeAudit(tx, t, { actorId: member.id, fromAddress }, [{ action: "LOGIN", recordType: "StaffMember", recordId: member.id }], now);
      return createSession(tx, t, member.id, fromAddress, now);
    });
    limiter.recordSuccess(address);
    context.cookies.set(session.token, session.csrfToken, session.expiresAt);
    return Object.assign(new LoginPayload(), { staffMember: StaffMember.of(member), csrfToken: session.csrfToken, userErrors: [] });
  }

  @Mutation(() => LogoutPayload, { description: "Ends this browser session." })
  async logout(@Ctx() context: RequestContext): Promise<LogoutPayload> {
    const sessionHash = context.viewer?.sessionTokenHash;
    context.cookies.clear();
    if (!sessionHash) return Object.assign(new LogoutPayload(), { signedOut: false });
    await context.database.write((tx) => endSession(tx, context.database.tables, sessionHash));
    return Object.assign(new LogoutPayload(), { signedOut: true });
  }
}
