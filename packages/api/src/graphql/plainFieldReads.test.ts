import "reflect-metadata";
import { graphql, type GraphQLObjectType } from "graphql";
import { Authorized, buildSchema, Field, FieldResolver, ObjectType, Query, Resolver, Root, UseMiddleware } from "type-graphql";
import { describe, expect, it } from "vitest";
import { readPropertiesPlainly } from "./plainFieldReads.js";

@ObjectType()
class Shelf {
  @Field(() => String)
  label!: string;

  @Field(() => String, { name: "shownAs" })
  internalLabel!: string;

  @Authorized("ADMIN")
  @Field(() => String)
  restricted!: string;

  @UseMiddleware(({ info }, next) => (info.fieldName === "counted" ? next() : next()))
  @Field(() => String)
  counted!: string;

  @Field(() => String)
  get upperLabel(): string {
    return this.label.toUpperCase();
  }
}

@Resolver(() => Shelf)
class ShelfResolver {
  @Query(() => Shelf)
  shelf(): Shelf {
    return Object.assign(new Shelf(), { label: "top", internalLabel: "t", restricted: "r", counted: "c" });
  }

  @FieldResolver(() => String)
  label(@Root() shelf: Shelf): string {
    return `label of ${shelf.internalLabel}`;
  }
}

@ObjectType()
class Box {
  @Field(() => String)
  name!: string;
}

@Resolver(() => Box)
class BoxResolver {
  @Query(() => Box)
  box(): Box {
    return { name: "b" };
  }
}

describe("fields that only read a property are left to GraphQL's default read (graphql/plainFieldReads.ts)", async () => {
  const schema = readPropertiesPlainly(await buildSchema({ resolvers: [ShelfResolver, BoxResolver], authChecker: () => false, validate: false }));
  const fields = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();

  it("drops type-graphql's resolver where it only returns the property", () => {
    expect(fields("Box").name?.resolve).toBeUndefined();
  });

  it("keeps it for a resolver method, a getter, an @Authorized rule, a middleware and a renamed field", () => {
    const shelf = fields("Shelf");
    for (const name of ["label", "upperLabel", "restricted", "counted", "shownAs"]) expect(shelf[name]?.resolve, name).toBeTypeOf("function");
  });

  it("still refuses the @Authorized field and answers the rest as before", async () => {
    const refused = await graphql({ schema, source: "{ shelf { restricted } }", contextValue: {} });
    expect(refused.data).toBeNull();
    expect(refused.errors?.map((error) => error.path)).toEqual([["shelf", "restricted"]]);
    const allowed = await graphql({ schema, source: "{ box { name } shelf { label shownAs counted upperLabel } }", contextValue: {} });
    expect(allowed).toEqual({ data: { box: { name: "b" }, shelf: { label: "label of t", shownAs: "t", counted: "c", upperLabel: "TOP" } } });
  });
});
