import "reflect-metadata";
import { getNamedType, isEnumType, isInterfaceType, isObjectType, isScalarType, isUnionType, type GraphQLField, type GraphQLNamedType, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { DATASETS } from "../src/analysis/datasets.js";
import { toGlobalId } from "../src/graphql/globalId.js";
import { waymarkSchema } from "../src/graphql/schema.js";
import { plantAnalysisData, type PlantedAnalysisData } from "./analysisData.js";
import { describeEachDialect } from "./databases.js";
import { useSignedInServer } from "./signedInServer.js";

/**
 * Nothing identifying is reachable by an analyst (DOMAIN §1: pseudonymised records, no names, contact
 * details, full postcode or date of birth, and no free text). First the schema is walked from every root
 * field that reads clinical data for an analyst, through every type it can reach, nested connections, the
 * aggregates and `node` (which answers an analyst for the pseudonymised types only, checked over HTTP below);
 * then the identifying paths are tried for real and every raw response is searched for planted canaries.
 *
 * Left out of the walk: `me`, `apiTokens`, `teams` and `interventionCatalogue` hold the analyst's own account,
 * the services and the catalogue, and no record of a person.
 */

/** The root fields that read records about people for an analyst. */
const ANALYST_RECORD_ROOTS = ["episodes", "interventions", "reviews", "outcomes", "contacts", "node"] as const;

/** The types `node` resolves for an analyst: the pseudonymised ones (the HTTP tests prove the others are null). */
const ANALYST_NODE_TYPES = Object.values(DATASETS).map((dataset) => dataset.typeName);

/** Field names that identify a person or carry what staff typed. */
const IDENTIFYING_NAME =
  /^(name|firstName|lastName|preferredName|fullName)$|birth|nhs|postcode|address|phone|e?mail|notes?$|localReference|^gp|narrative|description|comment|referrer|genderIdentity|amount$|^pseudonym$|^time$/i;

/** Exceptions, each with the reason it identifies nobody (and postcodeDistrict, the outward code only). */
const ALLOWED_FIELDS: Readonly<Record<string, string>> = {
  "AnalysisTeam.name": "the name of a service (team), not of a person",
};

/** Text fields that are not codes, and why each is not free text. */
const ALLOWED_TEXT: Readonly<Record<string, string>> = {
  personId: "a keyed hash (HMAC-SHA256) of the person's id",
  postcodeDistrict: "the outward code only, never the full postcode",
  catalogueItemCode: "a catalogue code an admin defines, not text about a person",
  cursor: "an opaque position in a list",
  startCursor: "an opaque position in a list",
  endCursor: "an opaque position in a list",
  countShown: 'a count or "<5"',
  name: "AnalysisTeam.name only (see ALLOWED_FIELDS)",
};

/** Every code-list text field of the datasets: its values come from a closed list, so it carries no free text. */
const CODE_FIELDS = new Set(Object.values(DATASETS).flatMap((dataset) => dataset.columns.filter((column) => column.codes).map((column) => column.name)));

interface Reached {
  readonly type: string;
  readonly field: string;
  readonly fieldType: GraphQLNamedType;
}

/** Every field an analyst's query can reach from the record roots. */
function reachableFields(schema: GraphQLSchema): Reached[] {
  const queryType = schema.getQueryType();
  if (!queryType) throw new Error("the schema has no Query type");
  const seen = new Set<string>();
  const reached: Reached[] = [];
  const queue: GraphQLNamedType[] = [];
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    queue.push(type);
  };
  for (const root of ANALYST_RECORD_ROOTS) {
    const field = queryType.getFields()[root];
    if (!field) throw new Error(`Query.${root} is missing`);
    if (root === "node") ANALYST_NODE_TYPES.forEach((name) => visit(schema.getType(name)!));
    else visit(getNamedType(field.type));
  }
  while (queue.length > 0) {
    const type = queue.shift()!;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        const fieldType = getNamedType(field.type);
        reached.push({ type: type.name, field: field.name, fieldType });
        visit(fieldType);
      }
      // An interface reached by a field may be answered by any type implementing it.
      if (isInterfaceType(type)) schema.getPossibleTypes(type).forEach(visit);
    } else if (isUnionType(type)) {
      type.getTypes().forEach(visit);
    }
  }
  return reached;
}

describe("the schema an analyst can reach (DOMAIN §1)", () => {
  let schema: GraphQLSchema;
  let reached: Reached[];

  beforeAll(async () => {
    schema = await waymarkSchema();
    reached = reachableFields(schema);
  });

  it("reaches the five pseudonymised record types, their connections, aggregates and nested connections, and no identifiable type", () => {
    const types = new Set(reached.map((entry) => entry.type));
    for (const name of ANALYST_NODE_TYPES) {
      for (const suffix of ["", "Connection", "Edge", "Aggregate", "Group", "GroupKey", "Measures"]) expect(types.has(`${name}${suffix}`), `${name}${suffix}`).toBe(true);
    }
    for (const identifiable of ["ServiceUser", "Episode", "Review", "Intervention", "OutcomeRecord", "Contact", "Staff", "CaseloadEntry"]) expect(types.has(identifiable), identifiable).toBe(false);
  });

  it("has no field named like an identifier anywhere an analyst can reach (names, date of birth, NHS number, postcode, address, phone, email, notes, GP…)", () => {
    const identifying = reached.filter((entry) => IDENTIFYING_NAME.test(entry.field) && entry.field !== "postcodeDistrict" && !ALLOWED_FIELDS[`${entry.type}.${entry.field}`]).map((entry) => `${entry.type}.${entry.field}`);
    expect(identifying).toEqual([]);
  });

  it("has no free-text field: every text field is a closed code list or one of the named, non-identifying exceptions", () => {
    const text = reached.filter((entry) => isScalarType(entry.fieldType) && entry.fieldType.name === "String");
    const freeText = text.filter((entry) => !CODE_FIELDS.has(entry.field) && !ALLOWED_TEXT[entry.field]).map((entry) => `${entry.type}.${entry.field}`);
    expect(freeText).toEqual([]);
    const named = text.filter((entry) => entry.field === "name").map((entry) => entry.type);
    expect([...new Set(named)]).toEqual(["AnalysisTeam"]);
  });

  it("shows the person's age only as a band and their place only as a postcode district", () => {
    const fieldsOf = (typeName: string) => reached.filter((entry) => entry.type === typeName).map((entry) => entry.field);
    for (const name of ANALYST_NODE_TYPES) {
      expect(fieldsOf(name)).toEqual(expect.arrayContaining(["personId", "ageBandAtReferral", "sex", "ethnicity", "postcodeDistrict"]));
      expect(fieldsOf(name).filter((field) => /^age|Age/.test(field) && field !== "ageBandAtReferral")).toEqual([]);
    }
    expect(reached.filter((entry) => isEnumType(entry.fieldType) && /birth|postcode/i.test(entry.fieldType.name))).toEqual([]);
  });
});

/** A selection of every field of `typeName`, objects one level deep, connections' nodes included. */
function everyField(schema: GraphQLSchema, typeName: string, depth = 0): string {
  const type = schema.getType(typeName);
  if (!type || !(isObjectType(type) || isInterfaceType(type))) return "";
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (field.args.some((argument) => argument.type.toString().endsWith("!") && argument.defaultValue === undefined)) continue;
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (depth < 2 && named.name !== typeName) {
      const inner = everyField(schema, named.name, depth + 1);
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(" ");
}

describeEachDialect("identifying paths tried by an analyst over HTTP", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["analyst"] });
  let planted: PlantedAnalysisData;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    planted = await plantAnalysisData(api.server, api.organisation);
    schema = await waymarkSchema();
  });

  /** The raw body of the analyst's request, and the canaries found in it. */
  async function rawAnswer(query: string, variables: Record<string, unknown> = {}): Promise<{ body: string; json: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] }; leaked: string[] }> {
    const response = await api.analyst.post({ query, variables });
    const body = await response.text();
    const lowered = body.toLowerCase();
    return { body, json: JSON.parse(body), leaked: planted.canaries.filter((canary) => lowered.includes(canary.toLowerCase())) };
  }

  const someone = () => planted.people[0]!;

  it("is refused serviceUser, serviceUsers, episode and caseload with FORBIDDEN, and the body names no one", async () => {
    const attempts = [
      [`query Q($id: ID!) { serviceUser(id: $id) { id firstName lastName nhsNumber dateOfBirth postcode } }`, { id: toGlobalId("ServiceUser", someone().serviceUserId) }],
      [`{ serviceUsers(first: 100) { edges { node { firstName lastName nhsNumber } } } }`, {}],
      [`query Q($id: ID!) { episode(id: $id) { id status } }`, { id: toGlobalId("Episode", someone().episodeId) }],
      [`{ caseload(first: 100) { totalCount } }`, {}],
    ] as const;
    for (const [query, variables] of attempts) {
      const answer = await rawAnswer(query, variables);
      expect(answer.json.errors?.[0]?.extensions?.code, query).toBe("FORBIDDEN");
      expect(Object.values(answer.json.data ?? {}).every((value) => value === null), query).toBe(true);
      expect(answer.leaked, query).toEqual([]);
    }
  });

  it("gets null from node for a ServiceUser, Episode, Review or Intervention ID, through fragments and aliases, and the body names no one", async () => {
    const query = `query Q($person: ID!, $episode: ID!, $review: ID!) {
      person: node(id: $person) { id ...Person }
      sameAgain: node(id: $person) { ... on ServiceUser { firstName lastName preferredName localReference nhsNumber dateOfBirth postcode phone email gpPractice } }
      episode: node(id: $episode) { id ... on Episode { status keyworker { name email } } }
      review: node(id: $review) { id __typename }
    }
    fragment Person on ServiceUser { firstName lastName nhsNumber dateOfBirth episodes { id } }`;
    const answer = await rawAnswer(query, {
      person: toGlobalId("ServiceUser", someone().serviceUserId),
      episode: toGlobalId("Episode", someone().episodeId),
      review: toGlobalId("Review", planted.reviewId),
    });
    expect(answer.json.errors).toBeUndefined();
    expect(answer.json.data).toEqual({ person: null, sameAgain: null, episode: null, review: null });
    expect(answer.leaked).toEqual([]);
  });

  it("gets null from node for the pseudonymised ID of a record entered in error", async () => {
    const answer = await rawAnswer(`query Q($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId("PseudonymisedEpisode", planted.enteredInError.episodeId) });
    expect(answer.json.data).toEqual({ node: null });
  });

  it("reads every field of every pseudonymised connection, nested records and aggregates without one identifying value in the body", async () => {
    const roots = ["episodes", "interventions", "reviews", "outcomes", "contacts"] as const;
    let records = 0;
    for (const root of roots) {
      const typeName = Object.values(DATASETS).find((dataset) => dataset.key === root)!.typeName;
      const groupFields = Object.values(DATASETS).find((dataset) => dataset.key === root)!.columns.map((column) => column.name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase());
      const query = `{ ${root}(first: 10) { totalCount edges { cursor node { ${everyField(schema, typeName)} } }
        aggregate(groupBy: [${groupFields.slice(0, 3).join(", ")}]) { groups(first: 20) { ${everyField(schema, `${typeName}Group`)} } } } }`;
      const answer = await rawAnswer(query);
      expect(answer.json.errors, root).toBeUndefined();
      expect(answer.leaked, root).toEqual([]);
      records += (answer.json.data?.[root] as { totalCount: number }).totalCount;
    }
    // The walk read real records: 8 episodes, 7 interventions, 2 reviews, 3 TOPs, 6 contacts.
    expect(records).toBe(26);
  });
});
