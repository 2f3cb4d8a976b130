import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from "graphql";
import { Field, ID, InputType } from "type-graphql";
import type { IsoDate } from "@waymark/core";
import { DateScalar } from "../scalars.js";

const notAnObject = () => new GraphQLError("Variables must be a JSON object of variable names and values.", { extensions: { code: "BAD_USER_INPUT" } });

/** Any JSON object, as an export's query variables; what each variable may hold is the query's business. */
export const JsonObjectScalar = new GraphQLScalarType<Record<string, unknown>, Record<string, unknown>>({
  name: "JSON",
  description: "A JSON object, such as the variables of a GraphQL query.",
  serialize: (value) => value as Record<string, unknown>,
  parseValue: (value) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw notAnObject();
    return value as Record<string, unknown>;
  },
  parseLiteral: (ast, variables) => {
    if (ast.kind !== Kind.OBJECT) throw notAnObject();
    return valueFromASTUntyped(ast, variables) as Record<string, unknown>;
  },
});

@InputType({ description: "An export of the rows of a connection in your own GraphQL query, written to a CSV file in the background." })
export class StartExportInput {
  @Field(() => String, {
    description:
      "One GraphQL query (not a mutation) with a connection selecting `edges { node { … } }`. It runs as you, with your access, page by page of 100; `first` and `after` on the connection are set by the export.",
  })
  query!: string;

  @Field(() => JsonObjectScalar, { nullable: true, description: "The query's variables, as a JSON object." })
  variables?: Record<string, unknown> | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The response keys (aliases or field names) leading to the connection to export, e.g. ["staff"]. May be left out when the query has one connection.',
  })
  connectionPath?: string[] | null;
}

@InputType({ description: "A reporting period: calendar dates, both included." })
export class ExtractPeriodInput {
  @Field(() => DateScalar, { description: "The first day of the period." })
  from!: IsoDate;

  @Field(() => DateScalar, { description: "The last day of the period." })
  to!: IsoDate;
}

@InputType({ description: "A national-dataset-style extract of the episodes open in a period." })
export class StartNationalExtractInput {
  @Field(() => ExtractPeriodInput, { description: "The period: every episode open on at least one of its days becomes a row." })
  period!: ExtractPeriodInput;
}

@InputType({ description: "The export to cancel." })
export class CancelExportInput {
  @Field(() => ID, { description: "The export job's ID." })
  id!: string;
}
