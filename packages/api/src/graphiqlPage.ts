import { parse as parseCookies } from "cookie";
import type { Request, Response } from "express";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { authenticate, SESSION_COOKIE } from "./auth/sessions.js";
import type { Clock } from "./clock.js";
import type { Database } from "./db/database.js";

/** Where anonymous visitors are sent: the web app's sign-in page. */
export const SIGN_IN_PATH = "/sign-in";

/**
 * The GraphiQL page's content security policy: Waymark's own, plus `font-src data:` because GraphiQL's
 * stylesheet carries its fonts inline as data: URIs. Everything else still comes from this server only, and
 * GraphiQL needs neither eval nor workers.
 */
export const GRAPHIQL_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

/** What a visitor who is not signed in sees if their browser does not follow the redirect. */
const SIGN_IN_PAGE = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Sign in to use GraphiQL – Waymark</title></head>
<body><main><h1>Sign in to use GraphiQL</h1><p><a href="${SIGN_IN_PATH}">Sign in to Waymark</a>, then open GraphiQL again.</p></main></body>
</html>
`;

export interface GraphiQLPageOptions {
  readonly database: Database;
  readonly clock: Clock;
  /** The built web app's folder, which holds graphiql.html beside index.html. */
  readonly webRoot: string;
}

/**
 * Serves GraphiQL (built by the web package as graphiql.html) to signed-in staff, and sends anyone else to sign
 * in. The page itself holds no data: every query it sends goes through /graphql, where the schema and the data
 * layer decide what the viewer may see. Only a browser session counts here, since a page load carries no token.
 */
export function graphiqlPageHandler(options: GraphiQLPageOptions) {
  const pagePath = join(options.webRoot, "graphiql.html");
  return async (request: Request, response: Response): Promise<void> => {
    const cookies = parseCookies(request.headers.cookie ?? "");
    const session = await authenticate(
      options.database,
      { sessionToken: cookies[SESSION_COOKIE] ?? null, bearerToken: null, csrfToken: null, needsCsrf: false },
      options.clock.now(),
    );
    // Whether someone is signed in decides the answer, so no cache may keep it for another visitor.
    response.setHeader("cache-control", "no-store");
    response.setHeader("vary", "cookie");
    if (session.kind !== "SIGNED_IN") {
      response.status(303).location(SIGN_IN_PATH).type("html").send(SIGN_IN_PAGE);
      return;
    }
    let page: string;
    try {
      page = await readFile(pagePath, "utf8");
    } catch {
      response.status(404).type("text/plain").send("GraphiQL has not been built: build the web package.");
      return;
    }
    response.setHeader("content-security-policy", GRAPHIQL_CONTENT_SECURITY_POLICY);
    response.status(200).type("html").send(page);
  };
}
