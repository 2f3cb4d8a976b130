import { serialize as serializeCookie } from "cookie";
import type { Request, Response } from "express";
import { ReadAudit } from "../audit/auditLog.js";
import { CSRF_COOKIE, SESSION_COOKIE } from "../auth/sessions.js";
import type { Clock } from "../clock.js";
import type { Database } from "../db/database.js";
import type { Viewer } from "../auth/viewer.js";
import type { RequestContext, SessionCookies } from "./context.js";
import { createLoaders } from "./loaders.js";

export interface RequestContextOptions {
  readonly database: Database;
  readonly clock: Clock;
  /** Mark the session cookies Secure. */
  readonly secureCookies: boolean;
}

/** Who asks and from where, for one request's context. */
export interface RequestOrigin {
  readonly viewer: Viewer | null;
  readonly fromAddress: string | null;
  readonly requestId: string;
  readonly cookies: SessionCookies;
}

/** A request's context: fresh loaders, and its reads audited as the viewer's from their address. */
export function requestContext(database: Database, clock: Clock, { viewer, fromAddress, requestId, cookies }: RequestOrigin): RequestContext {
  return {
    database,
    viewer,
    clock,
    today: clock.today(),
    fromAddress,
    requestId,
    readAudit: new ReadAudit({ actorId: viewer?.staffId ?? null, fromAddress }),
    loaders: createLoaders(database),
    cookies,
  };
}

/**
 * Builds each GraphQL request's context, after sign-in has put the viewer (or null) in `response.locals`.
 * Apollo and the direct answers of repeated queries (repeatedQueries.ts) build it the same way.
 */
export function requestContextFactory({ database, clock, secureCookies }: RequestContextOptions) {
  const cookieOptions = { path: "/", sameSite: "strict" as const, secure: secureCookies };
  return (request: Request, response: Response): RequestContext =>
    requestContext(database, clock, {
      viewer: response.locals.viewer ?? null,
      fromAddress: request.ip ?? null,
      requestId: response.locals.requestId as string,
      cookies: {
        set(sessionToken, csrfToken, expiresAt) {
          response.append("Set-Cookie", serializeCookie(SESSION_COOKIE, sessionToken, { ...cookieOptions, httpOnly: true, expires: expiresAt }));
          response.append("Set-Cookie", serializeCookie(CSRF_COOKIE, csrfToken, { ...cookieOptions, httpOnly: false, expires: expiresAt }));
        },
        clear() {
          response.append("Set-Cookie", serializeCookie(SESSION_COOKIE, "", { ...cookieOptions, httpOnly: true, maxAge: 0 }));
          response.append("Set-Cookie", serializeCookie(CSRF_COOKIE, "", { ...cookieOptions, httpOnly: false, maxAge: 0 }));
        },
      },
    });
}
