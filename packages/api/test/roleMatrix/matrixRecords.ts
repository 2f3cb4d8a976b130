import type { EpisodeStatus, IsoDate } from "@waymark/core";
import { desc, eq, max } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { fromGlobalId, toGlobalId } from "../../src/graphql/globalId.js";
import { issueApiToken } from "../../src/services/apiTokens.js";
import { refreshEpisodeSummary } from "../../src/services/episodeSummary.js";
import { loadCatalogue, loadServiceSettings } from "../../src/services/referenceData.js";
import { createStaffAccount } from "../../src/services/staffAccounts.js";
import { buildEpisode, type EpisodeSpec } from "../episodeBuilder.js";
import { PASSWORD, type Organisation } from "../fixtures.js";
import type { TestServer } from "../testServer.js";

/** The signed-in caller's own account. */
export interface CallerAccount {
  readonly staffId: string;
  readonly email: string;
}

/**
 * The records a matrix call can name, as global IDs. The request generator fills an ID argument or input
 * field from the entry of the same name (`episodeId`, `serviceUserId`, `planId`, `teamId`, `id`).
 */
export interface MatrixRecords {
  readonly today: IsoDate;
  /** Null for an anonymous caller. */
  readonly caller: CallerAccount | null;
  /** The account a sign-in uses: the caller's own, or the keyworker's for an anonymous caller. */
  readonly account: CallerAccount;
  /** The keyworker who holds the records (Kim), and a colleague in the same team (Omar). */
  readonly keyworkerId: string;
  readonly colleagueId: string;
  /** The adult team the records are in, and the young people's team. */
  readonly teamId: string;
  readonly otherTeamId: string;
  readonly serviceUserId: string;
  readonly serviceUserVersion: number;
  readonly episodeId: string;
  readonly episodeVersion: number;
  /** The episode's latest plan (its full plan once assessed); null before triage. */
  readonly planId: string | null;
  /** The episode's first intervention; null before treatment. */
  readonly interventionId: string | null;
  /** A record of another kind that an operation acts on: a catalogue item, a staff account, an API token. */
  readonly id?: string;
}

/** The records of one built episode. */
export type EpisodeRecords = Pick<MatrixRecords, "serviceUserId" | "serviceUserVersion" | "episodeId" | "episodeVersion" | "planId" | "interventionId">;

let sequence = 0;
const nextNumber = () => (sequence += 1);

/**
 * Writes the records a matrix call acts on straight into the database, so that the operation under test is
 * the only request the call makes. Episodes are the keyworker's, in the adult team, unless told otherwise.
 */
export class RecordBuilder {
  constructor(
    private readonly server: TestServer,
    private readonly organisation: Organisation,
    private readonly caller: CallerAccount | null,
  ) {}

  /** A person and one episode in `status`, with the assessments, plans and interventions that status implies. */
  async episode(status: EpisodeStatus, spec: Partial<EpisodeSpec> = {}): Promise<EpisodeRecords> {
    const built = await buildEpisode(this.server, this.organisation, { status, ...spec });
    const { read, tables: t } = this.server.database;
    const [person] = await read.select({ version: t.serviceUsers.version }).from(t.serviceUsers).where(eq(t.serviceUsers.id, built.serviceUserId));
    const [episode] = await read.select({ version: t.episodes.version }).from(t.episodes).where(eq(t.episodes.id, built.episodeId));
    // The full plan starts after the interim one, so the latest plan is the one reviews are due on.
    const [plan] = await read.select({ id: t.recoveryPlans.id }).from(t.recoveryPlans).where(eq(t.recoveryPlans.episodeId, built.episodeId)).orderBy(desc(t.recoveryPlans.startDate)).limit(1);
    const [interventionId] = built.interventionIds;
    return {
      serviceUserId: toGlobalId("ServiceUser", built.serviceUserId),
      serviceUserVersion: person!.version,
      episodeId: built.episodeGlobalId,
      episodeVersion: episode!.version,
      planId: plan ? toGlobalId("RecoveryPlan", plan.id) : null,
      interventionId: interventionId ? toGlobalId("Intervention", interventionId) : null,
    };
  }

  /** A catalogue item no record uses, which an admin may change, retire or delete. */
  async catalogueItem(): Promise<{ id: string }> {
    const { database } = this.server;
    const t = database.tables;
    const code = `MATRIX_ITEM_${process.pid}_${nextNumber()}`;
    const now = this.server.clock.now();
    await database.write(async (tx) => {
      const [last] = await tx.select({ position: max(t.catalogueItems.position) }).from(t.catalogueItems);
      await tx.insert(t.catalogueItems).values({
        code,
        label: "Matrix test item",
        definition: "An item the role matrix changes, retires or deletes.",
        modality: "PSYCHOSOCIAL",
        phase: "IN_TREATMENT",
        subTypes: [],
        needsConcurrentModality: false,
        needsSubType: false,
        needsAssessedNeed: false,
        needsInterest: false,
        sustainedOnly: false,
        needsContactSchedule: false,
        opioidSubstitution: false,
        retired: false,
        position: Number(last?.position ?? -1) + 1,
        createdAt: now,
        updatedAt: now,
      });
    });
    return { id: toGlobalId("CatalogueItem", code) };
  }

  /** A practitioner's account in the adult team, which an admin may change. */
  async staffAccount(): Promise<{ id: string }> {
    const { database } = this.server;
    const number = nextNumber();
    const id = await database.write((tx) =>
      createStaffAccount(
        tx,
        database.tables,
        { name: `Matrix Practitioner ${number}`, email: `matrix-staff-${process.pid}-${number}@example.org`, roles: ["PRACTITIONER"], teamIds: [this.organisation.adultTeamId], password: PASSWORD },
        this.server.clock.now(),
      ),
    );
    return { id: toGlobalId("StaffMember", id) };
  }

  /** An API token of the caller's own (of the keyworker's for an anonymous caller), to revoke. */
  async apiTokenOfCaller(): Promise<{ id: string }> {
    const { database } = this.server;
    const ownerId = this.caller?.staffId ?? this.organisation.staff.keyworker.id;
    const issued = await database.write((tx) => issueApiToken(tx, database.tables, ownerId, `Matrix script ${nextNumber()}`, 30, this.server.clock.now()));
    return { id: toGlobalId("ApiToken", issued.row.id) };
  }

  /** An export job of the caller's own (of the keyworker's for an anonymous caller): a completed one to read, a queued one to cancel. */
  async exportJobOfCaller(status: "COMPLETED" | "QUEUED"): Promise<{ id: string }> {
    const { database } = this.server;
    const ownerId = this.caller?.staffId ?? this.organisation.staff.keyworker.id;
    const now = this.server.clock.now();
    const id = randomUUID();
    await database.write((tx) =>
      tx.insert(database.tables.exportJobs).values({ id, ownerId, kind: "GRAPHQL_QUERY", status, request: {}, createdAt: now, expiresAt: new Date(now.getTime() + 86_400_000) }),
    );
    return { id: toGlobalId("ExportJob", id) };
  }
}

/** The records every call can name without building anything: the staff and teams of the organisation. */
export function organisationRecords(organisation: Organisation, today: IsoDate): Pick<MatrixRecords, "today" | "keyworkerId" | "colleagueId" | "teamId" | "otherTeamId"> {
  return {
    today,
    keyworkerId: toGlobalId("StaffMember", organisation.staff.keyworker.id),
    colleagueId: toGlobalId("StaffMember", organisation.staff.otherKeyworker.id),
    teamId: toGlobalId("Team", organisation.adultTeamId),
    otherTeamId: toGlobalId("Team", organisation.youngPeopleTeamId),
  };
}

/**
 * Adds an earlier, closed episode in the adult team, held by `keyworkerId` (a database id), to a built
 * person: the history a returning person has. Written as it stands; only who may see it matters here.
 */
export async function addEarlierEpisode(server: TestServer, organisation: Organisation, serviceUserGlobalId: string, keyworkerId: string): Promise<string> {
  const { database } = server;
  const t = database.tables;
  const serviceUserId = fromGlobalId(serviceUserGlobalId)!.id;
  const episodeId = randomUUID();
  const now = server.clock.now();
  await database.write(async (tx) => {
    await tx.insert(t.episodes).values({
      id: episodeId,
      serviceUserId,
      teamId: organisation.adultTeamId,
      keyworkerId,
      status: "CLOSED",
      referralDate: "2023-02-06",
      referralSource: "GP",
      referralReason: "Drinking daily",
      referralUrgency: "ROUTINE",
      triageDate: "2023-02-13",
      dischargeDate: "2023-09-04",
      dischargeReason: "DROPPED_OUT",
      createdAt: now,
      updatedAt: now,
      createdById: keyworkerId,
    });
    await refreshEpisodeSummary(tx, t, episodeId, server.clock.today(), await loadCatalogue(tx, t), await loadServiceSettings(tx, t));
  });
  return toGlobalId("Episode", episodeId);
}

/** The keyworker recorded on an episode (a database id), read straight from the database. */
export async function keyworkerOfEpisode(server: TestServer, episodeGlobalId: string): Promise<string | null> {
  const t = server.database.tables;
  const [row] = await server.database.read.select({ keyworkerId: t.episodes.keyworkerId }).from(t.episodes).where(eq(t.episodes.id, fromGlobalId(episodeGlobalId)!.id));
  return row?.keyworkerId ?? null;
}
