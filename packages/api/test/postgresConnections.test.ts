import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresDatabase } from "../src/db/postgresDatabase.js";
import { freshDatabaseUrl, testDialects } from "./databases.js";

// Postgres only (under CI it must answer: testDialects fails the run otherwise).
const onPostgres = (await testDialects()).includes("postgres");

describe.runIf(onPostgres)("Postgres connections", () => {
  let fresh: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let database: ReturnType<typeof openPostgresDatabase>;

  beforeAll(async () => {
    fresh = await freshDatabaseUrl("postgres");
    database = openPostgresDatabase(fresh.url);
  });

  afterAll(async () => {
    await database?.close();
    await fresh?.drop();
  });

  it("run statements without JIT compilation, on every connection of the pool", async () => {
    // Several at once, so the pool opens more than one connection (reads and writes share the pool).
    const settings = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const result = await database.pool.query<{ jit: string; pid: number }>("select current_setting('jit') as jit, pg_backend_pid() as pid, pg_sleep(0.05)");
        return result.rows[0]!;
      }),
    );
    expect(new Set(settings.map((row) => row.pid)).size).toBeGreaterThan(1);
    expect(settings.map((row) => row.jit)).toEqual(["off", "off", "off", "off"]);
  });
});
