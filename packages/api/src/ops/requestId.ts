import { randomUUID } from "node:crypto";
import type { Request } from "express";

/** The header a request ID travels in, both ways. */
export const REQUEST_ID_HEADER = "x-request-id";

/**
 * What an incoming request ID may look like: letters, digits and `. _ : -`, at most 128 of them. Anything else
 * (spaces, line breaks, quotes, an overlong value) could forge or break log lines, so it is replaced.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's ID: the one a reverse proxy or client sent in X-Request-Id when it is sane, otherwise a new
 * UUID. One ID ties the proxy's log line, Waymark's log line and the caller's report of a problem together.
 */
export function requestIdOf(request: Request): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
