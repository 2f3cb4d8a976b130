import { Router, type Request, type Response } from "express";
import type { Logger } from "../logger.js";
import type { Readiness } from "./readiness.js";
import { REQUEST_ID_HEADER, requestIdOf } from "./requestId.js";

/** Probes are polled every few seconds; their lines would drown the log at info level. */
const PROBE_PATHS = new Set(["/healthz", "/readyz"]);

/** The request's path without its query string: a GET query string can carry GraphQL variables. */
function pathOf(request: Request): string {
  const url = request.originalUrl;
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/** One log line per request, once it is answered or abandoned: what was asked, the outcome and how long it took. */
function logWhenDone(request: Request, response: Response, logger: Logger, started: bigint): void {
  const path = pathOf(request);
  let logged = false;
  const done = (aborted: boolean) => {
    if (logged) return;
    logged = true;
    const line = {
      requestId: response.locals.requestId as string,
      method: request.method,
      path,
      status: response.statusCode,
      durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      remoteAddress: request.ip,
    };
    if (aborted) logger.warn(line, "request abandoned before it was answered");
    else if (response.statusCode >= 500) logger.error(line, "request failed");
    else if (PROBE_PATHS.has(path)) logger.debug(line, "probe answered");
    else logger.info(line, "request answered");
  };
  response.once("finish", () => done(false));
  response.once("close", () => done(!response.writableFinished));
}

/**
 * The operational side of every request, mounted before anything else: a request ID (echoed in X-Request-Id
 * and stored in `response.locals.requestId`), a structured log line, `Connection: close` while the server
 * drains so keep-alive clients reconnect elsewhere, and the /healthz and /readyz probes.
 *
 * Only the method, path, status, timing and address are logged: never headers, bodies, GraphQL variables or
 * results, which carry credentials and personal data.
 */
export function operationalRoutes(logger: Logger, readiness: Readiness): Router {
  const router = Router();
  router.use((request, response, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(request);
    response.locals.requestId = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    if (readiness.isStopping) response.setHeader("connection", "close");
    logWhenDone(request, response, logger, started);
    next();
  });
  // The process is up and answering HTTP; says nothing about the database, so a restart is not triggered by it.
  router.get("/healthz", (_request, response) => void response.json({ status: "ok" }));
  router.get("/readyz", async (_request, response) => {
    const report = await readiness.check();
    response.status(report.ready ? 200 : 503).json({ status: report.status });
  });
  return router;
}
