import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { parse as parseCookies } from "cookie";
import express, { type Request, type Response } from "express";
import { authenticate, CSRF_HEADER, SESSION_COOKIE } from "./auth/sessions.js";
import type { Clock } from "./clock.js";
import type { Database } from "./db/database.js";
import type { RequestContext } from "./graphql/context.js";
import { ERROR_CODES } from "./graphql/errors.js";
import { answerRepeatedQueries, CONTEXT_HANDED_ON } from "./graphql/repeatedQueries.js";
import { requestContextFactory } from "./graphql/requestContext.js";
import { waymarkSchema } from "./graphql/schema.js";
import { CompiledExecution } from "./graphql/compiledExecution.js";
import { documentGuards, operationGuards } from "./graphql/limits/index.js";
import type { Logger } from "./logger.js";
import { EXPORT_DOWNLOAD_ROUTE, exportDownloadHandler } from "./exports/exportDownload.js";
import { TEMPORARY_EXPORT_FOLDER } from "./exports/exportFiles.js";
import { ExportRunner } from "./exports/exportRunner.js";
import { registerExportRunner } from "./exports/exportRunners.js";
import { errorAnswer } from "./ops/errorAnswer.js";
import { jsonBody } from "./ops/jsonBody.js";
import { operationalRoutes } from "./ops/operationalRoutes.js";
import { Readiness } from "./ops/readiness.js";
import { startRequestsInTurn } from "./ops/requestTurns.js";
import { countStatements, statementCountingWanted } from "./ops/statementCounting.js";
import { graphiqlPageHandler } from "./graphiqlPage.js";
import { webAppHandler } from "./webApp.js";

export interface AppOptions {
  readonly database: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly webRoot: string;
  /** Mark cookies Secure. On by default; a plain-HTTP loopback install turns it off. */
  readonly secureCookies: boolean;
  /** Where CSV exports are written (config: WAYMARK_EXPORT_FOLDER); a folder under the system's temporary folder when left out. */
  readonly exportFolder?: string;
  /** How many times a query document is answered by graphql-js before it is compiled; ANSWERS_BEFORE_COMPILING when left out. */
  readonly answersBeforeCompiling?: number;
}

const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

function bearerTokenOf(request: Request): string | null {
  const header = request.headers.authorization;
  return header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : null;
}

/** The largest GraphQL request body read, in bytes: 1 MiB, as express.json's "1mb" was; larger ones are refused (413). */
const GRAPHQL_BODY_LIMIT = 1024 * 1024;

const SERVER_ERROR_MESSAGE = "Something went wrong on the server. The request was not completed.";

const isUnexpected = (code: unknown) => typeof code !== "string" || code === "INTERNAL_SERVER_ERROR";

/** Masks anything unexpected: callers see a code and a plain message, never a stack trace or SQL. */
function publicError(formatted: { message: string; extensions?: Record<string, unknown> }) {
  if (!isUnexpected(formatted.extensions?.code)) return { message: formatted.message, extensions: { ...formatted.extensions, stacktrace: undefined } };
  return { message: SERVER_ERROR_MESSAGE, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

/**
 * Unexpected errors are logged in full under the request's ID, and the caller's masked error carries that ID,
 * so what a user quotes leads an operator to the log line.
 */
function unexpectedErrorReport(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isUnexpected(error.extensions?.code)) logger.error({ err: error.originalError ?? error, requestId: contextValue.requestId }, "unexpected error in a GraphQL request");
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            error.extensions?.code === "INTERNAL_SERVER_ERROR" ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } } : error,
          );
        },
      };
    },
  };
}

/** Builds the HTTP application: GraphQL at /graphql, health checks, and the web app at /. */
export async function createHttpApp(options: AppOptions) {
  const { database, clock, logger } = options;
  // The reads a request made are recorded before its answer leaves. Apollo logs a hook's error and sends the
  // answer anyway, so a failed write replaces the answer here: nothing is shown that was not recorded.
  const readAuditFlush: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          try {
            await contextValue.readAudit.flush(database);
          } catch (error) {
            logger.error({ err: error, requestId: contextValue.requestId }, "the read audit could not be written; the answer was withheld");
            response.http.status = 500;
            response.body = { kind: "single", singleResult: { errors: [{ message: SERVER_ERROR_MESSAGE, extensions: { code: "INTERNAL_SERVER_ERROR", requestId: contextValue.requestId } }] } };
          }
        },
      };
    },
  };
  const exportRunner = new ExportRunner({ database, clock, logger, folder: options.exportFolder ?? TEMPORARY_EXPORT_FOLDER });
  const schema = await waymarkSchema();
  const execution = new CompiledExecution(schema, options.answersBeforeCompiling);
  const apollo = new ApolloServer<RequestContext>({
    // Queries the pages repeat are executed by compiled functions (graphql/compiledExecution.ts).
    gateway: execution.gateway(),
    introspection: true,
    allowBatchedHttpRequests: false,
    // Waymark's own shutdown drains HTTP requests first and stops Apollo after them (see ops/gracefulShutdown).
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    // Answers are never cached (they hold personal data), so Apollo's cache-control plugin, which wraps every
    // field resolver to compute cache hints, would only add work to each of a page's hundreds of fields.
    plugins: [ApolloServerPluginCacheControlDisabled(), readAuditFlush, unexpectedErrorReport(logger), ...operationGuards(), exportRunner.plugin()],
    formatError: (formatted) => publicError(formatted),
    // Compact JSON: Apollo indents answers by default, which makes a page's answer a third larger and slower to
    // write and to read, for no reader (the web app and analysts' tools parse it).
    stringifyResult: (result) => JSON.stringify(result),
  });
  await apollo.start();
  await exportRunner.start(apollo);
  registerExportRunner(database, exportRunner);

  const contextOf = requestContextFactory({ database, clock, secureCookies: options.secureCookies });
  // Once Apollo has answered a query text with a compiled function, the same text is answered without it.
  const repeatedQueries = answerRepeatedQueries({ execution, schema, database, contextOf });

  const app = express();
  app.disable("x-powered-by");
  // No ETags: every answer here is no-store and most are built afresh per request, so hashing each body (a
  // caseload page is some 40 KB) to label it for a cache that must not keep it is work for nothing.
  app.set("etag", false);
  app.set("trust proxy", "loopback");
  // Before everything, probes included: a probe that skipped the queue would call a server with a backlog idle.
  app.use(startRequestsInTurn());
  app.use((_request, response, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    next();
  });
  if (statementCountingWanted()) app.use(countStatements(database));
  const readiness = new Readiness(database);
  app.use(operationalRoutes(logger, readiness));

  app.use(
    "/graphql",
    // Every answer here may hold personal data or depend on who asked, refusals included: no cache keeps one.
    (_request, response, next) => {
      response.setHeader("cache-control", "no-store");
      next();
    },
    // The ordinary JSON body is read directly, anything else by express.json (see ops/jsonBody).
    jsonBody({ limit: GRAPHQL_BODY_LIMIT }),
    // A client that closed the connection while its request waited its turn leaves a body the parser no longer
    // reads (it sets no body at all). Nobody is left to answer: close it, so it is logged as abandoned rather
    // than answered by Apollo as a missing body parser, a 500 that would send an operator looking for a fault.
    (request, response, next) => {
      if (Object.hasOwn(request, "body") || request.socket.readable) next();
      else response.destroy();
    },
    // Too many tokens or directives: refused before the document is parsed for execution or validated.
    documentGuards(),
    // POST only: a GET would carry the query and its variables (names, NHS numbers) in the URL, where proxies
    // and browsers log and keep them. After the document limits, so an oversized one is refused the same way.
    (request, response, next) => {
      if (request.method === "POST") {
        next();
        return;
      }
      response
        .status(405)
        .setHeader("allow", "POST")
        .json({ errors: [{ message: "Send GraphQL requests as POST with a JSON body.", extensions: { code: "METHOD_NOT_ALLOWED" } }] });
    },
    async (request, response, next) => {
      // A browser session's CSRF token must accompany every POST; refuse before any resolver runs.
      const cookies = parseCookies(request.headers.cookie ?? "");
      const check = await authenticate(
        database,
        {
          sessionToken: cookies[SESSION_COOKIE] ?? null,
          bearerToken: bearerTokenOf(request),
          csrfToken: (request.headers[CSRF_HEADER] as string | undefined) ?? null,
          needsCsrf: request.method !== "GET",
        },
        clock.now(),
      );
      if (check.kind === "CSRF_FAILED") {
        response.status(403).json({ errors: [{ message: "The request was not sent by Waymark's own pages (missing or wrong CSRF token).", extensions: { code: ERROR_CODES.forbidden } }] });
        return;
      }
      response.locals.viewer = check.kind === "SIGNED_IN" ? check.viewer : null;
      response.locals.sessionExpired = check.kind === "EXPIRED";
      next();
    },
    repeatedQueries,
    expressMiddleware(apollo, {
      // A repeated query handed on by repeatedQueries keeps the context its work was done in.
      context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => (res.locals[CONTEXT_HANDED_ON] as RequestContext | undefined) ?? contextOf(req, res),
    }),
  );

  // GraphiQL for analysts: signed-in staff only; its own path, so the web app's catch-all never serves it unchecked.
  const serveGraphiQL = graphiqlPageHandler({ database, clock, webRoot: options.webRoot });
  app.get(["/graphiql", "/graphiql.html"], (request, response, next) => {
    serveGraphiQL(request, response).catch(next);
  });

  app.get(EXPORT_DOWNLOAD_ROUTE, exportDownloadHandler({ database, clock, logger, folder: exportRunner.folder }));

  const serveWebApp = webAppHandler(options.webRoot);
  app.get(/.*/, (request, response, next) => {
    serveWebApp(request, response).catch(next);
  });

  app.use(errorAnswer(logger));

  return { app, apollo, readiness, repeatedQueries };
}
