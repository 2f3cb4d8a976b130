import "reflect-metadata";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixedClock, type Clock } from "../src/clock.js";
import type { Database, Dialect } from "../src/db/database.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { createHttpApp } from "../src/httpApp.js";
import { createLogger } from "../src/logger.js";
import { ensureReferenceData } from "../src/services/bootstrap.js";
import { freshDatabaseUrl } from "./databases.js";
import { GraphQLClient } from "./graphqlClient.js";

export interface TestServer {
  readonly url: string;
  readonly database: Database;
  readonly clock: Clock & { set(today: string): void };
  /** How many requests have been answered without Apollo, as repeated queries (graphql/repeatedQueries.ts). */
  answeredDirectly(): number;
  /** A client with its own cookie jar, not signed in. */
  client(): GraphQLClient;
  close(): Promise<void>;
}

/** A settable clock: tests move "today" to exercise schedules. */
function settableClock(today: string): Clock & { set(today: string): void } {
  let current = fixedClock(today);
  return { now: () => current.now(), today: () => current.today(), set: (next) => (current = fixedClock(next)) };
}

export interface TestServerOptions {
  /**
   * How many times a query document is answered by graphql-js before it is compiled. None by default: a test
   * sends most documents once, and the compiled path is the one that answers the pages all day, so that is
   * the path the suites exercise. compiledPages.test.ts checks that the first answers, from graphql-js, agree.
   */
  readonly answersBeforeCompiling?: number;
}

/**
 * Starts the real HTTP server on a fresh database of `dialect`, on a free loopback port. Tests talk to it
 * over HTTP like any client.
 */
export async function startTestServer(dialect: Dialect, today = "2025-06-02", options: TestServerOptions = {}): Promise<TestServer> {
  const { url: databaseUrl, drop } = await freshDatabaseUrl(dialect);
  const database = await openDatabase(databaseUrl);
  const clock = settableClock(today);
  await ensureReferenceData(database, clock.now());
  const webRoot = mkdtempSync(join(tmpdir(), "waymark-web-"));
  const { app, apollo, repeatedQueries } = await createHttpApp({ database, clock, logger: createLogger("silent"), webRoot, secureCookies: false, answersBeforeCompiling: options.answersBeforeCompiling ?? 0 });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    database,
    clock,
    answeredDirectly: () => repeatedQueries.answered(),
    client: () => new GraphQLClient(url),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await database.close();
      await drop();
    },
  };
}
