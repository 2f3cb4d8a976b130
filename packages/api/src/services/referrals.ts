import {
  ageOn,
  checkKeyworker,
  checkReferral,
  INPUT_CODES,
  isIsoDate,
  isOpen,
  teamServesAge,
  violationsOf,
  type EpisodeStatus,
  type Referral,
  type Role,
  type Violation,
} from "@waymark/core";
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { findEpisodeInScope, findServiceUserInScope } from "../access/records.js";
import { isTeamLead } from "../auth/viewer.js";
import { toTeam } from "../db/mappers.js";
import { forbidden, notFound } from "../graphql/errors.js";
import { localIdOf } from "../graphql/globalId.js";
import { checkVersion, refuseIfAny, TEXT_LIMITS, tooLong } from "../graphql/mutations.js";
import type { ReassignKeyworkerInput, ReceiveReferralInput } from "../graphql/types/journeyInputs.js";
import { RefusedByRules } from "../graphql/userErrors.js";
import { loadEpisodesOfPerson } from "./episodeRecords.js";
import { loadStaffMember } from "./staffLookup.js";
import { audit, newRecordStamps, refreshEpisodes, type WriteContext } from "./writeContext.js";

/** The keyworker named by a global ID, checked against the episode's team (checkKeyworker). */
async function keyworkerViolations(w: WriteContext, keyworkerGlobalId: string, teamId: string): Promise<{ keyworkerId: string | null; violations: Violation[] }> {
  const keyworkerId = localIdOf(keyworkerGlobalId, "StaffMember");
  const keyworker = await loadStaffMember(w.tx, w.t, keyworkerId);
  return { keyworkerId, violations: [...violationsOf(checkKeyworker(keyworker, teamId))] };
}

/**
 * Receives a referral for a person in the viewer's scope, opening an episode REFERRED (checkReferral:
 * R-ELIG-1, R-ELIG-2, R-DATE-1; checkKeyworker for a keyworker allocated now).
 *
 * The age-band override counts only from a team lead of the receiving team: a lead of another team does
 * not decide whom this team takes on. An override given for a person inside the band is not stored, since
 * nothing was overridden.
 */
export async function receiveReferral(w: WriteContext, input: ReceiveReferralInput): Promise<string> {
  const serviceUserId = localIdOf(input.serviceUserId, "ServiceUser");
  const person = serviceUserId ? await findServiceUserInScope(w.tx, w.t, w.viewer, w.now, serviceUserId) : null;
  if (!serviceUserId || !person) throw notFound("person");

  const textViolations = tooLong({
    "referral.referrer": [input.referral.referrer, TEXT_LIMITS.short],
    "referral.reason": [input.referral.reason, TEXT_LIMITS.medium],
    "ageBandOverride.reason": [input.ageBandOverride?.reason, TEXT_LIMITS.medium],
  });
  const teamId = localIdOf(input.teamId, "Team");
  const [teamRow] = teamId ? await w.tx.select().from(w.t.teams).where(eq(w.t.teams.id, teamId)) : [];
  if (!teamId || !teamRow) throw new RefusedByRules([...textViolations, { code: INPUT_CODES.invalidValue, field: "teamId", message: "Choose a team from the list." }]);

  const referral: Referral = {
    receivedDate: input.referral.receivedDate,
    source: input.referral.source,
    referrer: input.referral.referrer?.trim() || null,
    reason: input.referral.reason.trim(),
    urgency: input.referral.urgency,
  };
  const overrideRoles: readonly Role[] = w.viewer.teamIds.includes(teamId) ? w.viewer.roles : w.viewer.roles.filter((role) => role !== "TEAM_LEAD");
  const override = input.ageBandOverride ? { reason: input.ageBandOverride.reason, requestedByRoles: overrideRoles } : null;
  const keyworker = input.keyworkerId ? await keyworkerViolations(w, input.keyworkerId, teamId) : { keyworkerId: null, violations: [] };
  refuseIfAny([
    ...textViolations,
    ...violationsOf(
      checkReferral(referral, {
        team: toTeam(teamRow),
        dateOfBirth: person.dateOfBirth,
        episodesOfPerson: await loadEpisodesOfPerson(w.tx, w.t, serviceUserId),
        ageBandOverride: override,
        today: w.today,
      }),
    ),
    ...keyworker.violations,
  ]);

  const overridden = override !== null && isIsoDate(referral.receivedDate) && !teamServesAge(teamRow, ageOn(person.dateOfBirth, referral.receivedDate));
  const episodeId = randomUUID();
  await w.tx.insert(w.t.episodes).values({
    id: episodeId,
    serviceUserId,
    teamId,
    keyworkerId: keyworker.keyworkerId,
    status: "REFERRED",
    referralDate: referral.receivedDate,
    referralSource: referral.source,
    referrer: referral.referrer,
    referralReason: referral.reason,
    referralUrgency: referral.urgency,
    ageBandOverrideReason: overridden ? (override?.reason.trim() ?? null) : null,
    ageBandOverrideById: overridden ? w.viewer.staffId : null,
    ...newRecordStamps(w),
  });
  await audit(w, [{ action: "CREATE", recordType: "Episode", recordId: episodeId, serviceUserId, detail: { teamId, ageBandOverridden: overridden } }]);
  await refreshEpisodes(w, [episodeId]);
  return episodeId;
}

/**
 * A team lead allocates an open episode of one of their teams to a keyworker of that team, or leaves it
 * unallocated. Anyone else is refused (FORBIDDEN); an episode outside the viewer's scope is not found.
 */
export async function reassignKeyworker(w: WriteContext, input: ReassignKeyworkerInput): Promise<string> {
  if (!isTeamLead(w.viewer)) throw forbidden("Only a team lead can allocate keyworkers.");
  const episodeId = localIdOf(input.episodeId, "Episode");
  const row = episodeId ? await findEpisodeInScope(w.tx, w.t, w.viewer, w.now, episodeId) : null;
  if (!episodeId || !row) throw notFound("episode");
  if (!w.viewer.teamIds.includes(row.teamId)) throw forbidden("You can allocate keyworkers only for your own teams' episodes.");
  checkVersion(row.version, input.version, "episode");

  const keyworker = input.keyworkerId ? await keyworkerViolations(w, input.keyworkerId, row.teamId) : { keyworkerId: null, violations: [] };
  const stateViolations: Violation[] = isOpen({ status: row.status as EpisodeStatus })
    ? []
    : [{ code: INPUT_CODES.transitionNotAllowed, field: "episodeId", message: "This episode is closed: its keyworker can no longer be changed." }];
  refuseIfAny([...stateViolations, ...keyworker.violations]);

  await w.tx.update(w.t.episodes).set({ keyworkerId: keyworker.keyworkerId, version: row.version + 1, updatedAt: w.now }).where(eq(w.t.episodes.id, episodeId));
  await audit(w, [
    { action: "UPDATE", recordType: "Episode", recordId: episodeId, serviceUserId: row.serviceUserId, detail: { keyworkerFrom: row.keyworkerId, keyworkerTo: keyworker.keyworkerId } },
  ]);
  await refreshEpisodes(w, [episodeId]);
  return episodeId;
}
