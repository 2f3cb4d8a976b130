import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";
import { describe, expect, it } from "vitest";
import { waymarkSchema } from "../src/graphql/schema.js";

const described = (description: string | null | undefined): boolean => Boolean(description?.trim());

/**
 * A mutation's single `input` argument is documented by its input type: every mutation takes one, so a
 * description on each would only repeat the type's.
 */
const describedArgument = (argument: GraphQLArgument): boolean => {
  const type = getNamedType(argument.type);
  return described(argument.description) || (argument.name === "input" && isInputObjectType(type) && described(type.description));
};

/** Every place in `schema` an analyst would look for a description and find none, as `Type.field(argument:)`. */
function undocumented(schema: GraphQLSchema): string[] {
  // The root types are the schema's entry points, named by the GraphQL spec; their fields carry the documentation.
  const roots = new Set<GraphQLNamedType | null | undefined>([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!roots.has(type) && !described(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const argument of field.args) if (!describedArgument(argument)) missing.push(`${type.name}.${field.name}(${argument.name}:)`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

describe("the schema documents itself, for analysts who write queries by hand", () => {
  it("describes every type, field, argument, input field and enum value", async () => {
    expect(undocumented(await waymarkSchema())).toEqual([]);
  });
});
