import "reflect-metadata";
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fixedClock } from "../src/clock.js";
import type { Database } from "../src/db/database.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { GRAPHIQL_CONTENT_SECURITY_POLICY } from "../src/graphiqlPage.js";
import { createHttpApp } from "../src/httpApp.js";
import { createLogger } from "../src/logger.js";
import { ensureReferenceData } from "../src/services/bootstrap.js";
import { describeEachDialect, freshDatabaseUrl } from "./databases.js";
import { createOrganisation, PASSWORD, type Organisation } from "./fixtures.js";

/** The web package's build, which holds graphiql.html and its assets: the page this suite checks is the real one. */
const builtWebApp = resolve(dirname(fileURLToPath(import.meta.url)), "../../web/dist");

/** Signs in over /graphql and returns the browser's cookies for the session, as a Cookie header. */
async function sessionCookieOf(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation ($input: LoginInput!) { login(input: $input) { csrfToken } }`, variables: { input: { email, password: PASSWORD } } }),
  });
  const cookies = response.headers.getSetCookie().map((header) => header.split(";")[0]);
  if (cookies.length === 0) throw new Error(`Sign-in refused for ${email}`);
  return cookies.join("; ");
}

/** The same-origin files a page loads: scripts, stylesheets and module preloads named in its HTML. */
function assetsOf(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? "");
}

/** Chunks a built script or stylesheet pulls in, by the file names Vite gives them. */
function chunksOf(code: string): string[] {
  return [...code.matchAll(/(?:\.\/|\/?assets\/)([\w.-]+\.(?:js|css))\b/g)].map((match) => `/assets/${match[1]}`);
}

/** Any place a script or stylesheet would load something from another origin. */
const EXTERNAL_LOAD = /(?:\bimport\s*\(\s*|\bfrom\s*|importScripts\s*\(\s*|new\s+(?:Shared)?Worker\s*\(\s*|\bfetch\s*\(\s*|@import\s+|url\(\s*)["']?(?:https?:)?\/\//;

describeEachDialect("GraphiQL at /graphiql", (dialect) => {
  let server: Server;
  let database: Database;
  let drop: () => Promise<void>;
  let stopApollo: () => Promise<void>;
  let baseUrl: string;
  let organisation: Organisation;

  beforeAll(async () => {
    if (!existsSync(resolve(builtWebApp, "graphiql.html"))) throw new Error(`GraphiQL is not built at ${builtWebApp}: run pnpm --filter @waymark/web build first.`);
    const fresh = await freshDatabaseUrl(dialect);
    drop = fresh.drop;
    database = await openDatabase(fresh.url);
    const clock = fixedClock("2025-06-02");
    await ensureReferenceData(database, clock.now());
    organisation = await createOrganisation(database, clock.now());
    const { app, apollo } = await createHttpApp({ database, clock, logger: createLogger("silent"), webRoot: builtWebApp, secureCookies: false });
    stopApollo = () => apollo.stop();
    server = await new Promise((done) => {
      const listening = app.listen(0, "127.0.0.1", () => done(listening));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    await stopApollo();
    await database.close();
    await drop();
  });

  const open = (path: string, cookie?: string) => fetch(`${baseUrl}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });

  it("serves the GraphiQL page to a signed-in analyst, with security headers that keep everything on this server", async () => {
    const cookie = await sessionCookieOf(baseUrl, organisation.staff.analyst.email);
    const response = await open("/graphiql", cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toBe(GRAPHIQL_CONTENT_SECURITY_POLICY);
    expect(response.headers.get("content-security-policy")).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const page = await response.text();
    expect(page).toContain('<main id="graphiql"');
    expect(page).toMatch(/<script type="module"[^>]* src="\/assets\/graphiql-[\w-]+\.js"/);
  });

  it("serves it to any signed-in member of staff, since the schema decides what each may query", async () => {
    const cookie = await sessionCookieOf(baseUrl, organisation.staff.keyworker.email);
    expect((await open("/graphiql", cookie)).status).toBe(200);
  });

  it("sends an anonymous visitor to the web app's sign-in page, with a link to it and nothing of GraphiQL", async () => {
    for (const path of ["/graphiql", "/graphiql/", "/graphiql.html"]) {
      const response = await open(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get("location"), path).toBe("/sign-in");
      expect(response.headers.get("cache-control"), path).toBe("no-store");
      const body = await response.text();
      expect(body, path).toContain('<a href="/sign-in">');
      expect(body, path).not.toContain("/assets/");
    }
  });

  it("sends a visitor whose session cookie is unknown or signed out to sign in", async () => {
    expect((await open("/graphiql", "waymark_session=not-a-real-session")).headers.get("location")).toBe("/sign-in");
    const cookie = await sessionCookieOf(baseUrl, organisation.staff.analyst.email);
    const csrf = /waymark_csrf=([^;]+)/.exec(cookie)?.[1] ?? "";
    await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": decodeURIComponent(csrf) },
      body: JSON.stringify({ query: "mutation { logout { signedOut } }" }),
    });
    expect((await open("/graphiql", cookie)).status).toBe(303);
  });

  it("references no external URL: every script, stylesheet and chunk the page loads comes from this server", async () => {
    const cookie = await sessionCookieOf(baseUrl, organisation.staff.analyst.email);
    const page = await (await open("/graphiql", cookie)).text();
    expect(page).not.toMatch(/https?:\/\//);
    const pending = assetsOf(page);
    expect(pending.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    while (pending.length > 0) {
      const path = pending.pop() ?? "";
      if (seen.has(path)) continue;
      seen.add(path);
      expect(path, "a same-origin path").toMatch(/^\/assets\/[\w.-]+\.(?:js|css)$/);
      const response = await open(path);
      expect(response.status, path).toBe(200);
      const code = await response.text();
      expect(code, path).not.toMatch(EXTERNAL_LOAD);
      pending.push(...chunksOf(code));
    }
    expect([...seen].some((path) => path.endsWith(".css"))).toBe(true);
    expect([...seen].filter((path) => path.endsWith(".js")).length).toBeGreaterThan(1);
  });
});
