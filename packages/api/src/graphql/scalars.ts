import { isIsoDate, type IsoDate } from "@waymark/core";
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

function invalidDate(value: unknown): GraphQLError {
  return new GraphQLError(`"${String(value)}" is not a real calendar date written YYYY-MM-DD.`, { extensions: { code: "BAD_USER_INPUT" } });
}

/** A calendar date with no time zone, YYYY-MM-DD (DOMAIN §3: clinical dates are calendar dates). */
export const DateScalar = new GraphQLScalarType<IsoDate, string>({
  name: "Date",
  description: "A calendar date with no time or time zone, written YYYY-MM-DD, for example 2025-03-27.",
  serialize: (value) => {
    if (!isIsoDate(value)) throw invalidDate(value);
    return value;
  },
  parseValue: (value) => {
    if (!isIsoDate(value)) throw invalidDate(value);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !isIsoDate(ast.value)) throw invalidDate(ast.kind === Kind.STRING ? ast.value : ast.kind);
    return ast.value;
  },
});

/** A moment in time, ISO 8601 in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: "A moment in time in ISO 8601 form, in UTC, for example 2025-03-27T14:05:00.000Z.",
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError("Invalid DateTime value");
    return date.toISOString();
  },
  parseValue: (value) => {
    const date = new Date(String(value));
    if (typeof value !== "string" || Number.isNaN(date.getTime())) throw new GraphQLError(`"${String(value)}" is not an ISO 8601 date and time.`, { extensions: { code: "BAD_USER_INPUT" } });
    return date;
  },
  parseLiteral: (ast) => {
    const date = ast.kind === Kind.STRING ? new Date(ast.value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new GraphQLError("DateTime must be an ISO 8601 string.", { extensions: { code: "BAD_USER_INPUT" } });
    return date;
  },
});
