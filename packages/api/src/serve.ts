import type { Server } from "node:http";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import { openDatabase } from "./db/openDatabase.js";
import { createHttpApp } from "./httpApp.js";
import type { Logger } from "./logger.js";
import { drainAndClose } from "./ops/gracefulShutdown.js";
import { ensureReferenceData } from "./services/bootstrap.js";

/** Resolves once the server listens; rejects when it cannot (the port is taken, the address is wrong). */
function listening(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
}

/**
 * Opens the database, applies migrations and serves until SIGINT or SIGTERM. On either signal it reports not
 * ready, stops accepting connections, lets requests in progress finish (up to the configured timeout), closes
 * the database and exits 0.
 */
export async function serve(config: Config, logger: Logger, clock: Clock): Promise<Server> {
  const database = await openDatabase(config.databaseUrl);
  await ensureReferenceData(database, clock.now());
  const { app, apollo, readiness } = await createHttpApp({ database, clock, logger, webRoot: config.webRoot, secureCookies: config.secureCookies, exportFolder: config.exportFolder });
  const server = app.listen(config.port, config.host);
  await listening(server);
  const shown = config.host === "0.0.0.0" ? "localhost" : config.host;
  logger.info({ port: config.port, host: config.host, database: database.dialect }, `Waymark is running at http://${shown}:${config.port}/`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, "stopping: finishing requests in progress");
    try {
      const { drained } = await drainAndClose({
        server,
        readiness,
        logger,
        timeoutMs: config.shutdownTimeoutMs,
        closeAfterDrain: [() => apollo.stop(), () => database.close()],
      });
      logger.info({ drained }, "stopped");
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "stopping failed");
      process.exit(1);
    }
  };
  process.on("SIGINT", (signal) => void stop(signal));
  process.on("SIGTERM", (signal) => void stop(signal));
  return server;
}
