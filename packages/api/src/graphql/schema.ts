import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { authChecker } from "./authChecker.js";
import { RESOLVERS } from "./resolvers/index.js";
import { DateTimeScalar } from "./scalars.js";
import { readPropertiesPlainly } from "./plainFieldReads.js";
import { callResolverMethodsDirectly } from "./directResolverCalls.js";

let built: Promise<GraphQLSchema> | undefined;

/** Input is checked by core's rules and the resolvers; no class-validator. */
const VALIDATE = false;

/** Waymark's GraphQL schema. Built once per process: type-graphql's metadata is global. */
export function waymarkSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    validate: VALIDATE,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // No globalMiddlewares: readPropertiesPlainly and callResolverMethodsDirectly rely on there being none.
  }).then((schema) => callResolverMethodsDirectly(readPropertiesPlainly(schema), RESOLVERS, { validate: VALIDATE }));
  return built;
}
