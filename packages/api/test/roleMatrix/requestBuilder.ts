import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";
import { ADULT_DOB } from "../journeySteps.js";
import type { MatrixRecords } from "./matrixRecords.js";

export type OperationType = "query" | "mutation";

/** A request ready to send: the document and its variables. */
export interface GeneratedRequest {
  readonly document: string;
  readonly variables: Record<string, unknown>;
}

/** The root field an operation name stands for; throws for a name the schema lacks. */
export function rootField(schema: GraphQLSchema, operation: OperationType, name: string): GraphQLField<unknown, unknown> {
  const root = operation === "query" ? schema.getQueryType() : schema.getMutationType();
  const field = root?.getFields()[name];
  if (!field) throw new Error(`The schema has no ${operation} field ${name}`);
  return field;
}

/** The schema's operations of one type, by name. */
export function operationNames(schema: GraphQLSchema, operation: OperationType): string[] {
  const root = operation === "query" ? schema.getQueryType() : schema.getMutationType();
  return Object.keys(root?.getFields() ?? {}).sort();
}

let sequence = 0;
const unique = () => `${process.pid}-${(sequence += 1)}`;

/** Required: non-null and without a default, so leaving it out is malformed. */
const isRequired = (input: GraphQLArgument | GraphQLInputField) => isNonNullType(input.type) && input.defaultValue === undefined;

/**
 * A string that passes the checks its field is known for: unique where the store demands it (emails, codes,
 * local references, team names), long enough where a reason must say something.
 */
function stringFor(name: string): string {
  const suffix = unique();
  if (name === "email") return `matrix-${suffix}@example.org`;
  if (name === "password") return "a long passphrase for the matrix";
  if (name === "code") return `MATRIX_${suffix.replace("-", "_")}`;
  if (name === "localReference") return `RM-${suffix}`;
  return `Role matrix request ${suffix}`;
}

/**
 * A valid value of an input type, filling only what is required: IDs from the records by the field's name,
 * today's date (an adult's date of birth for `dateOfBirth`), the first value of an enum, one element of a
 * required list, 1, false. A required ID with no record is a gap the operation's row must fill.
 */
function valueOf(type: GraphQLInputType, name: string, path: string, records: MatrixRecords): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [valueOf(inner.ofType as GraphQLInputType, name, `${path}[0]`, records)];
  if (isInputObjectType(inner)) return inputObjectOf(inner.getFields(), {}, path, records);
  if (isEnumType(inner)) return inner.getValues()[0]!.name;
  switch (inner.name) {
    case "ID": {
      const id = (records as unknown as Record<string, unknown>)[name];
      if (typeof id !== "string") throw new Error(`No record to put in the required ID ${path}: give the operation's row a value for it`);
      return id;
    }
    case "String":
      return stringFor(name);
    case "Int":
    case "Float":
      return 1;
    case "Boolean":
      return false;
    case "Date":
      return name === "dateOfBirth" ? ADULT_DOB : records.today;
    case "DateTime":
      return `${records.today}T09:00:00.000Z`;
    default:
      throw new Error(`No value generator for the scalar ${inner.name} at ${path}`);
  }
}

/** The required fields of an input object, generated, with `given` fields taking their place. */
function inputObjectOf(fields: Record<string, GraphQLInputField>, given: Record<string, unknown>, path: string, records: MatrixRecords): Record<string, unknown> {
  const unknown = Object.keys(given).filter((name) => !(name in fields));
  if (unknown.length > 0) throw new Error(`${path} has no field ${unknown.join(", ")}: the row's values are out of date`);
  const generated = Object.values(fields)
    .filter((field) => isRequired(field) && !(field.name in given))
    .map((field) => [field.name, valueOf(field.type, field.name, `${path}.${field.name}`, records)] as const);
  return { ...Object.fromEntries(generated), ...given };
}

/** The smallest selection that runs the field's resolver and shows its refusals: `__typename`, and `userErrors` where the payload has them. */
function selectionOf(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isObjectType(named) && "userErrors" in named.getFields()) return " { __typename userErrors { code field message } }";
  return isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? " { __typename }" : "";
}

/**
 * A minimal valid request for one root field. Required arguments are generated from their types; `values`
 * (from the operation's row) replace arguments by name, except for an `input` object argument, where they
 * are merged over the generated input, field by field.
 */
export function generateRequest(schema: GraphQLSchema, operation: OperationType, name: string, records: MatrixRecords, values: Record<string, unknown> = {}): GeneratedRequest {
  const field = rootField(schema, operation, name);
  const inputArgument = field.args.find((argument) => argument.name === "input");
  const inputType = inputArgument ? getNamedType(inputArgument.type) : null;
  const variables: Record<string, unknown> = {};
  if (inputArgument && isInputObjectType(inputType)) {
    variables.input = inputObjectOf(inputType.getFields(), values, `${name}.input`, records);
  } else {
    const unknown = Object.keys(values).filter((key) => !field.args.some((argument) => argument.name === key));
    if (unknown.length > 0) throw new Error(`${name} has no argument ${unknown.join(", ")}: the row's values are out of date`);
    for (const argument of field.args) {
      if (argument.name in values) variables[argument.name] = values[argument.name];
      else if (isRequired(argument)) variables[argument.name] = valueOf(argument.type, argument.name, `${name}.${argument.name}`, records);
    }
  }
  const passed = field.args.filter((argument) => argument.name in variables);
  const declarations = passed.length > 0 ? `(${passed.map((argument) => `$${argument.name}: ${String(argument.type)}`).join(", ")})` : "";
  const callArguments = passed.length > 0 ? `(${passed.map((argument) => `${argument.name}: $${argument.name}`).join(", ")})` : "";
  return { document: `${operation} RoleMatrix${declarations} { ${name}${callArguments}${selectionOf(field.type)} }`, variables };
}

/** Every input object type an operation's arguments reach, however deeply nested. */
export function inputTypesReachedBy(field: GraphQLField<unknown, unknown>): Set<string> {
  const reached = new Set<string>();
  const visit = (type: GraphQLInputType) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || reached.has(named.name)) return;
    reached.add(named.name);
    for (const inner of Object.values(named.getFields())) visit(inner.type);
  };
  for (const argument of field.args) visit(argument.type);
  return reached;
}
