import fc, { type Arbitrary } from "fast-check";
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputField, type GraphQLInputType, type GraphQLSchema } from "graphql";
import { toGlobalId } from "../../src/graphql/globalId.js";
import { PASSWORD } from "../fixtures.js";
import { rootField } from "../roleMatrix/requestBuilder.js";
import { fuzzedDate, fuzzedDateTime, fuzzedInt, hostileText, wrongTypeValue } from "./hostileValues.js";
import { RECORD_TYPES, type IdPools } from "./recordPools.js";

/** What generated values draw on: the records that exist, so IDs, codes and emails can name real ones. */
export interface InputSources {
  readonly ids: IdPools;
  /** The mutation's `id` types (FuzzedMutation.ids). */
  readonly idTypes: readonly string[];
  readonly catalogueCodes: readonly string[];
  readonly staffEmails: readonly string[];
}

/** The record type an ID field names, by the field's name; `id` is the mutation's own (InputSources.idTypes). */
const ID_FIELD_TYPES: Readonly<Record<string, readonly string[]>> = {
  episodeId: ["Episode"],
  serviceUserId: ["ServiceUser"],
  planId: ["RecoveryPlan"],
  goalId: ["Goal"],
  keyworkerId: ["StaffMember"],
  signedOffById: ["StaffMember"],
  staffId: ["StaffMember"],
  deliveredById: ["StaffMember"],
  teamId: ["Team"],
  teamIds: ["Team"],
};

const anyOf = (ids: readonly string[]): Arbitrary<string> | null => (ids.length > 0 ? fc.constantFrom(...ids) : null);

/**
 * An ID: mostly a real record of the type the field names, then real records of other types, IDs forged
 * around a type that exists or one that does not, and text that is no global ID at all.
 */
function fuzzedId(field: string, sources: InputSources): Arbitrary<string> {
  const types = field === "id" ? sources.idTypes : (ID_FIELD_TYPES[field] ?? []);
  const expected = anyOf(types.flatMap((type) => sources.ids[type] ?? []));
  const others = anyOf(Object.entries(sources.ids).flatMap(([type, ids]) => (types.includes(type) ? [] : ids)));
  const forged = fc
    .tuple(fc.constantFrom(...types, ...RECORD_TYPES, "Nothing", "episode", ""), fc.oneof(fc.uuid(), fc.integer().map(String), hostileText))
    .map(([type, id]) => toGlobalId(type, id));
  const arbitraries: { arbitrary: Arbitrary<string>; weight: number }[] = [
    { arbitrary: forged, weight: 2 },
    { arbitrary: fc.oneof(fc.uuid(), hostileText, fc.constant("A".repeat(201))), weight: 1 },
  ];
  if (expected) arbitraries.push({ arbitrary: expected, weight: 6 });
  if (others) arbitraries.push({ arbitrary: others, weight: 2 });
  return fc.oneof(...arbitraries);
}

/** Text for a field, with well-formed values where the field's name says what it holds. */
function fuzzedString(field: string, sources: InputSources): Arbitrary<string> {
  const hinted: Record<string, Arbitrary<string>> = {
    email: fc.oneof(fc.emailAddress(), fc.constantFrom(...sources.staffEmails, ...sources.staffEmails.map((email) => email.toUpperCase()))),
    password: fc.constantFrom(PASSWORD, "short", "a long passphrase nobody uses"),
    catalogueItemCode: fc.constantFrom(...sources.catalogueCodes),
    code: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,30}$/),
    nhsNumber: fc.constantFrom("9434765919", "943 476 5919", "9434765918", "0000000000", "12345"),
    postcode: fc.constantFrom("LS1 4AP", "ls14ap", "SW1A 1AA", "NOT A POSTCODE"),
    time: fc.constantFrom("09:30", "23:59", "24:00", "9:5", "noon"),
    query: fc.constantFrom(
      "{ interventionCatalogue { edges { node { code label } } } }",
      "{ caseload { edges { node { episode { id } } } } }",
      "{ auditEvents { edges { node { id } } } }",
      "{ teams { id } }",
      "query { __schema { types { name } } }",
      "{ ",
      "mutation { logout { __typename } }",
    ),
    notDisclosed: fc.constantFrom("substanceUse.ALCOHOL.days", "health.qualityOfLife", "crime.shoplifting", "nothing.here"),
    subTypes: fc.constantFrom("NONE", "GROUP", "ONE_TO_ONE"),
    connectionPath: fc.constantFrom("interventionCatalogue", "caseload", "teams", "nothing"),
  };
  const hint = hinted[field];
  return hint ? fc.oneof({ arbitrary: hint, weight: 3 }, { arbitrary: hostileText, weight: 1 }) : hostileText;
}

/** A value of an input type, by its GraphQL type, with the field's name as a hint. */
function fuzzedValue(type: GraphQLInputType, field: string, sources: InputSources): Arbitrary<unknown> {
  if (isNonNullType(type)) {
    // Now and then a null where the type forbids one: the variables' coercion has to refuse it.
    return fc.oneof({ arbitrary: fuzzedValue(type.ofType as GraphQLInputType, field, sources).filter((value) => value !== null), weight: 30 }, { arbitrary: fc.constant(null), weight: 1 });
  }
  const nullable = (arbitrary: Arbitrary<unknown>) => fc.oneof({ arbitrary, weight: 8 }, { arbitrary: fc.constant(null), weight: 1 });
  if (isListType(type)) {
    const element = fuzzedValue(type.ofType as GraphQLInputType, field, sources);
    return nullable(fc.oneof({ arbitrary: fc.constant([]), weight: 2 }, { arbitrary: fc.array(element, { minLength: 1, maxLength: 3 }), weight: 6 }, { arbitrary: fc.array(element, { minLength: 40, maxLength: 60 }), weight: 1 }));
  }
  if (isInputObjectType(type)) return nullable(inputObject(type.getFields(), sources, true));
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return nullable(fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 12 }, { arbitrary: fc.constantFrom("NOT_A_VALUE", values[0]!.toLowerCase(), ""), weight: 1 }));
  }
  switch (type.name) {
    case "ID":
      return nullable(fuzzedId(field, sources));
    case "String":
      return nullable(fuzzedString(field, sources));
    case "Int":
      return nullable(fuzzedInt);
    case "Float":
      return nullable(fc.double());
    case "Boolean":
      return nullable(fc.boolean());
    case "Date":
      return nullable(fuzzedDate);
    case "DateTime":
      return nullable(fuzzedDateTime);
    case "JSON":
      return fc.jsonValue({ maxDepth: 3 });
    default:
      throw new Error(`No fuzzed values for the scalar ${type.name}: add them here`);
  }
}

const isRequired = (field: GraphQLInputField) => isNonNullType(field.type) && field.defaultValue === undefined;

/**
 * An input object. Nested, its required fields are always there (fuzzed) and its optional ones sometimes;
 * at the top (`nested` false) any field may be left out, and the request builder then fills a required one
 * with a valid value, so a case is a valid request with some fields fuzzed.
 */
function inputObject(fields: Record<string, GraphQLInputField>, sources: InputSources, nested: boolean): Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(Object.values(fields).map((field) => [field.name, fuzzedValue(field.type, field.name, sources)]));
  const requiredKeys = nested ? Object.values(fields).filter(isRequired).map((field) => field.name) : [];
  return fc.record(model, { requiredKeys });
}

/**
 * Fields given for a mutation's `input` (nothing for a mutation without one): now and then none, so the
 * well-formed request itself is sent; most often one field, so each field's own checks are reached; otherwise
 * any number of them at once.
 */
export function fuzzedFields(schema: GraphQLSchema, mutation: string, sources: InputSources): Arbitrary<Record<string, unknown>> {
  const input = rootField(schema, "mutation", mutation).args.find((argument) => argument.name === "input");
  const type = input ? getNamedType(input.type) : null;
  if (!isInputObjectType(type)) return fc.constant({});
  const fields = Object.values(type.getFields());
  const oneField = fc.constantFrom(...fields).chain((field) => fuzzedValue(field.type, field.name, sources).map((value) => ({ [field.name]: value })));
  return fc.oneof({ arbitrary: fc.constant({}), weight: 1 }, { arbitrary: oneField, weight: 5 }, { arbitrary: inputObject(type.getFields(), sources, false), weight: 3 });
}

/** How a raw-garbage case spoils a well-formed request's variables, so that GraphQL's own validation answers. */
export type Garbage =
  | { readonly kind: "wrongType"; readonly field: string; readonly value: unknown }
  | { readonly kind: "unknownField"; readonly field: string; readonly value: unknown }
  | { readonly kind: "inputIs"; readonly value: unknown }
  | { readonly kind: "variablesAre"; readonly value: unknown };

/** A way to spoil a mutation's variables: a field of the wrong type, a field the input lacks, or input or variables that are no object. */
export function fuzzedGarbage(schema: GraphQLSchema, mutation: string): Arbitrary<Garbage> {
  const input = rootField(schema, "mutation", mutation).args.find((argument) => argument.name === "input");
  const type = input ? getNamedType(input.type) : null;
  const fields = isInputObjectType(type) ? Object.keys(type.getFields()) : [];
  const garbage: Arbitrary<Garbage>[] = [
    fc.record({ kind: fc.constant("unknownField" as const), field: fc.constantFrom("createdById", "keyworkerId", "__proto__", "constructor", "pseudonym", "x"), value: wrongTypeValue }),
    fc.record({ kind: fc.constant("inputIs" as const), value: fc.oneof(wrongTypeValue, fc.constant(undefined)) }),
    fc.record({ kind: fc.constant("variablesAre" as const), value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant("{\"input\": {}}")) }),
  ];
  if (fields.length > 0) garbage.push(fc.record({ kind: fc.constant("wrongType" as const), field: fc.constantFrom(...fields), value: wrongTypeValue }));
  return fc.oneof(...garbage);
}

/** The variables a garbage case sends in place of the well-formed `variables`. */
export function spoil(variables: Record<string, unknown>, garbage: Garbage): unknown {
  const input = (variables.input ?? {}) as Record<string, unknown>;
  switch (garbage.kind) {
    case "wrongType":
    case "unknownField":
      return { ...variables, input: { ...input, [garbage.field]: garbage.value } };
    case "inputIs":
      return { ...variables, input: garbage.value };
    case "variablesAre":
      return garbage.value;
  }
}
