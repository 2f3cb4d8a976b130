import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { fixedClock } from "../src/clock.js";
import type { Database, Dialect } from "../src/db/database.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { createHttpApp } from "../src/httpApp.js";
import { createLogger } from "../src/logger.js";
import type { Readiness } from "../src/ops/readiness.js";
import { ensureReferenceData } from "../src/services/bootstrap.js";
import { freshDatabaseUrl } from "./databases.js";
import { createOrganisation, type Organisation } from "./fixtures.js";
import { GraphQLClient } from "./graphqlClient.js";

/** The built web app's files as the tests' web root holds them: the page, one hashed asset and GraphiQL. */
export const WEB_ASSET_PATH = "/assets/app-3f9a2c.js";

/** The real HTTP app on a fresh database with the test organisation, logging everything at debug level into memory. */
export interface LoggedServer {
  readonly url: string;
  readonly server: Server;
  readonly database: Database;
  readonly databaseUrl: string;
  readonly readiness: Readiness;
  readonly organisation: Organisation;
  readonly stopApollo: () => Promise<void>;
  /** Drops the test database (close does it too). */
  readonly dropDatabase: () => Promise<void>;
  /** Every log line written so far, parsed. */
  logLines(): Record<string, unknown>[];
  /** A client with its own cookie jar, not signed in. */
  client(): GraphQLClient;
  /** How many requests have been answered without Apollo, as repeated queries (graphql/repeatedQueries.ts). */
  answeredDirectly(): number;
  /** Everything the server has logged so far, exactly as written. */
  logText(): string;
  /** Stops the HTTP server and Apollo; closes the database unless a test already did. */
  close(): Promise<void>;
}

function builtWebRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "waymark-web-"));
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "index.html"), "<!doctype html><title>Waymark</title><script type=module src=/assets/app-3f9a2c.js></script>\n");
  writeFileSync(join(root, WEB_ASSET_PATH), "console.log('waymark');\n");
  writeFileSync(join(root, "graphiql.html"), "<!doctype html><title>GraphiQL</title>\n");
  return root;
}

export async function startLoggedServer(dialect: Dialect): Promise<LoggedServer> {
  const { url: databaseUrl, drop } = await freshDatabaseUrl(dialect);
  const database = await openDatabase(databaseUrl);
  const clock = fixedClock("2025-06-02");
  await ensureReferenceData(database, clock.now());
  const organisation = await createOrganisation(database);
  let written = "";
  const capture = new Writable({
    write(chunk, _encoding, done) {
      written += String(chunk);
      done();
    },
  });
  const logger = createLogger("debug", capture);
  const { app, apollo, readiness, repeatedQueries } = await createHttpApp({ database, clock, logger, webRoot: builtWebRoot(), secureCookies: false });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    database,
    databaseUrl,
    readiness,
    organisation,
    stopApollo: () => apollo.stop(),
    dropDatabase: drop,
    client: () => new GraphQLClient(url),
    answeredDirectly: () => repeatedQueries.answered(),
    logText: () => written,
    logLines: () =>
      written
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await database.close().catch(() => undefined);
      await drop();
    },
  };
}
