import type { NonEmptyArray } from "type-graphql";
import { AuthResolver } from "./auth.resolver.js";
import { NodeResolver } from "./node.resolver.js";

/** Every resolver class of the schema. */
export const RESOLVERS: NonEmptyArray<Function> = [NodeResolver, AuthResolver];
