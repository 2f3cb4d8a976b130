import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { SCHEMA_FILE, schemaSdl } from "./schemaSdl.js";

// Writes packages/api/schema.graphql from the resolvers; test/schemaFile.test.ts fails while it is stale.
writeFileSync(SCHEMA_FILE, await schemaSdl());
console.log(`Wrote ${SCHEMA_FILE}`);
