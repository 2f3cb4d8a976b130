import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { GraphQLSchema } from "graphql";
import Negotiator from "negotiator";
import type { Database } from "../db/database.js";
import type { CompiledExecution, ExecutionOutcome, RepeatedQuery } from "./compiledExecution.js";
import type { RequestContext } from "./context.js";
import { guardOperation, type CostReport } from "./limits/index.js";

/**
 * Where a request's context is kept when a repeated query hands its request on to Apollo: Apollo's context
 * function takes it from here, so the work already done for the request (its reads, their audit) is not
 * done twice.
 */
export const CONTEXT_HANDED_ON = "graphqlContext";

/** The media types Apollo answers a single result in, in the order it offers them (ApolloServer's MEDIA_TYPES). */
const APPLICATION_JSON = "application/json; charset=utf-8";
const APPLICATION_GRAPHQL_RESPONSE_JSON = "application/graphql-response+json; charset=utf-8";
const APPLICATION_JSON_GRAPHQL_CALLBACK = "application/json; callbackSpec=1.0; charset=utf-8";
const OFFERED = [APPLICATION_JSON, APPLICATION_GRAPHQL_RESPONSE_JSON, APPLICATION_JSON_GRAPHQL_CALLBACK];

/** Accept headers seen, with the media type Apollo would answer each in; a client sending many cannot grow it. */
const ACCEPT_HEADERS_KEPT = 64;

/** The body of a POST that names nothing but a query, its variables and its operation, as the pages send. */
interface PlainBody {
  readonly query: string;
  readonly variables?: Record<string, unknown> | null;
  readonly operationName?: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const PLAIN_KEYS = new Set(["query", "variables", "operationName"]);

function isPlainBody(body: unknown): body is PlainBody {
  if (!isRecord(body) || typeof body.query !== "string") return false;
  for (const key in body) if (!PLAIN_KEYS.has(key)) return false;
  const { variables, operationName } = body;
  return (variables === undefined || variables === null || isRecord(variables)) && (operationName === undefined || operationName === null || typeof operationName === "string");
}

export interface RepeatedQueryOptions {
  readonly execution: CompiledExecution;
  readonly schema: GraphQLSchema;
  readonly database: Database;
  readonly contextOf: (request: Request, response: Response) => RequestContext;
}

/**
 * Answers a query Apollo has already answered with a compiled function, without going through Apollo again.
 *
 * A page sends the same few query texts all day, and Apollo's request pipeline (its plugin hooks, the hash of
 * the text, its document cache, its HTTP layer) cost a sixth of a caseload page's instructions on top of the
 * compiled function: 19.6 M instructions a page through Apollo, 16.3 M without. What that pipeline does for a
 * text it has validated once is done here the same way: the same context, the same query limits and NUL
 * guard (guardOperation), the same compiled function, the read audit written before the answer leaves, the
 * cost in `extensions.cost`, and Apollo's choice of media type from the Accept header.
 *
 * Only the plain success is answered here. Anything else goes on to Apollo, which answers it as it always
 * does: a text it has not answered, a body with other fields, an Accept header Apollo would refuse or answer
 * in another form, a refusal by the guards (nothing has run yet), and any answer with errors or whose audit
 * could not be written. For those last two the outcome goes with the request (executedBeforehand), so Apollo
 * formats, logs and answers it without running the resolvers again.
 */
export function answerRepeatedQueries({ execution, schema, database, contextOf }: RepeatedQueryOptions): RequestHandler & { answered(): number } {
  const mediaTypes = new Map<string, string | null>();
  const mediaTypeOf = (accept: string | undefined): string | null => {
    if (!accept) return APPLICATION_JSON;
    let chosen = mediaTypes.get(accept);
    if (chosen === undefined) {
      chosen = new Negotiator({ headers: { accept } }).mediaType(OFFERED) ?? null;
      if (mediaTypes.size >= ACCEPT_HEADERS_KEPT) mediaTypes.clear();
      mediaTypes.set(accept, chosen);
    }
    return chosen;
  };
  let answered = 0;

  const answer = async (known: RepeatedQuery, body: PlainBody, context: RequestContext, cost: CostReport, mediaType: string, response: Response, next: NextFunction) => {
    const handOn = (outcome: ExecutionOutcome) => {
      execution.executedBeforehand(context, outcome);
      next();
    };
    let result;
    try {
      result = await known.compiled.query(undefined, context, body.variables ?? {});
    } catch (error) {
      return handOn({ error });
    }
    if (result.errors !== undefined && result.errors.length > 0) return handOn({ result });
    try {
      await context.readAudit.flush(database);
    } catch {
      // The request's read audit keeps the failure, so Apollo's own flush fails again and withholds the answer.
      return handOn({ result });
    }
    answered += 1;
    // Apollo's field order ({errors, data, extensions}) and its compact stringifyResult (httpApp.ts). Written
    // with Node's own writeHead, not express's send: a POST's answer needs none of send's checks (freshness,
    // HEAD, ETag, which is off), and its charset parsing took as long as the write itself.
    // Encoded once: measuring the text's length in bytes and then having the socket encode it would read a
    // page's forty-odd kilobytes twice.
    const bytes = Buffer.from(JSON.stringify({ data: result.data, extensions: { ...result.extensions, cost } }), "utf8");
    response.writeHead(200, { "content-type": mediaType, "content-length": bytes.length });
    response.end(bytes);
  };

  const handler = (request: Request, response: Response, next: NextFunction) => {
    const body: unknown = request.body;
    if (!isPlainBody(body)) return next();
    const known = execution.repeatedQuery(body.query, body.operationName ?? null);
    if (!known) return next();
    const mediaType = mediaTypeOf(request.headers.accept);
    // None Apollo offers (it refuses with 406), or the subscription callback form: Apollo's to answer.
    if (mediaType === null || mediaType === APPLICATION_JSON_GRAPHQL_CALLBACK) return next();
    const context = contextOf(request, response);
    response.locals[CONTEXT_HANDED_ON] = context;
    let cost: CostReport;
    try {
      cost = guardOperation({ schema, document: known.document, operation: known.operation, variables: body.variables ?? undefined, signedIn: context.viewer !== null });
    } catch {
      // Refused before anything ran: Apollo refuses it again, with its own answer.
      return next();
    }
    answer(known, body, context, cost, mediaType, response, next).catch(next);
  };
  return Object.assign(handler, { answered: () => answered });
}
