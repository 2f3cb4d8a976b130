import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { waymarkSchema } from "../src/graphql/schema.js";
import { describeEachDialect } from "./databases.js";
import { createOrganisation, PASSWORD } from "./fixtures.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { accepted, ADULT_DOB, comprehensiveInput, errorCode, fullRisk, nextReference, referral, refused, triageInput } from "./journeySteps.js";
import { CALLERS, decide, expectedOutcome, type Access, type AccessTable, type Caller } from "./roleMatrix/access.js";
import { accountOf, ownSessionOf, signInClients, type SignedInClients } from "./roleMatrix/callers.js";
import { completeTopSections, signedOffFullPlan } from "./roleMatrix/clinicalInputs.js";
import { mutationsTaking, serverSetInputFields } from "./roleMatrix/inputFields.js";
import { idsListed, LIST_PROBES, type Viewer } from "./roleMatrix/listProbes.js";
import { callOperation, type MatrixSetting } from "./roleMatrix/matrixCall.js";
import { addEarlierEpisode, keyworkerOfEpisode, organisationRecords, RecordBuilder, type EpisodeRecords } from "./roleMatrix/matrixRecords.js";
import { operationNames, type OperationType } from "./roleMatrix/requestBuilder.js";
import { tableCounts } from "./roleMatrix/tableCounts.js";
import { startTestServer } from "./testServer.js";

/**
 * Who may call which operation (DOMAIN §1, ENGINEERING's error codes), tried over HTTP for every Query and
 * Mutation field of the schema, as no one and as each role. The table below is the decision; the schema is
 * the list of operations, so a new operation fails the suite until it has a row.
 */

const schema = await waymarkSchema();

const ALLOWED: Access = "ALLOWED";
const SCOPED: Access = "SCOPED";
const FORBIDDEN: Access = "FORBIDDEN";
const UNAUTHENTICATED: Access = "UNAUTHENTICATED";

/**
 * The access table. Columns, in order: anonymous, PRACTITIONER, TEAM_LEAD, ADMIN, ANALYST.
 *
 * - People's records (a person, their episodes and everything recorded in them) are practitioners' and team
 *   leads' work, each within their scope: a practitioner their own caseload, a team lead the whole team's.
 *   Admins hold no clinical records and analysts no identifiable ones, so both are FORBIDDEN them.
 * - Allocating keyworkers is the team lead's alone.
 * - Configuration (teams, staff accounts, the intervention catalogue, service settings) and the audit trail
 *   are the admin's. Team leads may read the service settings their schedules run on.
 * - Anyone signed in may read the catalogue and the list of teams, and keep their own API tokens.
 * - `node` serves every type, each within its own scope, so it is open to everyone signed in.
 * - Without a session only signing in, signing out and asking who is signed in (`me`, null) work.
 */
const ACCESS: AccessTable = {
  query: {
    apiTokens: { access: decide(UNAUTHENTICATED, ALLOWED, ALLOWED, ALLOWED, ALLOWED) },
    auditEvents: { access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED, FORBIDDEN) },
    caseload: { access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN), othersRecords: "LISTED" },
    episode: { access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN), othersRecords: "NULL", values: (r) => ({ id: r.episodeId }) },
    exceptions: { access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN), othersRecords: "LISTED" },
    interventionCatalogue: { access: decide(UNAUTHENTICATED, ALLOWED, ALLOWED, ALLOWED, ALLOWED) },
    me: { access: decide(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED) },
    node: { access: decide(UNAUTHENTICATED, SCOPED, SCOPED, SCOPED, SCOPED), othersRecords: "NULL", values: (r) => ({ id: r.serviceUserId }) },
    reviewSchedule: { access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN), othersRecords: "LISTED" },
    serviceSettings: { access: decide(UNAUTHENTICATED, FORBIDDEN, ALLOWED, ALLOWED, FORBIDDEN) },
    serviceUser: { access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN), othersRecords: "NULL", values: (r) => ({ id: r.serviceUserId }) },
    serviceUsers: { access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN), othersRecords: "LISTED" },
    // A keyworker picker needs the team's members; an analyst needs no staff directory.
    staff: { access: decide(UNAUTHENTICATED, SCOPED, SCOPED, ALLOWED, FORBIDDEN) },
    teams: { access: decide(UNAUTHENTICATED, ALLOWED, ALLOWED, ALLOWED, ALLOWED) },
    // Pseudonymised records are for analysts only; clinicians have their identifiable types.
    episodes: { access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, FORBIDDEN, ALLOWED) },
    interventions: { access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, FORBIDDEN, ALLOWED) },
    reviews: { access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, FORBIDDEN, ALLOWED) },
    outcomes: { access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, FORBIDDEN, ALLOWED) },
    contacts: { access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, FORBIDDEN, ALLOWED) },
    // Exports are their owner's alone: everyone signed in keeps their own (the row's job is the caller's).
    exportJob: { access: decide(UNAUTHENTICATED, ALLOWED, ALLOWED, ALLOWED, ALLOWED), records: (build) => build.exportJobOfCaller("COMPLETED"), values: (r) => ({ id: r.id }) },
    exportJobs: { access: decide(UNAUTHENTICATED, ALLOWED, ALLOWED, ALLOWED, ALLOWED) },
    // Indicators: analysts for the whole provider (small counts suppressed), team leads for their own teams.
    kpis: { access: decide(UNAUTHENTICATED, FORBIDDEN, SCOPED, FORBIDDEN, ALLOWED), values: (r) => ({ period: { from: r.today, to: r.today } }) },
  },
  mutation: {
    agreeRecoveryPlan: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      records: (build) => build.episode("ASSESSED"),
      values: (r) => signedOffFullPlan(r.keyworkerId, r.today),
    },
    breakGlass: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "COVER",
      records: (build) => build.episode("IN_TREATMENT"),
    },
    completeReview: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      records: (build) => build.episode("IN_TREATMENT"),
      values: () => ({ risk: fullRisk() }),
    },
    createApiToken: { access: decide(UNAUTHENTICATED, ALLOWED, ALLOWED, ALLOWED, ALLOWED) },
    createCatalogueItem: { access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED, FORBIDDEN) },
    createStaffMember: {
      access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED, FORBIDDEN),
      values: (r) => ({ roles: ["PRACTITIONER"], teamIds: [r.teamId] }),
    },
    createTeam: { access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED, FORBIDDEN) },
    deleteCatalogueItem: {
      access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED, FORBIDDEN),
      records: (build) => build.catalogueItem(),
    },
    dischargeEpisode: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      records: (build) => build.episode("IN_TREATMENT"),
      values: () => ({ reason: "DROPPED_OUT" }),
    },
    endIntervention: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      records: (build) => build.episode("IN_TREATMENT"),
      values: (r) => ({ id: r.interventionId }),
    },
    login: {
      access: decide(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED),
      ownSession: true,
      values: (r) => ({ email: r.account.email, password: PASSWORD }),
    },
    logout: { access: decide(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED), ownSession: true },
    markEnteredInError: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      records: (build) => build.episode("IN_TREATMENT"),
      values: (r) => ({ id: r.interventionId }),
    },
    reassignKeyworker: {
      access: decide(UNAUTHENTICATED, FORBIDDEN, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      records: (build) => build.episode("IN_TREATMENT"),
      values: (r) => ({ keyworkerId: r.colleagueId, version: r.episodeVersion }),
    },
    receiveReferral: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      // A returning person: their last episode, the keyworker's, completed on 2025-05-01.
      records: (build) => build.episode("COMPLETED"),
      values: (r) => ({ referral: referral({ receivedDate: r.today }) }),
    },
    recordAssessment: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      records: (build) => build.episode("TRIAGED"),
      values: (r) => comprehensiveInput(r.episodeId, { date: r.today }),
    },
    recordContact: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      records: (build) => build.episode("IN_TREATMENT"),
    },
    recordHarmReduction: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      records: (build) => build.episode("IN_TREATMENT"),
      values: () => ({ naloxoneTrainingGiven: true }),
    },
    recordIntervention: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      records: (build) => build.episode("IN_TREATMENT"),
      values: () => ({ catalogueItemCode: "CBT_SUBSTANCE_USE" }),
    },
    recordOutcome: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      records: (build) => build.episode("IN_TREATMENT"),
      values: () => ({ stage: "START", ...completeTopSections() }),
    },
    recordTriage: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      records: (build) => build.episode("REFERRED"),
      values: (r) => triageInput(r.episodeId, { date: r.today }),
    },
    registerServiceUser: { access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN), othersRecords: "NO_TARGET" },
    retireCatalogueItem: {
      access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED, FORBIDDEN),
      records: (build) => build.catalogueItem(),
    },
    // An export runs the caller's query as the caller, so anyone signed in may start one; the national extract is for admins and analysts.
    startExport: { access: decide(UNAUTHENTICATED, ALLOWED, ALLOWED, ALLOWED, ALLOWED), values: () => ({ query: "{ interventionCatalogue { edges { node { code } } } }" }) },
    startNationalExtract: { access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED, ALLOWED), values: (r) => ({ period: { from: "2025-01-01", to: r.today } }) },
    cancelExport: { access: decide(UNAUTHENTICATED, ALLOWED, ALLOWED, ALLOWED, ALLOWED), records: (build) => build.exportJobOfCaller("QUEUED") },
    // Your own tokens: the row's token is the caller's.
    revokeApiToken: {
      access: decide(UNAUTHENTICATED, ALLOWED, ALLOWED, ALLOWED, ALLOWED),
      records: (build) => build.apiTokenOfCaller(),
    },
    updateCatalogueItem: {
      access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED, FORBIDDEN),
      records: (build) => build.catalogueItem(),
      values: () => ({ label: "Matrix test item, renamed" }),
    },
    updateServiceSettings: { access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED, FORBIDDEN) },
    updateServiceUser: {
      access: decide(UNAUTHENTICATED, SCOPED, SCOPED, FORBIDDEN, FORBIDDEN),
      othersRecords: "NOT_FOUND",
      records: (build) => build.episode("IN_TREATMENT"),
      values: (r) => ({ id: r.serviceUserId, version: r.serviceUserVersion, preferredName: "Robbie" }),
    },
    updateStaffMember: {
      access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED, FORBIDDEN),
      records: (build) => build.staffAccount(),
      values: () => ({ name: "Matrix Practitioner, renamed" }),
    },
    updateTeam: {
      access: decide(UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED, FORBIDDEN),
      values: (r) => ({ id: r.otherTeamId, waitingTimeTargetDays: 28 }),
    },
  },
};

const OPERATION_TYPES: readonly OperationType[] = ["query", "mutation"];

/** The schema's operations of one type, by name. */
const operationsOf = (operation: OperationType) => operationNames(schema, operation);

const CALLER_NAMES: Record<Caller, string> = {
  anonymous: "someone not signed in",
  PRACTITIONER: "a practitioner",
  TEAM_LEAD: "a team lead",
  ADMIN: "an admin",
  ANALYST: "an analyst",
};

const WHAT_HAPPENS: Record<Access, string> = {
  ALLOWED: "gets through",
  SCOPED: "gets through for records in their scope",
  FORBIDDEN: "is refused with FORBIDDEN and nothing is written",
  UNAUTHENTICATED: "is refused with UNAUTHENTICATED and nothing is written",
};

describe("the access table (DOMAIN §1)", () => {
  it("decides every Query and Mutation field of the schema for every caller, and names no operation the schema lacks", () => {
    for (const operation of OPERATION_TYPES) {
      expect(Object.keys(ACCESS[operation]).sort(), `${operation} operations in the table and in the schema`).toEqual(operationsOf(operation));
      for (const [name, rule] of Object.entries(ACCESS[operation])) expect(Object.keys(rule.access).sort(), name).toEqual([...CALLERS].sort());
    }
  });

  it("opens only login, logout and me to someone not signed in", () => {
    const open = OPERATION_TYPES.flatMap((operation) => Object.entries(ACCESS[operation]).filter(([, rule]) => rule.access.anonymous !== UNAUTHENTICATED).map(([name]) => name));
    expect(open.sort()).toEqual(["login", "logout", "me"]);
  });

  it("gives admins and analysts no operation on people's records (node answers them null, as tested below)", () => {
    const onRecords = OPERATION_TYPES.flatMap((operation) => Object.entries(ACCESS[operation]).filter(([name, rule]) => rule.othersRecords !== undefined && name !== "node"));
    expect(onRecords.length).toBeGreaterThan(0);
    for (const [name, rule] of onRecords) expect([name, rule.access.ADMIN, rule.access.ANALYST]).toEqual([name, FORBIDDEN, FORBIDDEN]);
  });

  it("has no mutation input field for a value the server stamps or derives", () => {
    expect(serverSetInputFields(schema)).toEqual([]);
  });

  it("names a keyworker only when receiving a referral or allocating one, and staff roles and teams only in admin operations", () => {
    expect(mutationsTaking(schema, "keyworkerId")).toEqual(["reassignKeyworker", "receiveReferral"]);
    // receiveReferral opens an episode with its first keyworker, if one is named; changing it is reassignKeyworker's.
    expect(ACCESS.mutation.reassignKeyworker!.access).toEqual(decide(UNAUTHENTICATED, FORBIDDEN, SCOPED, FORBIDDEN, FORBIDDEN));
    for (const field of ["roles", "teamIds", "active", "resetPassword"]) {
      const mutations = mutationsTaking(schema, field);
      expect(mutations.length, field).toBeGreaterThan(0);
      for (const name of mutations) expect([field, name, ACCESS.mutation[name]!.access.ADMIN, ACCESS.mutation[name]!.access.TEAM_LEAD]).toEqual([field, name, ALLOWED, FORBIDDEN]);
    }
  });
});

describeEachDialect("role × operation matrix", (dialect) => {
  let setting: MatrixSetting;
  let clients: SignedInClients;

  beforeAll(async () => {
    const server = await startTestServer(dialect);
    const organisation = await createOrganisation(server.database);
    const shared = { ...organisationRecords(organisation, server.clock.today()), ...(await new RecordBuilder(server, organisation, null).episode("IN_TREATMENT")) };
    setting = { server, organisation, schema, shared };
    clients = await signInClients(server, organisation);
  });
  afterAll(() => setting.server.close());

  it("answers me with null to someone not signed in", async () => {
    const result = await clients.callers.anonymous.request(`query { me { id } }`);
    expect(result).toMatchObject({ data: { me: null } });
    expect(result.errors).toBeUndefined();
  });

  for (const operation of OPERATION_TYPES) {
    for (const name of operationsOf(operation)) {
      const rule = ACCESS[operation][name];
      // An operation without a row fails the table's own test above.
      if (!rule) continue;
      describe(`${operation} ${name}`, () => {
        for (const caller of CALLERS) {
          const access = rule.access[caller];
          it(`${CALLER_NAMES[caller]} ${WHAT_HAPPENS[access]}`, async () => {
            const { server, organisation } = setting;
            const client = rule.ownSession ? await ownSessionOf(server, organisation, caller) : clients.callers[caller];
            const { outcome, changedTables } = await callOperation(setting, { operation, name, rule, caller: accountOf(organisation, caller), client });
            expect(outcome.kind, outcome.detail).toBe(expectedOutcome(access));
            if (access === FORBIDDEN || access === UNAUTHENTICATED) expect(changedTables).toEqual([]);
          });
        }
      });
    }
  }
});

/** The two practitioners who do not hold the keyworker's people, and how tests name them. */
const COLLEAGUES = {
  otherKeyworker: "another keyworker of the same team",
  youngPeopleKeyworker: "a keyworker of another team",
} as const;
type Colleague = keyof typeof COLLEAGUES;

const VIEWER_NAMES: Record<Viewer, string> = {
  keyworker: "the keyworker",
  lead: "the team lead",
  otherKeyworker: COLLEAGUES.otherKeyworker,
  youngPeopleKeyworker: COLLEAGUES.youngPeopleKeyworker,
};
const VIEWERS = Object.keys(VIEWER_NAMES) as Viewer[];

const NODE = `query Node($id: ID!) { node(id: $id) { id } }`;
const PERSON_EPISODES = `query PersonEpisodes($id: ID!) { serviceUser(id: $id) { id episodes { id interventions { totalCount } } } }`;
const UPDATE_PERSON = `mutation UpdatePerson($input: UpdateServiceUserInput!) {
  updateServiceUser(input: $input) { serviceUser { id version preferredName } userErrors { code field message } }
}`;
const REGISTER_PERSON = `mutation Register($input: RegisterServiceUserInput!) { registerServiceUser(input: $input) { serviceUser { id } userErrors { code field message } } }`;
const API_TOKENS = `query Tokens($staffId: ID) { apiTokens(staffId: $staffId) { id } }`;
const REVOKE_TOKEN = `mutation Revoke($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { id } userErrors { code field message } } }`;

describeEachDialect("object-level and property-level access", (dialect) => {
  let setting: MatrixSetting;
  let clients: SignedInClients;
  let viewers: Record<Viewer, GraphQLClient>;
  /** The keyworker's person, in treatment, with a signed-off plan and an intervention running. */
  let kims: EpisodeRecords;

  beforeAll(async () => {
    const server = await startTestServer(dialect);
    const organisation = await createOrganisation(server.database);
    kims = await new RecordBuilder(server, organisation, null).episode("IN_TREATMENT");
    setting = { server, organisation, schema, shared: { ...organisationRecords(organisation, server.clock.today()), ...kims } };
    clients = await signInClients(server, organisation);
    viewers = { keyworker: clients.callers.PRACTITIONER, lead: clients.callers.TEAM_LEAD, otherKeyworker: clients.otherKeyworker, youngPeopleKeyworker: clients.youngPeopleKeyworker };
  });
  afterAll(() => setting.server.close());

  const accountOfColleague = (colleague: Colleague) => ({ staffId: setting.organisation.staff[colleague].id, email: setting.organisation.staff[colleague].email });
  const recordsOfKim = () => [kims.serviceUserId, kims.episodeId, kims.planId!, kims.interventionId!];

  describe("the keyworker's records, read or changed by ID", () => {
    it("node shows the keyworker's person, episode, plan and intervention to the keyworker and the team lead", async () => {
      for (const viewer of ["keyworker", "lead"] as const) {
        for (const id of recordsOfKim()) expect([viewer, (await viewers[viewer].request(NODE, { id })).data]).toEqual([viewer, { node: { id } }]);
      }
    });

    it("node answers null to an admin and an analyst for the keyworker's person, episode, plan and intervention", async () => {
      for (const role of ["ADMIN", "ANALYST"] as const) {
        for (const id of recordsOfKim()) {
          const result = await clients.callers[role].request(NODE, { id });
          expect([role, id, result.errors, result.data]).toEqual([role, id, undefined, { node: null }]);
        }
      }
    });

    for (const [colleague, who] of Object.entries(COLLEAGUES) as [Colleague, string][]) {
      it(`node answers null to ${who} for the keyworker's person, episode, plan and intervention`, async () => {
        for (const id of recordsOfKim()) {
          const result = await viewers[colleague].request(NODE, { id });
          expect([id, result.errors, result.data]).toEqual([id, undefined, { node: null }]);
        }
      });

      for (const [name, rule] of Object.entries(ACCESS.query).filter(([, row]) => row.othersRecords === "NULL")) {
        it(`query ${name} answers null to ${who} for the keyworker's record`, async () => {
          const { outcome } = await callOperation(setting, { operation: "query", name, rule, caller: accountOfColleague(colleague), client: viewers[colleague] });
          expect(outcome, outcome.detail).toMatchObject({ kind: "ANSWERED", data: null });
        });
      }

      const writes = Object.entries(ACCESS.mutation).filter(([, row]) => row.access.PRACTITIONER === SCOPED && (row.othersRecords === "NOT_FOUND" || row.othersRecords === "COVER"));
      for (const [name, rule] of writes) {
        // Breaking the glass is how a colleague in the same team covers (DOMAIN §1); it is audited.
        const covers = rule.othersRecords === "COVER" && colleague === "otherKeyworker";
        const behaviour = covers ? `lets ${who} through, to cover for a colleague` : `is not found for ${who}, and nothing is written`;
        it(`mutation ${name} on the keyworker's records ${behaviour}`, async () => {
          const { outcome, changedTables } = await callOperation(setting, { operation: "mutation", name, rule, caller: accountOfColleague(colleague), client: viewers[colleague] });
          expect(outcome.kind, outcome.detail).toBe(covers ? "ANSWERED" : "NOT_FOUND");
          if (!covers) expect(changedTables).toEqual([]);
        });
      }
    }
  });

  describe("the keyworker's records in lists", () => {
    for (const probe of LIST_PROBES) {
      const record = probe.holds === "serviceUserId" ? "person" : "episode";
      it(`${probe.name} lists the keyworker's ${record} for ${probe.seenBy.map((viewer) => VIEWER_NAMES[viewer]).join(" and ")} only, not for another practitioner`, async () => {
        for (const viewer of VIEWERS) {
          const listed = (await idsListed(viewers[viewer], probe)).includes(kims[probe.holds]);
          expect([viewer, listed]).toEqual([viewer, probe.seenBy.includes(viewer)]);
        }
      });
    }
  });

  describe("nested fields", () => {
    it("show a returning person's episodes, and their records, only as far as each viewer's scope reaches", async () => {
      const { server, organisation } = setting;
      const current = await new RecordBuilder(server, organisation, null).episode("IN_TREATMENT");
      const earlier = await addEarlierEpisode(server, organisation, current.serviceUserId, organisation.staff.otherKeyworker.id);
      const episodesSeenBy = async (viewer: Viewer) => (await viewers[viewer].request<{ serviceUser: { episodes: unknown[] } | null }>(PERSON_EPISODES, { id: current.serviceUserId })).data?.serviceUser?.episodes ?? null;
      const currentEpisode = { id: current.episodeId, interventions: { totalCount: 1 } };
      const earlierEpisode = { id: earlier, interventions: { totalCount: 0 } };
      expect(await episodesSeenBy("keyworker")).toEqual([currentEpisode]);
      expect(await episodesSeenBy("otherKeyworker")).toEqual([earlierEpisode]);
      expect(await episodesSeenBy("lead")).toEqual([earlierEpisode, currentEpisode]);
      expect(await episodesSeenBy("youngPeopleKeyworker")).toBeNull();
    });
  });

  describe("what a caller may set", () => {
    it("refuses a practitioner's reassignKeyworker on their own episode with FORBIDDEN, keeping them as keyworker", async () => {
      const { organisation } = setting;
      const rule = ACCESS.mutation.reassignKeyworker!;
      const { outcome, records, changedTables } = await callOperation(setting, { operation: "mutation", name: "reassignKeyworker", rule, caller: accountOf(organisation, "PRACTITIONER"), client: viewers.keyworker });
      expect(outcome.kind, outcome.detail).toBe("FORBIDDEN");
      expect(changedTables).toEqual([]);
      expect(await keyworkerOfEpisode(setting.server, records.episodeId)).toBe(organisation.staff.keyworker.id);
    });

    it("refuses input fields the schema does not define (audit stamps, keyworker, team, pseudonym) before any resolver runs, writing nothing", async () => {
      const { shared } = setting;
      const undefinedFields = {
        createdById: shared.colleagueId,
        createdAt: "2025-01-01T00:00:00.000Z",
        updatedAt: "2025-01-01T00:00:00.000Z",
        enteredInErrorReason: "Not entered in error",
        keyworkerId: shared.colleagueId,
        registeredTeamId: shared.otherTeamId,
        pseudonym: "chosen-by-the-caller",
      };
      for (const [field, value] of Object.entries(undefinedFields)) {
        const before = await tableCounts(setting.server);
        const result = await viewers.keyworker.request(UPDATE_PERSON, { input: { id: kims.serviceUserId, version: kims.serviceUserVersion, [field]: value } });
        expect([field, errorCode(result), result.data]).toEqual([field, "BAD_USER_INPUT", null]);
        expect(await tableCounts(setting.server)).toEqual(before);
      }
    });

    it("keeps a record's version itself: the version in an input is the one the edit was read at, and any other is STALE_VERSION", async () => {
      const { server, organisation } = setting;
      const person = await new RecordBuilder(server, organisation, null).episode("IN_TREATMENT");
      const update = (version: number, preferredName: string) => viewers.keyworker.request(UPDATE_PERSON, { input: { id: person.serviceUserId, version, preferredName } });
      const saved = accepted<{ serviceUser: { version: number } }>(await update(person.serviceUserVersion, "Robbie"), "updateServiceUser");
      expect(saved.serviceUser.version).toBe(person.serviceUserVersion + 1);
      for (const version of [person.serviceUserVersion + 10, person.serviceUserVersion]) {
        expect(refused(await update(version, "Rob"), "updateServiceUser")).toEqual([expect.objectContaining({ code: "STALE_VERSION", field: "version" })]);
      }
      const reread = await viewers.keyworker.request(`query Person($id: ID!) { serviceUser(id: $id) { version preferredName } }`, { id: person.serviceUserId });
      expect(reread.data).toEqual({ serviceUser: { version: person.serviceUserVersion + 1, preferredName: "Robbie" } });
    });

    it("registers a person only under one of the practitioner's own teams (INVALID_VALUE on teamId), writing nothing", async () => {
      const before = await tableCounts(setting.server);
      const input = { localReference: nextReference("RM"), firstName: "Alex", lastName: "Moss", dateOfBirth: ADULT_DOB, sex: "FEMALE", ethnicity: "WHITE_BRITISH", teamId: setting.shared.otherTeamId };
      expect(refused(await viewers.keyworker.request(REGISTER_PERSON, { input }), "registerServiceUser")).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "teamId" })]);
      expect(await tableCounts(setting.server)).toEqual(before);
    });

    it("shows another staff member's API tokens to an admin only (FORBIDDEN for a practitioner)", async () => {
      const leadId = toGlobalId("StaffMember", setting.organisation.staff.lead.id);
      expect(errorCode(await viewers.keyworker.request(API_TOKENS, { staffId: leadId }))).toBe("FORBIDDEN");
      expect((await clients.callers.ADMIN.request(API_TOKENS, { staffId: leadId })).errors).toBeUndefined();
    });

    it("answers a practitioner's revocation of someone else's API token with not found, leaving it live", async () => {
      const { server, organisation } = setting;
      const token = await new RecordBuilder(server, organisation, accountOf(organisation, "TEAM_LEAD")).apiTokenOfCaller();
      const before = await tableCounts(server);
      expect(errorCode(await viewers.keyworker.request(REVOKE_TOKEN, { input: { id: token.id } }))).toBe("NOT_FOUND");
      expect(await tableCounts(server)).toEqual(before);
      const owned = await viewers.lead.request<{ apiTokens: { id: string; status: string }[] }>(`query { apiTokens { id status } }`);
      expect(owned.data?.apiTokens).toContainEqual({ id: token.id, status: "ACTIVE" });
    });
  });
});
