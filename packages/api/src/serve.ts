import type { Server } from "node:http";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import { openDatabase } from "./db/openDatabase.js";
import { createHttpApp } from "./httpApp.js";
import type { Logger } from "./logger.js";
import { ensureReferenceData } from "./services/bootstrap.js";

/** Opens the database, applies migrations and serves until SIGINT or SIGTERM, then drains and closes. */
export async function serve(config: Config, logger: Logger, clock: Clock): Promise<Server> {
  const database = await openDatabase(config.databaseUrl);
  await ensureReferenceData(database, clock.now());
  const { app, apollo } = await createHttpApp({ database, clock, logger, webRoot: config.webRoot, secureCookies: config.secureCookies });
  const server = app.listen(config.port, config.host, () => {
    const shown = config.host === "0.0.0.0" ? "localhost" : config.host;
    logger.info({ port: config.port, database: database.dialect }, `Waymark is running at http://${shown}:${config.port}/`);
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing requests in progress");
    server.close();
    await apollo.stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  return server;
}
