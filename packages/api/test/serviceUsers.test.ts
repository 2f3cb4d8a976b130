import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { localIdOf, toGlobalId } from "../src/graphql/globalId.js";
import { createStaffAccount } from "../src/services/staffAccounts.js";
import { describeEachDialect } from "./databases.js";
import { PASSWORD } from "./fixtures.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { accepted, ADULT_DOB, errorCode, nextReference, refer, REGISTER, refused, registerPerson, rowCounts } from "./journeySteps.js";
import { markEnteredInError, recordContact } from "./recordOperations.js";
import { useSignedInServer } from "./signedInServer.js";

const PERSON = `query Person($id: ID!) {
  serviceUser(id: $id) {
    id localReference firstName lastName preferredName dateOfBirth sex ethnicity postcode nhsNumber email
    consentToNationalReporting pregnant expectedDeliveryDate childUnder5InHousehold version pseudonym
    episodes { id status }
    flags { safeguarding { flagged reasons homeVisitDue } suicideRisk { flagged } }
  }
}`;

const UPDATE = `mutation Update($input: UpdateServiceUserInput!) {
  updateServiceUser(input: $input) { serviceUser { id firstName lastName preferredName pregnant expectedDeliveryDate version } userErrors { code field message } }
}`;

const LIST = `query List($filter: ServiceUserFilter, $orderBy: [ServiceUserOrder!], $first: Int, $after: String) {
  serviceUsers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id localReference firstName lastName dateOfBirth } }
  }
}`;

const EPISODE_SAFEGUARDING = `query Episode($id: ID!) { episode(id: $id) { safeguarding { flagged reasons homeVisitRecorded homeVisitDue } } }`;

interface ListResult {
  serviceUsers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; localReference: string; firstName: string; lastName: string; dateOfBirth: string } }[];
  };
}

describeEachDialect("people: registering, updating and finding them", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker"] });

  const person = (overrides: Record<string, unknown> = {}) => ({
    localReference: nextReference("REG"),
    firstName: "Jo",
    lastName: "Bloggs",
    dateOfBirth: ADULT_DOB,
    sex: "FEMALE",
    ethnicity: "WHITE_IRISH",
    ...overrides,
  });

  describe("registerServiceUser", () => {
    it("registers a person under the keyworker's team with a random pseudonym, normalised NHS number and postcode, audited", async () => {
      const input = person({ nhsNumber: "943 476 5919", postcode: "so147lp", email: "jo@example.org", consentToNationalReporting: "YES" });
      const { serviceUser } = accepted<{ serviceUser: { id: string; pseudonym: string } }>(await api.keyworker.request(REGISTER, { input }), "registerServiceUser");
      expect(serviceUser.pseudonym).toMatch(/^P-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
      const read = await api.keyworker.request<{ serviceUser: Record<string, unknown> }>(PERSON, { id: serviceUser.id });
      expect(read.data?.serviceUser).toMatchObject({
        localReference: input.localReference,
        firstName: "Jo",
        nhsNumber: "9434765919",
        postcode: "SO14 7LP",
        consentToNationalReporting: "YES",
        pregnant: false,
        version: 1,
        episodes: [],
        flags: { safeguarding: { flagged: false, reasons: [], homeVisitDue: false }, suicideRisk: { flagged: false } },
      });
      const t = api.server.database.tables;
      const localId = localIdOf(serviceUser.id, "ServiceUser") ?? "";
      const [row] = await api.server.database.read.select().from(t.serviceUsers).where(eq(t.serviceUsers.id, localId));
      expect(row?.registeredTeamId).toBe(api.organisation.adultTeamId);
      const created = await api.server.database.read.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, "CREATE"), eq(t.auditEvents.recordId, localId)));
      expect(created).toEqual([expect.objectContaining({ recordType: "ServiceUser", serviceUserId: localId, actorId: api.organisation.staff.keyworker.id })]);
    });

    it("refuses an NHS number with a wrong check digit with INVALID_NHS_NUMBER, writing nothing", async () => {
      const before = await rowCounts(api.server);
      const errors = refused(await api.keyworker.request(REGISTER, { input: person({ nhsNumber: "9434765918" }) }), "registerServiceUser");
      expect(errors).toEqual([expect.objectContaining({ code: "INVALID_NHS_NUMBER", field: "nhsNumber" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("refuses a local reference already in use, ignoring case, with INVALID_VALUE on localReference, writing nothing", async () => {
      const reference = nextReference("DUP");
      await registerPerson(api.keyworker, { localReference: reference });
      const before = await rowCounts(api.server);
      const errors = refused(await api.keyworker.request(REGISTER, { input: person({ localReference: reference.toLowerCase() }) }), "registerServiceUser");
      expect(errors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "localReference" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("R-DATE-1: refuses a date of birth in the future with INVALID_DATE, writing nothing", async () => {
      const before = await rowCounts(api.server);
      const errors = refused(await api.keyworker.request(REGISTER, { input: person({ dateOfBirth: "2025-06-03" }) }), "registerServiceUser");
      expect(errors).toEqual([expect.objectContaining({ code: "INVALID_DATE", field: "dateOfBirth" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("refuses a first name over 200 characters with TOO_LONG, writing nothing", async () => {
      const before = await rowCounts(api.server);
      const errors = refused(await api.keyworker.request(REGISTER, { input: person({ firstName: "J".repeat(201) }) }), "registerServiceUser");
      expect(errors).toEqual([expect.objectContaining({ code: "TOO_LONG", field: "firstName" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("answers a date that does not exist and an unknown enum value with a GraphQL error naming the field", async () => {
      const before = await rowCounts(api.server);
      const badDate = await api.keyworker.request(REGISTER, { input: person({ dateOfBirth: "1985-02-29" }) });
      expect(errorCode(badDate)).toBe("BAD_USER_INPUT");
      expect(badDate.errors?.[0]?.message).toContain("dateOfBirth");
      const badSex = await api.keyworker.request(REGISTER, { input: person({ sex: "UNICORN" }) });
      expect(errorCode(badSex)).toBe("BAD_USER_INPUT");
      expect(badSex.errors?.[0]?.message).toContain("sex");
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("asks a practitioner in several teams which of theirs registers the person, and refuses a team that is not theirs", async () => {
      await api.server.database.write((tx) =>
        createStaffAccount(tx, api.server.database.tables, { name: "Bea Both", email: "bea@example.org", roles: ["PRACTITIONER"], teamIds: [api.organisation.adultTeamId, api.organisation.youngPeopleTeamId], password: PASSWORD }, new Date()),
      );
      const both = await api.server.client().login("bea@example.org", PASSWORD);
      const missing = refused(await both.request(REGISTER, { input: person() }), "registerServiceUser");
      expect(missing).toEqual([expect.objectContaining({ code: "REQUIRED", field: "teamId" })]);
      const notTheirs = refused(await api.keyworker.request(REGISTER, { input: person({ teamId: toGlobalId("Team", api.organisation.youngPeopleTeamId) }) }), "registerServiceUser");
      expect(notTheirs).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "teamId" })]);
      accepted(await both.request(REGISTER, { input: person({ teamId: toGlobalId("Team", api.organisation.youngPeopleTeamId) }) }), "registerServiceUser");
    });

    it("is FORBIDDEN to an analyst and to an admin without a clinical role, and UNAUTHENTICATED when not signed in", async () => {
      for (const member of [api.organisation.staff.analyst, api.organisation.staff.admin]) {
        const client = await api.server.client().login(member.email, PASSWORD);
        expect(errorCode(await client.request(REGISTER, { input: person() }))).toBe("FORBIDDEN");
      }
      expect(errorCode(await api.server.client().request(REGISTER, { input: person() }))).toBe("UNAUTHENTICATED");
    });
  });

  describe("updateServiceUser", () => {
    it("changes only the fields given, clears an optional one given as null, and bumps the version", async () => {
      const id = await registerPerson(api.keyworker, { preferredName: "Sammy" });
      const result = await api.keyworker.request<{ updateServiceUser: { serviceUser: Record<string, unknown> } }>(UPDATE, { input: { id, version: 1, lastName: "Jones", preferredName: null } });
      expect(accepted(result, "updateServiceUser").serviceUser).toEqual({ id, firstName: "Sam", lastName: "Jones", preferredName: null, pregnant: false, expectedDeliveryDate: null, version: 2 });
    });

    it("refuses a change based on an old version with STALE_VERSION, writing nothing", async () => {
      const id = await registerPerson(api.keyworker);
      accepted(await api.keyworker.request(UPDATE, { input: { id, version: 1, firstName: "Samuel" } }), "updateServiceUser");
      const before = await rowCounts(api.server);
      const errors = refused(await api.keyworker.request(UPDATE, { input: { id, version: 1, firstName: "Sammy" } }), "updateServiceUser");
      expect(errors).toEqual([expect.objectContaining({ code: "STALE_VERSION", field: "version" })]);
      expect(await rowCounts(api.server)).toEqual(before);
      const read = await api.keyworker.request<{ serviceUser: { firstName: string; version: number } }>(PERSON, { id });
      expect(read.data?.serviceUser).toMatchObject({ firstName: "Samuel", version: 2 });
    });

    it("refuses clearing a required detail and an invalid NHS number, writing nothing", async () => {
      const id = await registerPerson(api.keyworker);
      const before = await rowCounts(api.server);
      const errors = refused(await api.keyworker.request(UPDATE, { input: { id, version: 1, lastName: null, nhsNumber: "1234567890" } }), "updateServiceUser");
      expect(errors.map((error) => [error.code, error.field])).toEqual([
        ["REQUIRED", "lastName"],
        ["INVALID_NHS_NUMBER", "nhsNumber"],
      ]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("R-SAFE-1: recording a pregnancy raises the safeguarding flag on the open episode at once, with a home visit due", async () => {
      const id = await registerPerson(api.keyworker);
      const episodeId = await refer(api.keyworker, id, api.organisation.adultTeamId, { keyworkerId: toGlobalId("StaffMember", api.organisation.staff.keyworker.id) });
      const before = await api.keyworker.request<{ episode: { safeguarding: { flagged: boolean } } }>(EPISODE_SAFEGUARDING, { id: episodeId });
      expect(before.data?.episode.safeguarding.flagged).toBe(false);

      accepted(await api.keyworker.request(UPDATE, { input: { id, version: 1, pregnant: true, expectedDeliveryDate: "2025-10-01" } }), "updateServiceUser");
      const after = await api.keyworker.request<{ episode: { safeguarding: object } }>(EPISODE_SAFEGUARDING, { id: episodeId });
      expect(after.data?.episode.safeguarding).toEqual({ flagged: true, reasons: ["PREGNANT"], homeVisitRecorded: false, homeVisitDue: true });
      const t = api.server.database.tables;
      const [row] = await api.server.database.read.select({ safeguarding: t.episodes.safeguarding }).from(t.episodes).where(eq(t.episodes.id, localIdOf(episodeId, "Episode") ?? ""));
      expect(row?.safeguarding).toBe(true);

      const cleared = await api.keyworker.request<{ updateServiceUser: { serviceUser: { pregnant: boolean; expectedDeliveryDate: string | null } } }>(UPDATE, { input: { id, version: 2, pregnant: false } });
      expect(accepted(cleared, "updateServiceUser").serviceUser).toMatchObject({ pregnant: false, expectedDeliveryDate: null });
      const [clearedRow] = await api.server.database.read.select({ safeguarding: t.episodes.safeguarding }).from(t.episodes).where(eq(t.episodes.id, localIdOf(episodeId, "Episode") ?? ""));
      expect(clearedRow?.safeguarding).toBe(false);
    });

    it("R-SAFE-1: an attended home visit clears the visit due on the episode and the person; marking it entered in error brings it back", async () => {
      const id = await registerPerson(api.keyworker);
      const episodeId = await refer(api.keyworker, id, api.organisation.adultTeamId, { keyworkerId: toGlobalId("StaffMember", api.organisation.staff.keyworker.id) });
      accepted(await api.keyworker.request(UPDATE, { input: { id, version: 1, pregnant: true, expectedDeliveryDate: "2025-10-01" } }), "updateServiceUser");
      const FLAGS = `query Flags($id: ID!, $episodeId: ID!) {
        serviceUser(id: $id) { flags { safeguarding { flagged homeVisitDue } } }
        episode(id: $episodeId) { safeguarding { flagged homeVisitRecorded homeVisitDue } }
      }`;
      type Flags = { serviceUser: { flags: { safeguarding: object } }; episode: { safeguarding: object } };
      const flags = async () => {
        const result = await api.keyworker.request<Flags>(FLAGS, { id, episodeId });
        expect(result.errors).toBeUndefined();
        return { person: result.data!.serviceUser.flags.safeguarding, episode: result.data!.episode.safeguarding };
      };
      const due = { person: { flagged: true, homeVisitDue: true }, episode: { flagged: true, homeVisitRecorded: false, homeVisitDue: true } };
      expect(await flags()).toEqual(due);

      const visit = await recordContact(api.keyworker, { episodeId, date: "2025-05-02", kind: "HOME_VISIT", outcome: "ATTENDED" });
      expect(visit.userErrors).toEqual([]);
      expect(await flags()).toEqual({ person: { flagged: true, homeVisitDue: false }, episode: { flagged: true, homeVisitRecorded: true, homeVisitDue: false } });

      const marked = await markEnteredInError(api.keyworker, { id: visit.contact!.id, reason: "The visit was to another family" });
      expect(marked.userErrors).toEqual([]);
      expect(await flags()).toEqual(due);
    });
  });

  describe("serviceUsers", () => {
    let lead: GraphQLClient;
    const references: string[] = [];

    beforeAll(async () => {
      lead = await api.signIn("lead");
      const people = [
        { firstName: "Alice", lastName: "Zephyr", dateOfBirth: "1970-01-01", preferredName: "Ali" },
        { firstName: "Bob", lastName: "Young", dateOfBirth: "1980-06-15", preferredName: null },
        { firstName: "Carol", lastName: "Xu", dateOfBirth: "1990-12-31", preferredName: null },
      ];
      for (const [index, details] of people.entries()) {
        const localReference = `LIST-${dialect}-${index}`;
        references.push(localReference);
        const id = await registerPerson(lead, { ...details, localReference });
        if (index === 0) await refer(lead, id, api.organisation.adultTeamId);
      }
    });

    const listAsLead = (variables: Record<string, unknown>) => lead.request<ListResult>(LIST, variables);
    const listReferences = async (variables: Record<string, unknown>) => (await listAsLead(variables)).data?.serviceUsers.edges.map((edge) => edge.node.localReference) ?? [];

    it("finds people by name or reference containing the search text, ignoring case", async () => {
      expect(await listReferences({ filter: { name: { contains: "zEPh" } } })).toEqual([references[0]]);
      expect(await listReferences({ filter: { name: { contains: "ali" } } })).toEqual([references[0]]);
      expect(await listReferences({ filter: { name: { contains: "bob young" } } })).toEqual([references[1]]);
      expect(await listReferences({ filter: { localReference: { contains: `list-${dialect}-2` } } })).toEqual([references[2]]);
    });

    it("treats % and _ in a search as plain characters", async () => {
      expect(await listReferences({ filter: { name: { contains: "%" } } })).toEqual([]);
      expect(await listReferences({ filter: { localReference: { contains: `LIST_${dialect}` } } })).toEqual([]);
    });

    it("filters by date of birth with lt and gte, by open episode and by team, and combines filters with or", async () => {
      const mine = { localReference: { contains: `LIST-${dialect}-` } };
      expect(await listReferences({ filter: { and: [mine, { dateOfBirth: { lt: "1980-06-15" } }] } })).toEqual([references[0]]);
      expect(await listReferences({ filter: { and: [mine, { dateOfBirth: { gte: "1980-06-15" } }] }, orderBy: [{ field: "DATE_OF_BIRTH" }] })).toEqual([references[1], references[2]]);
      expect(await listReferences({ filter: { and: [mine, { hasOpenEpisode: true }] } })).toEqual([references[0]]);
      expect(await listReferences({ filter: { and: [mine, { hasOpenEpisode: false }] }, orderBy: [{ field: "LOCAL_REFERENCE" }] })).toEqual([references[1], references[2]]);
      expect(await listReferences({ filter: { and: [mine, { teamId: { eq: toGlobalId("Team", api.organisation.youngPeopleTeamId) } }] } })).toEqual([]);
      expect(await listReferences({ filter: { or: [{ name: { eq: "Carol" } }, { name: { eq: "Alice" } }] }, orderBy: [{ field: "FIRST_NAME", direction: "DESC" }] })).toEqual([references[2], references[0]]);
    });

    it("pages through the list with first and after, with the total on every page", async () => {
      const filter = { localReference: { contains: `LIST-${dialect}-` } };
      const first = await listAsLead({ filter, orderBy: [{ field: "LAST_NAME", direction: "DESC" }], first: 2 });
      expect(first.data?.serviceUsers).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
      expect(first.data?.serviceUsers.edges.map((edge) => edge.node.lastName)).toEqual(["Zephyr", "Young"]);
      const second = await listAsLead({ filter, orderBy: [{ field: "LAST_NAME", direction: "DESC" }], first: 2, after: first.data?.serviceUsers.pageInfo.endCursor });
      expect(second.data?.serviceUsers).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
      expect(second.data?.serviceUsers.edges.map((edge) => edge.node.lastName)).toEqual(["Xu"]);
      const byBirth = await listAsLead({ filter, orderBy: [{ field: "DATE_OF_BIRTH", direction: "DESC" }], first: 1 });
      const nextByBirth = await listAsLead({ filter, orderBy: [{ field: "DATE_OF_BIRTH", direction: "DESC" }], first: 1, after: byBirth.data?.serviceUsers.pageInfo.endCursor });
      expect([...(byBirth.data?.serviceUsers.edges ?? []), ...(nextByBirth.data?.serviceUsers.edges ?? [])].map((edge) => edge.node.dateOfBirth)).toEqual(["1990-12-31", "1980-06-15"]);
    });

    it("gives each item a cursor of its own: the list continues after whichever item's cursor is passed", async () => {
      const filter = { localReference: { contains: `LIST-${dialect}-` } };
      const orderBy = [{ field: "LAST_NAME", direction: "DESC" }];
      const whole = await listAsLead({ filter, orderBy, first: 3 });
      const edges = whole.data?.serviceUsers.edges ?? [];
      expect(edges.map((edge) => edge.node.lastName)).toEqual(["Zephyr", "Young", "Xu"]);
      expect(new Set(edges.map((edge) => edge.cursor)).size).toBe(3);
      expect(edges.at(-1)?.cursor).toBe(whole.data?.serviceUsers.pageInfo.endCursor);
      const afterFirst = await listAsLead({ filter, orderBy, first: 3, after: edges[0]?.cursor });
      expect(afterFirst.data?.serviceUsers.edges.map((edge) => edge.node.lastName)).toEqual(["Young", "Xu"]);
      const afterSecond = await listAsLead({ filter, orderBy, first: 3, after: edges[1]?.cursor });
      expect(afterSecond.data?.serviceUsers.edges.map((edge) => edge.node.lastName)).toEqual(["Xu"]);
    });

    it("refuses a cursor that is not from the list", async () => {
      expect(errorCode(await listAsLead({ after: "not-a-cursor" }))).toBe("BAD_USER_INPUT");
    });

    it("loads a page's nested episodes and flags in batches: the statements do not grow with the page size", async () => {
      const query = `query Page($filter: ServiceUserFilter, $orderBy: [ServiceUserOrder!], $first: Int) {
        serviceUsers(filter: $filter, orderBy: $orderBy, first: $first) {
          edges { node { id flags { suicideRisk { flagged } safeguarding { flagged homeVisitDue } }
            episodes { id keyworker { name } team { name } problemSubstances { substance } suicideRisk { flagged } safeguarding { flagged } serviceUser { id } } } }
        }
      }`;
      const variables = { filter: { localReference: { contains: `LIST-${dialect}-` } }, orderBy: [{ field: "LAST_NAME", direction: "DESC" }] };
      const statementsFor = async (first: number) => {
        const before = api.server.database.statementCount();
        const result = await lead.request<ListResult>(query, { ...variables, first });
        expect(result.errors).toBeUndefined();
        expect(result.data?.serviceUsers.edges).toHaveLength(first);
        return api.server.database.statementCount() - before;
      };
      // A first page reads what later ones find kept (the teams, on SQLite); the two compared come after it.
      await statementsFor(1);
      expect(await statementsFor(3)).toBe(await statementsFor(1));
    });

    it("refuses a page larger than 100", async () => {
      expect(errorCode(await listAsLead({ first: 101 }))).toBe("BAD_USER_INPUT");
    });

    it("audits each person returned as a READ by the viewer", async () => {
      const t = api.server.database.tables;
      const result = await listAsLead({ filter: { localReference: { contains: `LIST-${dialect}-` } } });
      const ids = result.data?.serviceUsers.edges.map((edge) => localIdOf(edge.node.id, "ServiceUser")) ?? [];
      expect(ids).toHaveLength(3);
      const reads = await api.server.database.read.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, "READ"), eq(t.auditEvents.actorId, api.organisation.staff.lead.id)));
      for (const id of ids) expect(reads).toContainEqual(expect.objectContaining({ recordType: "ServiceUser", recordId: id, serviceUserId: id }));
    });

    it("is FORBIDDEN to an analyst and to an admin without a clinical role, on the list and by ID", async () => {
      const someone = await registerPerson(api.keyworker);
      for (const member of [api.organisation.staff.analyst, api.organisation.staff.admin]) {
        const client = await api.server.client().login(member.email, PASSWORD);
        expect(errorCode(await client.request(LIST, {}))).toBe("FORBIDDEN");
        expect(errorCode(await client.request(PERSON, { id: someone }))).toBe("FORBIDDEN");
      }
    });
  });
});
