import { INPUT_CODES, type Violation } from "@waymark/core";
import { and, eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { notFound } from "../graphql/errors.js";
import { localIdOf } from "../graphql/globalId.js";
import { refuseIfAny, TEXT_LIMITS, tooLong } from "../graphql/mutations.js";
import type { BreakGlassInput } from "../graphql/types/journeyInputs.js";
import { audit, type WriteContext } from "./writeContext.js";

/** How long a break-glass grant lasts: one working shift. */
export const BREAK_GLASS_HOURS = 12;
/** A reason must say something: "covering" alone does not explain the access to whoever reads the audit. */
export const BREAK_GLASS_MIN_REASON = 10;

/**
 * Grants the viewer access to a person on their team's caseload who is not on their own (DOMAIN §1:
 * covering a colleague), for {@link BREAK_GLASS_HOURS} hours, with the reason in the audit trail. The
 * person must have an episode in one of the viewer's teams; anyone else is "not found", so break-glass
 * cannot be used to discover who else the provider treats.
 */
export async function breakGlass(w: WriteContext, input: BreakGlassInput): Promise<{ serviceUserId: string; expiresAt: Date }> {
  const serviceUserId = localIdOf(input.serviceUserId, "ServiceUser");
  const teamIds = [...w.viewer.teamIds];
  const [onTeamCaseload] =
    serviceUserId && teamIds.length > 0
      ? await w.tx
          .select({ id: w.t.episodes.id })
          .from(w.t.episodes)
          .where(and(eq(w.t.episodes.serviceUserId, serviceUserId), inArray(w.t.episodes.teamId, teamIds)))
          .limit(1)
      : [];
  if (!serviceUserId || !onTeamCaseload) throw notFound("person");

  const reason = input.reason.trim();
  const reasonViolations: Violation[] =
    reason.length < BREAK_GLASS_MIN_REASON
      ? [{ code: reason ? INPUT_CODES.invalidValue : INPUT_CODES.required, field: "reason", message: `Say why you need access to this person's record, in at least ${BREAK_GLASS_MIN_REASON} characters.` }]
      : [];
  refuseIfAny([...reasonViolations, ...tooLong({ reason: [input.reason, TEXT_LIMITS.medium] })]);

  const expiresAt = new Date(w.now.getTime() + BREAK_GLASS_HOURS * 60 * 60 * 1000);
  const grantId = randomUUID();
  await w.tx.insert(w.t.breakGlassGrants).values({ id: grantId, staffId: w.viewer.staffId, serviceUserId, reason, grantedAt: w.now, expiresAt });
  await audit(w, [{ action: "BREAK_GLASS", recordType: "ServiceUser", recordId: serviceUserId, serviceUserId, reason, detail: { grantId, expiresAt: expiresAt.toISOString() } }]);
  return { serviceUserId, expiresAt };
}
