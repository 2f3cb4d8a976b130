import {
  checkServiceUser,
  INPUT_CODES,
  isOpen,
  isUkPostcode,
  normaliseNhsNumber,
  normalisePostcode,
  violationsOf,
  type EpisodeStatus,
  type ServiceUserInput,
  type Violation,
} from "@waymark/core";
import { and, eq, ne, sql } from "drizzle-orm";
import { randomBytes, randomUUID } from "node:crypto";
import { findServiceUserInScope } from "../access/records.js";
import { toServiceUser } from "../db/mappers.js";
import { notFound } from "../graphql/errors.js";
import { localIdOf } from "../graphql/globalId.js";
import { checkVersion, refuseIfAny, TEXT_LIMITS, tooLong } from "../graphql/mutations.js";
import type { RegisterServiceUserInput, UpdateServiceUserInput } from "../graphql/types/serviceUserInputs.js";
import { audit, newRecordStamps, refreshEpisodes, type WriteContext } from "./writeContext.js";

/** Characters of a pseudonym: no 0/O or 1/I/L, so one read aloud or copied by hand survives. */
const PSEUDONYM_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A random pseudonym such as P-7KQ2-M9XA-D3: 50 bits, carrying nothing of the person. */
export function newPseudonym(): string {
  const bytes = randomBytes(10);
  const characters = [...bytes].map((byte) => PSEUDONYM_ALPHABET[byte % PSEUDONYM_ALPHABET.length]).join("");
  return `P-${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8, 10)}`;
}

/** Empty or blank optional text is stored as null, so "not recorded" has one form. */
function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The free-text limits of a person's details. */
function textLimitViolations(input: Partial<Record<keyof ServiceUserInput, unknown>>): Violation[] {
  const text = (key: keyof ServiceUserInput) => (typeof input[key] === "string" ? (input[key] as string) : null);
  return tooLong({
    localReference: [text("localReference"), 50],
    firstName: [text("firstName"), TEXT_LIMITS.short],
    lastName: [text("lastName"), TEXT_LIMITS.short],
    preferredName: [text("preferredName"), TEXT_LIMITS.short],
    genderIdentity: [text("genderIdentity"), TEXT_LIMITS.short],
    postcode: [text("postcode"), 20],
    nhsNumber: [text("nhsNumber"), 20],
    gpPractice: [text("gpPractice"), TEXT_LIMITS.short],
    phone: [text("phone"), 50],
    email: [text("email"), TEXT_LIMITS.short],
  });
}

/** The stored form of valid details: trimmed text, NHS number without spaces, postcode as Royal Mail writes it. */
function storedDetails(details: ServiceUserInput): ServiceUserInput {
  return {
    ...details,
    localReference: details.localReference.trim(),
    firstName: details.firstName.trim(),
    lastName: details.lastName.trim(),
    nhsNumber: details.nhsNumber ? normaliseNhsNumber(details.nhsNumber) : null,
    postcode: details.postcode && isUkPostcode(details.postcode) ? normalisePostcode(details.postcode) : details.postcode,
  };
}

/** INVALID_VALUE when another person already has this local reference (compared ignoring case). */
async function localReferenceTaken(w: WriteContext, localReference: string, exceptId: string | null): Promise<Violation[]> {
  const reference = localReference.trim().toLowerCase();
  if (!reference) return [];
  const sameReference = sql`lower(${w.t.serviceUsers.localReference}) = ${reference}`;
  const [existing] = await w.tx
    .select({ id: w.t.serviceUsers.id })
    .from(w.t.serviceUsers)
    .where(exceptId ? and(sameReference, ne(w.t.serviceUsers.id, exceptId)) : sameReference)
    .limit(1);
  return existing ? [{ code: INPUT_CODES.invalidValue, field: "localReference", message: "Another person already has this reference. Check whether they are already registered, or use a different reference." }] : [];
}

/**
 * The team a new person is registered under: theirs until a referral gives them an episode (scope.ts).
 * A viewer in one team registers under it; one in several must say which of theirs.
 */
function registeringTeam(w: WriteContext, teamGlobalId: string | null | undefined): { teamId: string | null; violations: Violation[] } {
  const teams = w.viewer.teamIds;
  if (teamGlobalId) {
    const teamId = localIdOf(teamGlobalId, "Team");
    if (teamId && teams.includes(teamId)) return { teamId, violations: [] };
    return { teamId: null, violations: [{ code: INPUT_CODES.invalidValue, field: "teamId", message: "Choose one of your own teams." }] };
  }
  const [onlyTeam] = teams;
  if (teams.length === 1 && onlyTeam) return { teamId: onlyTeam, violations: [] };
  if (teams.length === 0) return { teamId: null, violations: [{ code: INPUT_CODES.invalidValue, field: "teamId", message: "You are not a member of any team. Ask an admin to add you to one before registering people." }] };
  return { teamId: null, violations: [{ code: INPUT_CODES.required, field: "teamId", message: "You belong to several teams: choose the team registering this person." }] };
}

/**
 * Registers a person (checkServiceUser), under the viewer's team, with a random pseudonym for reports.
 * Refuses (nothing written) on any rule, a local reference already in use or over-long text.
 */
export async function registerServiceUser(w: WriteContext, input: RegisterServiceUserInput): Promise<string> {
  const details: ServiceUserInput = {
    localReference: input.localReference,
    firstName: input.firstName,
    lastName: input.lastName,
    preferredName: optionalText(input.preferredName),
    dateOfBirth: input.dateOfBirth,
    sex: input.sex,
    genderIdentity: optionalText(input.genderIdentity),
    ethnicity: input.ethnicity,
    postcode: optionalText(input.postcode),
    nhsNumber: optionalText(input.nhsNumber),
    gpPractice: optionalText(input.gpPractice),
    phone: optionalText(input.phone),
    email: optionalText(input.email),
    consentToNationalReporting: input.consentToNationalReporting,
    consentToShareWithGp: input.consentToShareWithGp,
    parentalResponsibility: input.parentalResponsibility ?? null,
    childrenLivingWith: input.childrenLivingWith ?? null,
    childUnder5InHousehold: input.childUnder5InHousehold,
    pregnant: input.pregnant,
    expectedDeliveryDate: input.expectedDeliveryDate ?? null,
    isCarer: input.isCarer,
    veteran: input.veteran ?? null,
    accommodationNeed: input.accommodationNeed,
  };
  const team = registeringTeam(w, input.teamId);
  refuseIfAny([
    ...textLimitViolations(input),
    ...violationsOf(checkServiceUser(details, w.today)),
    ...team.violations,
    ...(await localReferenceTaken(w, details.localReference, null)),
  ]);
  const id = randomUUID();
  await w.tx.insert(w.t.serviceUsers).values({ id, pseudonym: newPseudonym(), ...storedDetails(details), registeredTeamId: team.teamId, ...newRecordStamps(w) });
  await audit(w, [{ action: "CREATE", recordType: "ServiceUser", recordId: id, serviceUserId: id }]);
  return id;
}

/** The fields of a person that cannot be cleared: null for one of them is refused as REQUIRED. */
const REQUIRED_DETAILS = [
  "localReference",
  "firstName",
  "lastName",
  "dateOfBirth",
  "sex",
  "ethnicity",
  "consentToNationalReporting",
  "consentToShareWithGp",
  "childUnder5InHousehold",
  "pregnant",
  "isCarer",
  "accommodationNeed",
] as const satisfies readonly (keyof ServiceUserInput)[];

const DETAIL_KEYS = [
  ...REQUIRED_DETAILS,
  "preferredName",
  "genderIdentity",
  "postcode",
  "nhsNumber",
  "gpPractice",
  "phone",
  "email",
  "parentalResponsibility",
  "childrenLivingWith",
  "expectedDeliveryDate",
  "veteran",
] as const satisfies readonly (keyof ServiceUserInput)[];

const OPTIONAL_TEXT: ReadonlySet<string> = new Set(["preferredName", "genderIdentity", "postcode", "nhsNumber", "gpPractice", "phone", "email"]);

/**
 * Changes the fields given of a person in the viewer's scope (not found otherwise), refusing a stale
 * version. Refreshes every open episode of the person in the same transaction, because the safeguarding
 * flag (R-SAFE-1) follows pregnancy and a child under 5 in the household.
 */
export async function updateServiceUser(w: WriteContext, input: UpdateServiceUserInput): Promise<string> {
  const id = localIdOf(input.id, "ServiceUser");
  const row = id ? await findServiceUserInScope(w.tx, w.t, w.viewer, w.now, id) : null;
  if (!id || !row) throw notFound("person");
  checkVersion(row.version, input.version, "person's record");

  const stored = toServiceUser(row);
  const current = Object.fromEntries(DETAIL_KEYS.map((key) => [key, stored[key]])) as unknown as ServiceUserInput;
  const changes: Partial<Record<keyof ServiceUserInput, unknown>> = {};
  const violations: Violation[] = [];
  for (const key of DETAIL_KEYS) {
    const value = input[key];
    if (value === undefined) continue;
    if (value === null && (REQUIRED_DETAILS as readonly string[]).includes(key)) {
      violations.push({ code: INPUT_CODES.required, field: key, message: "This detail cannot be cleared; enter a value." });
      continue;
    }
    changes[key] = OPTIONAL_TEXT.has(key) ? optionalText(value as string | null) : value;
  }
  // Saying someone is no longer pregnant clears the expected date, rather than refusing the change.
  if (changes.pregnant === false && input.expectedDeliveryDate === undefined) changes.expectedDeliveryDate = null;
  const details = { ...current, ...changes } as ServiceUserInput;
  refuseIfAny([
    ...violations,
    ...textLimitViolations(input),
    ...violationsOf(checkServiceUser(details, w.today)),
    ...(changes.localReference !== undefined ? await localReferenceTaken(w, details.localReference, id) : []),
  ]);
  await w.tx
    .update(w.t.serviceUsers)
    .set({ ...storedDetails(details), version: row.version + 1, updatedAt: w.now })
    .where(eq(w.t.serviceUsers.id, id));
  await audit(w, [{ action: "UPDATE", recordType: "ServiceUser", recordId: id, serviceUserId: id, detail: { fields: Object.keys(changes) } }]);
  await refreshEpisodes(w, await openEpisodeIdsOf(w, id));
  return id;
}

async function openEpisodeIdsOf(w: WriteContext, serviceUserId: string): Promise<string[]> {
  const rows = await w.tx.select({ id: w.t.episodes.id, status: w.t.episodes.status }).from(w.t.episodes).where(eq(w.t.episodes.serviceUserId, serviceUserId));
  return rows.filter((row) => isOpen({ status: row.status as EpisodeStatus })).map((row) => row.id);
}
