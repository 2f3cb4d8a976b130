import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/database.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { countStatements, statementCountingWanted } from "../src/ops/statementCounting.js";
import { describeEachDialect, freshDatabaseUrl } from "./databases.js";

/**
 * Issue 6, point 2: the benchmark reads the SQL statements each request cost from a Server-Timing header,
 * which the server sends only when WAYMARK_COUNT_STATEMENTS=true.
 */
describeEachDialect("Statements per request in Server-Timing (issue 6, point 2)", (dialect) => {
  let database: Database;
  let server: Server;
  let url: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshDatabaseUrl(dialect);
    drop = fresh.drop;
    database = await openDatabase(fresh.url);
    const app = express();
    app.use(countStatements(database));
    app.get("/three", async (_request, response) => {
      for (let n = 0; n < 3; n += 1) await database.read.select().from(database.tables.teams);
      response.json({ ok: true });
    });
    app.get("/none", (_request, response) => void response.json({ ok: true }));
    server = await new Promise((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
    await drop();
  });

  it("reports the statements a request ran, counted from its arrival to its answer", async () => {
    const three = await fetch(`${url}/three`);
    expect(three.headers.get("server-timing")).toBe('db;desc="statements";dur=3');
    const none = await fetch(`${url}/none`);
    expect(none.headers.get("server-timing")).toBe('db;desc="statements";dur=0');
  });

  it("is on only when WAYMARK_COUNT_STATEMENTS is true", () => {
    expect(statementCountingWanted({ WAYMARK_COUNT_STATEMENTS: "true" })).toBe(true);
    expect(statementCountingWanted({ WAYMARK_COUNT_STATEMENTS: "1" })).toBe(false);
    expect(statementCountingWanted({})).toBe(false);
  });
});
