import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMA_COMMAND, SCHEMA_FILE, schemaSdl } from "../scripts/schemaSdl.js";

describe("the committed SDL, packages/api/schema.graphql", () => {
  it("is the schema the resolvers build", async () => {
    const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, "utf8") : "(the file is missing)";
    expect(committed, `packages/api/schema.graphql is stale: run \`${SCHEMA_COMMAND}\` and commit the result.`).toBe(await schemaSdl());
  });
});
