import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe } from "vitest";
import type { Dialect } from "../src/db/database.js";

/** The Postgres server tests run against: the one on the development and CI machines unless told otherwise. */
export const TEST_POSTGRES_URL = process.env.WAYMARK_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

let postgresReachable: Promise<boolean> | undefined;

async function canReachPostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The dialects a suite runs on. SQLite always; Postgres when it answers. Under CI (CI=true) Postgres must
 * answer: a missing server fails the run instead of quietly testing less.
 */
export async function testDialects(): Promise<Dialect[]> {
  postgresReachable ??= canReachPostgres();
  if (await postgresReachable) return ["sqlite", "postgres"];
  if (process.env.CI === "true") throw new Error(`Postgres is required under CI and did not answer at ${TEST_POSTGRES_URL}`);
  return ["sqlite"];
}

const dialects = await testDialects();

/** Runs a describe block once per dialect, naming the dialect in the suite's title. */
export function describeEachDialect(title: string, body: (dialect: Dialect) => void): void {
  for (const dialect of dialects) describe(`${title} [${dialect}]`, () => body(dialect));
}

/** A fresh, empty database of the dialect; `drop` removes it. */
export async function freshDatabaseUrl(dialect: Dialect): Promise<{ url: string; drop: () => Promise<void> }> {
  if (dialect === "sqlite") {
    const folder = mkdtempSync(join(tmpdir(), "waymark-test-"));
    return { url: join(folder, "waymark.sqlite"), drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const name = `waymark_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
