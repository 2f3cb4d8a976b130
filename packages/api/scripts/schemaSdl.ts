import "reflect-metadata";
import { lexicographicSortSchema, printSchema } from "graphql";
import { fileURLToPath } from "node:url";
import { waymarkSchema } from "../src/graphql/schema.js";

/** Where the schema's SDL is committed, for analysts, the web app's generated types and reviewers' diffs. */
export const SCHEMA_FILE = fileURLToPath(new URL("../schema.graphql", import.meta.url));

/** The command that rewrites SCHEMA_FILE. */
export const SCHEMA_COMMAND = "pnpm --filter @waymark/api schema";

const HEADER = `# Waymark's GraphQL schema, printed from the resolvers by \`${SCHEMA_COMMAND}\`. Do not edit it by hand.\n\n`;

/**
 * The schema as SDL, types and fields sorted by name, so the file changes only when the schema does and
 * not when resolvers are registered in a different order.
 */
export async function schemaSdl(): Promise<string> {
  return `${HEADER}${printSchema(lexicographicSortSchema(await waymarkSchema()))}\n`;
}
