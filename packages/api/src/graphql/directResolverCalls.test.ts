import "reflect-metadata";
import { graphql, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { Arg, Args, ArgsType, Authorized, buildSchema, Ctx, Field, FieldResolver, Info, InputType, Int, ObjectType, Query, Resolver, Root, UseMiddleware } from "type-graphql";
import { describe, expect, it } from "vitest";
import { callResolverMethodsDirectly } from "./directResolverCalls.js";

@ObjectType()
class Parcel {
  @Field(() => String)
  label!: string;

  grams!: number;

  kilograms(): number {
    return this.grams / 1000;
  }
}

const middlewareCalls: string[] = [];

@InputType()
class Destination {
  @Field(() => String)
  city!: string;
}

/** A page's arguments, as PageArgs holds them: scalars only. */
@ArgsType()
class Window {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** Arguments with an input type among them, which type-graphql makes an instance of its class. */
@ArgsType()
class Routed extends Window {
  @Field(() => Destination, { nullable: true })
  to?: Destination | null;
}

/** What a resolver sees of its arguments: their class, their own keys and their values. */
const described = (value: object, ofClass: abstract new () => unknown) => `${value instanceof ofClass}:${Object.keys(value).join(",")}:${JSON.stringify(value)}`;

@Resolver(() => Parcel)
class ParcelResolver {
  @Query(() => [Parcel])
  parcels(): Parcel[] {
    return [Object.assign(new Parcel(), { label: "a", grams: 1500 }), Object.assign(new Parcel(), { label: "b", grams: 250 })];
  }

  @FieldResolver(() => Number)
  weight(@Root() parcel: Parcel, @Ctx() context: { unit: string }, @Info() info: { fieldName: string }): number {
    return context.unit === "kg" && info.fieldName === "weight" ? parcel.kilograms() : parcel.grams;
  }

  @FieldResolver(() => String)
  labelOnly(@Root("label") label: string): string {
    return label.toUpperCase();
  }

  @Authorized("ADMIN")
  @FieldResolver(() => String, { nullable: true })
  sender(): string {
    return "someone";
  }

  @UseMiddleware(({ info }, next) => {
    middlewareCalls.push(info.fieldName);
    return next();
  })
  @FieldResolver(() => String)
  traced(@Root() parcel: Parcel): string {
    return parcel.label;
  }

  @FieldResolver(() => String)
  addressed(@Root() parcel: Parcel, @Arg("to", () => String) to: string): string {
    return `${parcel.label} to ${to}`;
  }

  @FieldResolver(() => String)
  windowed(@Root() parcel: Parcel, @Args(() => Window) window: Window): string {
    return `${parcel.label}:${described(window, Window)}`;
  }

  @FieldResolver(() => String)
  routed(@Args(() => Routed) routed: Routed): string {
    return `${described(routed, Routed)}:${routed.to instanceof Destination}`;
  }

  @FieldResolver(() => String)
  destined(@Arg("to", () => Destination) to: Destination): string {
    return described(to, Destination);
  }
}

@ObjectType()
class Crate {
  @Field(() => String)
  name!: string;
}

/** Holds state in its instance: type-graphql's own instance must answer. */
@Resolver(() => Crate)
class CrateResolver {
  private answered = 0;

  @Query(() => Crate)
  crate(): Crate {
    return Object.assign(new Crate(), { name: "crate" });
  }

  @FieldResolver(() => Number)
  answeredBefore(): number {
    return this.answered++;
  }
}

@ObjectType()
class Envelope {
  @Field(() => String)
  name!: string;

  /** Only an instance has it: a resolver that calls it fails on a plain object. */
  shout(): string {
    return this.name.toUpperCase();
  }
}

/**
 * A root parameter declared as a class, which type-graphql reads from the compiler's design types (TypeScript's
 * emitDecoratorMetadata; Waymark's build emits none): type-graphql makes a plain root an instance of it. Declared
 * by hand here, as the compiler would, since the tests' compiler does not emit them either.
 */
class EnvelopeResolver {
  envelopes(): Envelope[] {
    return [Object.assign(new Envelope(), { name: "kept" }), { name: "plain" } as Envelope];
  }

  shouted(envelope: Envelope): string {
    return envelope.shout();
  }
}
Reflect.defineMetadata("design:paramtypes", [Envelope], EnvelopeResolver.prototype, "shouted");
Root()(EnvelopeResolver.prototype, "shouted", 0);
FieldResolver(() => String)(EnvelopeResolver.prototype, "shouted", Object.getOwnPropertyDescriptor(EnvelopeResolver.prototype, "shouted") as PropertyDescriptor);
Query(() => [Envelope])(EnvelopeResolver.prototype, "envelopes", Object.getOwnPropertyDescriptor(EnvelopeResolver.prototype, "envelopes") as PropertyDescriptor);
Resolver(() => Envelope)(EnvelopeResolver);

const RESOLVERS = [ParcelResolver, CrateResolver, EnvelopeResolver] as const;
const built = () => buildSchema({ resolvers: [...RESOLVERS], authChecker: () => false, validate: false });
const resolveFunctions = (schema: GraphQLSchema, type: string) => Object.fromEntries(Object.entries((schema.getType(type) as GraphQLObjectType).getFields()).map(([name, field]) => [name, field.resolve]));

describe("resolver methods called directly where type-graphql would only pass them through (graphql/directResolverCalls.ts)", async () => {
  const asBuilt = await built();
  const direct = await built();
  const before = { Parcel: resolveFunctions(direct, "Parcel"), Crate: resolveFunctions(direct, "Crate"), Envelope: resolveFunctions(direct, "Envelope") };
  callResolverMethodsDirectly(direct, RESOLVERS, { validate: false });
  const changed = (type: keyof typeof before) => Object.entries(resolveFunctions(direct, type)).filter(([name, resolve]) => resolve !== before[type][name]).map(([name]) => name);

  it("calls a method directly when its parameters are the root, the context, the info, or unvalidated arguments of scalars", () => {
    expect(changed("Parcel").sort()).toEqual(["addressed", "labelOnly", "weight", "windowed"]);
    expect(changed("Envelope")).toEqual(["shouted"]);
  });

  it("keeps type-graphql's handler for an @Authorized rule, a middleware, an argument of an input type and a resolver class that holds state", () => {
    expect(changed("Crate")).toEqual([]);
    expect(changed("Parcel")).not.toContain("routed");
    expect(changed("Parcel")).not.toContain("destined");
  });

  it("keeps type-graphql's handler for every field with arguments when they are validated", async () => {
    const validated = await built();
    const asItWas = resolveFunctions(validated, "Parcel");
    callResolverMethodsDirectly(validated, RESOLVERS, { validate: true });
    const nowDirect = Object.entries(resolveFunctions(validated, "Parcel")).filter(([name, resolve]) => resolve !== asItWas[name]).map(([name]) => name);
    expect(nowDirect.sort()).toEqual(["labelOnly", "weight"]);
  });

  it("answers what type-graphql answers: the same data, refusals and middleware calls", async () => {
    const source = `{
      parcels {
        label weight labelOnly traced addressed(to: "Leeds") sender
        windowed(first: 2) afterOnly: windowed(after: "c1") both: windowed(first: 1, after: null) neither: windowed
        routed(first: 3, to: { city: "York" }) destined(to: { city: "Hull" })
      }
      envelopes { shouted }
      crate { answeredBefore }
    }`;
    const run = async (schema: GraphQLSchema) => {
      middlewareCalls.length = 0;
      const answer = await graphql({ schema, source, contextValue: { unit: "kg" } });
      return { answer: JSON.parse(JSON.stringify(answer)) as unknown, middlewareCalls: [...middlewareCalls] };
    };
    const fromDirect = await run(direct);
    expect(fromDirect).toEqual(await run(asBuilt));
    expect(fromDirect.answer).toMatchObject({
      data: {
        parcels: [
          {
            label: "a",
            weight: 1.5,
            labelOnly: "A",
            traced: "a",
            addressed: "a to Leeds",
            sender: null,
            // An instance of the arguments' class, holding only the arguments given (null ones included).
            windowed: 'a:true:first:{"first":2}',
            afterOnly: 'a:true:after:{"after":"c1"}',
            both: 'a:true:first,after:{"first":1,"after":null}',
            neither: "a:true::{}",
            routed: 'true:first,to:{"first":3,"to":{"city":"York"}}:true',
            destined: 'true:city:{"city":"Hull"}',
          },
          { label: "b", weight: 0.25, labelOnly: "B", traced: "b", addressed: "b to Leeds", sender: null, windowed: 'b:true:first:{"first":2}' },
        ],
        // A plain root is left to type-graphql's handler, which makes it an Envelope, so its method is there to call.
        envelopes: [{ shouted: "KEPT" }, { shouted: "PLAIN" }],
        crate: { answeredBefore: 0 },
      },
    });
    expect((fromDirect.answer as { errors: { path: unknown }[] }).errors.map((error) => error.path)).toEqual([
      ["parcels", 0, "sender"],
      ["parcels", 1, "sender"],
    ]);
    expect(fromDirect.middlewareCalls).toEqual(["traced", "traced"]);
  });
});
