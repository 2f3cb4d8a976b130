import { AsyncResource } from "node:async_hooks";
import express, { type Request, type RequestHandler } from "express";

export interface JsonBodyOptions {
  /** The largest body read, in bytes. A larger one goes to express.json, which refuses it (413). */
  readonly limit: number;
  /** What reads every request the fast path leaves: express.json({ limit }) unless given (tests count its calls). */
  readonly fallback?: RequestHandler;
}

/** `application/json`, with a UTF-8 charset as its only parameter if it has one: what body-parser decodes as UTF-8. */
const PLAIN_JSON_TYPE = /^application\/json(?:[ \t]*;[ \t]*charset=(?:utf-8|"utf-8"))?$/i;
const DECIMAL = /^[0-9]+$/;
/** body-parser's strict mode: a body must be an object or an array, whatever JSON.parse would accept. */
const OBJECT_OR_ARRAY = /^[ \t\n\r]*[{[]/;

type BodyError = Error & { readonly type?: string; status: number; statusCode: number; expose: boolean };

/** An error as body-parser raises it (http-errors' shape), so ops/errorAnswer answers it by its type. */
function bodyError(type: string, status: number, message: string): BodyError {
  return Object.assign(new Error(message), { type, status, statusCode: status, expose: true });
}

/**
 * The JSON body reader for /graphql. express.json (body-parser with raw-body, type-is, content-type and
 * iconv-lite) handles any charset, compressed and chunked bodies, and builds a type check and a decoder for each
 * request; that generality cost about 3% of the CPU of a GraphQL request. Nearly every request is the ordinary
 * case: a UTF-8 JSON body of declared length within the limit, neither compressed nor chunked. This reads that
 * case directly, setting request.body and raising the errors body-parser would; anything else is handed to
 * express.json untouched, so every refusal outside the ordinary case stays body-parser's own.
 */
export function jsonBody({ limit, fallback = express.json({ limit }) }: JsonBodyOptions): RequestHandler {
  return (request, response, next) => {
    const length = ordinaryLength(request, limit);
    if (length === null) {
      fallback(request, response, next);
      return;
    }
    // body-parser 2 gives every request it reads a body property before reading, and reads it again if an
    // earlier middleware set one: an error handler sees the same request either way.
    if (!Reflect.has(request, "body")) request.body = undefined;
    // raw-body calls back in the async context of the middleware, not of the socket's data events: so does this.
    // (Through a resource of its own rather than AsyncResource.bind, which also builds deprecation wrappers
    // for the bound function's properties on every request.)
    const context = new AsyncResource("jsonBody");
    readJson(request, length, (error?: unknown) => context.runInAsyncScope(next, undefined, error));
  };
}

/** The declared length of an ordinary request's body (see jsonBody), or null for any other request. */
function ordinaryLength(request: Request, limit: number): number | null {
  const { "content-length": declared, "content-encoding": encoding, "content-type": type } = request.headers;
  if (declared === undefined || !DECIMAL.test(declared)) return null;
  const length = Number(declared);
  const ordinary =
    length > 0 &&
    length <= limit &&
    request.headers["transfer-encoding"] === undefined &&
    (encoding === undefined || encoding.toLowerCase() === "identity") &&
    type !== undefined &&
    PLAIN_JSON_TYPE.test(type) &&
    // body-parser leaves alone a request whose body is gone, read already or its client left (on-finished's
    // test), and raw-body refuses a stream that is not readable: both are express.json's to handle.
    request.socket.readable &&
    request.readable;
  return ordinary ? length : null;
}

/** Reads a body of `length` bytes as body-parser's json parser does, and passes on with request.body set or an error. */
function readJson(request: Request, length: number, next: (error?: unknown) => void): void {
  const chunks: Buffer[] = [];
  let received = 0;
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    received += chunk.length;
  };
  // Node reads no more than Content-Length bytes, so only fewer can arrive: as raw-body, refuse that.
  const onEnd = () => {
    if (received !== length) finish(bodyError("request.size.invalid", 400, "request size did not match content length"));
    else finish(parseJson(request, Buffer.concat(chunks, length)));
  };
  // A client that leaves mid-body: Node emits 'aborted' before it destroys the request, as raw-body expects.
  const onAborted = () => finish(bodyError("request.aborted", 400, "request aborted"));
  // body-parser passes the stream's own error on as a 400 (it has no type: errorAnswer answers it as unexpected).
  const onError = (error: Error) => finish(Object.assign(error, { status: 400, statusCode: 400, expose: true }));
  function finish(error: unknown) {
    request.off("data", onData).off("end", onEnd).off("aborted", onAborted).off("error", onError);
    next(error);
  }
  request.on("data", onData).on("end", onEnd).on("aborted", onAborted).on("error", onError);
}

/** Sets request.body from the bytes as body-parser's strict json parser does; returns the error it would raise, if any. */
function parseJson(request: Request, bytes: Buffer): BodyError | undefined {
  const decoded = bytes.toString("utf8");
  // iconv-lite, body-parser's decoder, drops a byte order mark.
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  // An empty body (here, only a byte order mark) is read as {}: body-parser's allowance for a common client mistake.
  if (text === "") {
    request.body = {};
    return undefined;
  }
  // body-parser's messages quote the body; errorAnswer shows none, and these keep it out of the error too.
  if (!OBJECT_OR_ARRAY.test(text)) return bodyError("entity.parse.failed", 400, "the JSON body is not an object or an array");
  try {
    request.body = JSON.parse(text);
  } catch {
    return bodyError("entity.parse.failed", 400, "the body is not valid JSON");
  }
  return undefined;
}
