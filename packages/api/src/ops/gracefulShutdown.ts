import type { Server } from "node:http";
import type { Logger } from "../logger.js";
import type { Readiness } from "./readiness.js";

/** How often connections that have gone idle during the drain are closed. */
const IDLE_SWEEP_MS = 50;

export interface ShutdownOptions {
  readonly server: Server;
  readonly readiness: Readiness;
  readonly logger: Logger;
  /** How long requests in progress may take to finish before their connections are closed. */
  readonly timeoutMs: number;
  /** Run in order once requests have drained: the GraphQL server, then the database. */
  readonly closeAfterDrain: readonly (() => Promise<void>)[];
}

/** What the shutdown found. */
export interface ShutdownOutcome {
  /** True when every request in progress finished within the timeout. */
  readonly drained: boolean;
}

/**
 * Stops a server without dropping work: reports not ready, stops accepting connections, lets requests in
 * progress finish (closing idle keep-alive connections at once), and after `timeoutMs` closes whatever is
 * still open. Only then are the GraphQL server and the database closed, so no answered write is cut short.
 */
export async function drainAndClose(options: ShutdownOptions): Promise<ShutdownOutcome> {
  const { server, readiness, logger, timeoutMs } = options;
  readiness.markStopping();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A keep-alive connection goes idle once its request is answered; close those as they appear, not only now.
  server.closeIdleConnections();
  const sweeper = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const drained = (await Promise.race([closed.then(() => "drained" as const), timedOut])) === "drained";
  clearTimeout(timer);
  clearInterval(sweeper);
  if (!drained) {
    logger.warn({ timeoutMs }, "requests still in progress after the shutdown timeout; closing their connections");
    server.closeAllConnections();
    await closed;
  }
  for (const close of options.closeAfterDrain) await close();
  return { drained };
}
