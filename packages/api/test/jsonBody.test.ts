import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer, request as httpRequest, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { setTimeout as pause } from "node:timers/promises";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createLogger } from "../src/logger.js";
import { errorAnswer } from "../src/ops/errorAnswer.js";
import { jsonBody } from "../src/ops/jsonBody.js";

/**
 * ops/jsonBody reads /graphql's ordinary JSON bodies itself and hands every other request to express.json. It
 * must not be told apart from express.json: two apps, identical but for the body reader, get each request, and
 * their answers, and the errors that reached their error handler, must be the same. Each case also names the
 * status it expects and which path the lean reader took, so a case that quietly fell back proves nothing.
 */

/** Small, so a body over the limit is a short one. */
const LIMIT = 100;
const JSON_TYPE = { "content-type": "application/json" };

/** What an error handler saw: the error's http-errors fields, and whether the request had a body property. */
interface Raised {
  readonly type: unknown;
  readonly status: unknown;
  readonly statusCode: unknown;
  readonly expose: unknown;
  readonly hasBody: boolean;
}

interface TestApp {
  readonly port: number;
  /** The same app behind Node's lenient parser (--insecure-http-parser), which lets odder requests through. */
  readonly lenientPort: number;
  readonly raised: Raised[];
  /** Messages of the errors raised, kept apart: body-parser's quote the body, jsonBody's must not. */
  readonly messages: string[];
  /** What the handler after the reader saw, kept for requests whose answer cannot reach the client. */
  readonly handled: unknown[];
  readonly servers: Server[];
}

/** Answers request.body as JSON, or passes the reader's error to errorAnswer, as /graphql's chain does. */
async function startApp(reader: RequestHandler): Promise<TestApp> {
  const raised: Raised[] = [];
  const messages: string[] = [];
  const handled: unknown[] = [];
  const app = express();
  // Lets a case send a request whose body an earlier middleware already set, or whose Transfer-Encoding is lost.
  app.use((request, _response, next) => {
    if (request.headers["x-preset-body"]) request.body = "preset";
    if (request.headers["x-drop-transfer-encoding"]) delete request.headers["transfer-encoding"];
    // As in errorLeaks.test.ts: the connection ends as the request arrives, and the request waits a turn.
    if (request.headers["x-leave-while-waiting"]) {
      request.socket.push(null);
      setImmediate(next);
      return;
    }
    next();
  });
  app.use(reader);
  app.use((request, response) => {
    const seen = { hasBody: Object.hasOwn(request, "body"), body: request.body as unknown };
    handled.push(seen);
    response.json(seen);
  });
  const record: ErrorRequestHandler = (error: Raised & Error, request, _response, next) => {
    raised.push({ type: error.type, status: error.status, statusCode: error.statusCode, expose: error.expose, hasBody: Object.hasOwn(request, "body") });
    messages.push(error.message);
    next(error);
  };
  app.use(record);
  app.use(errorAnswer(createLogger("silent")));
  const servers = [false, true].map((insecureHTTPParser) => createServer({ insecureHTTPParser }, app).listen(0, "127.0.0.1"));
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.once("listening", resolve))));
  const [port, lenientPort] = servers.map((server) => (server.address() as AddressInfo).port);
  return { port: port!, lenientPort: lenientPort!, raised, messages, handled, servers };
}

let fallbackCalls = 0;
let lean: TestApp;
let reference: TestApp;

beforeAll(async () => {
  const bodyParser = express.json({ limit: LIMIT });
  const countedFallback: RequestHandler = (request, response, next) => {
    fallbackCalls += 1;
    bodyParser(request, response, next);
  };
  lean = await startApp(jsonBody({ limit: LIMIT, fallback: countedFallback }));
  reference = await startApp(express.json({ limit: LIMIT }));
});
afterAll(() => {
  for (const server of [...(lean?.servers ?? []), ...(reference?.servers ?? [])]) server.close();
});

interface Sent {
  readonly method?: string;
  readonly headers: Record<string, string>;
  /** Written one by one with a pause between, so the server reads them as separate chunks. */
  readonly chunks: readonly (string | Buffer)[];
}

interface Exchange {
  readonly status: number;
  readonly answer: unknown;
  readonly raised: Raised[];
}

/** Forgets what the app saw of earlier requests. */
function forget(app: TestApp): void {
  app.raised.length = 0;
  app.handled.length = 0;
}

async function exchange(app: TestApp, sent: Sent): Promise<Exchange> {
  forget(app);
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port: app.port, method: sent.method ?? "POST", path: "/", headers: sent.headers, agent: false }, (response) => {
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => resolve({ status: response.statusCode!, text: Buffer.concat(parts).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
    void (async () => {
      for (const [index, chunk] of sent.chunks.entries()) {
        if (index > 0) await pause(10);
        request.write(chunk);
      }
      request.end();
    })();
  });
  return { status, answer: JSON.parse(text) as unknown, raised: [...app.raised] };
}

/** Writes `text` on a connection of its own, then `leave`s if told, and reads until the connection closes. */
function sendRaw(port: number, text: string, leave?: (socket: Socket) => void): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const parts: Buffer[] = [];
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(text);
      // Once the server is reading the body.
      if (leave) setTimeout(() => leave(socket), 50);
    });
    socket.on("data", (part: Buffer) => parts.push(part));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(parts).toString("utf8")));
  });
}

/** Sends a whole request with sendRaw, and reads its answer's status and JSON. */
async function rawExchange(app: TestApp, port: number, text: string): Promise<Exchange> {
  forget(app);
  const [head = "", body = ""] = (await sendRaw(port, text)).split("\r\n\r\n");
  return { status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]), answer: JSON.parse(body) as unknown, raised: [...app.raised] };
}

/** Sends the same request to both apps; their answers must match, with the status and lean path expected. */
async function compare(sent: Sent, expected: { status: number; path: "fast" | "fallback" }): Promise<Exchange> {
  const fallbackBefore = fallbackCalls;
  const leanExchange = await exchange(lean, sent);
  const referenceExchange = await exchange(reference, sent);
  expect(leanExchange).toEqual(referenceExchange);
  expect(leanExchange.status).toBe(expected.status);
  expect(fallbackCalls - fallbackBefore, `the lean reader should take the ${expected.path} path`).toBe(expected.path === "fast" ? 0 : 1);
  return leanExchange;
}

const withLength = (body: string | Buffer, headers: Record<string, string> = JSON_TYPE): Sent => ({
  headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
  chunks: [body],
});

const QUERY = { query: "{ me { name } }", variables: { first: 10 } };

describe("jsonBody reads ordinary JSON bodies itself, exactly as express.json does", () => {
  it("reads a plain JSON request itself, without calling express.json", async () => {
    const read = await compare(withLength(JSON.stringify(QUERY)), { status: 200, path: "fast" });
    expect(read.answer).toEqual({ hasBody: true, body: QUERY });
  });

  it("reads a UTF-8 charset however it is written, and an identity content encoding", async () => {
    for (const type of ["application/json; charset=utf-8", 'application/json; charset="UTF-8"', "Application/JSON;Charset=Utf-8"]) {
      const read = await compare(withLength(JSON.stringify(QUERY), { "content-type": type }), { status: 200, path: "fast" });
      expect(read.answer, type).toEqual({ hasBody: true, body: QUERY });
    }
    const identity = await compare(withLength(JSON.stringify(QUERY), { ...JSON_TYPE, "content-encoding": "identity" }), { status: 200, path: "fast" });
    expect(identity.answer).toEqual({ hasBody: true, body: QUERY });
  });

  it("drops a UTF-8 byte order mark, and reads a body of nothing else as {}", async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const read = await compare(withLength(Buffer.concat([bom, Buffer.from(JSON.stringify(QUERY))])), { status: 200, path: "fast" });
    expect(read.answer).toEqual({ hasBody: true, body: QUERY });
    const onlyBom = await compare(withLength(bom), { status: 200, path: "fast" });
    expect(onlyBom.answer).toEqual({ hasBody: true, body: {} });
  });

  it("decodes non-ASCII text whose characters are split across chunks", async () => {
    const body = Buffer.from(JSON.stringify({ name: "Zoé Brontë 🎉 ok" }));
    const inE = body.indexOf(Buffer.from("é")) + 1;
    const inEmoji = body.indexOf(Buffer.from("🎉")) + 2;
    const read = await compare(
      { headers: { ...JSON_TYPE, "content-length": String(body.length) }, chunks: [body.subarray(0, inE), body.subarray(inE, inEmoji), body.subarray(inEmoji)] },
      { status: 200, path: "fast" },
    );
    expect(read.answer).toEqual({ hasBody: true, body: { name: "Zoé Brontë 🎉 ok" } });
  });

  it("decodes bytes that are not UTF-8 as replacement characters, as iconv-lite does", async () => {
    const body = Buffer.concat([Buffer.from('{"name":"a'), Buffer.from([0xff, 0xc3, 0x28, 0xf0, 0x9f]), Buffer.from('"}')]);
    const read = await compare(withLength(body), { status: 200, path: "fast" });
    expect(read.answer).toEqual({ hasBody: true, body: { name: expect.stringContaining("\ufffd") as unknown } });
  });

  it("refuses malformed JSON (400) without the body in its error", async () => {
    const body = '{"query": "{ me { name } }", "variables": {"firstName": "Zqxsecret"';
    const refused = await compare(withLength(body), { status: 400, path: "fast" });
    expect(refused.raised).toEqual([{ type: "entity.parse.failed", status: 400, statusCode: 400, expose: true, hasBody: true }]);
    expect(refused.answer).toMatchObject({ errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
    expect(lean.messages.join("\n")).not.toContain("Zqxsecret");
  });

  it("refuses a JSON scalar or a blank body, as body-parser's strict mode does (400)", async () => {
    for (const body of ['"abc"', "1", " \n true", "null", "   "]) {
      const refused = await compare(withLength(body), { status: 400, path: "fast" });
      expect(refused.raised, body).toEqual([{ type: "entity.parse.failed", status: 400, statusCode: 400, expose: true, hasBody: true }]);
    }
  });

  it("reads {} and an array after leading whitespace", async () => {
    expect((await compare(withLength("{}"), { status: 200, path: "fast" })).answer).toEqual({ hasBody: true, body: {} });
    expect((await compare(withLength(" \r\n\t[1,2]"), { status: 200, path: "fast" })).answer).toEqual({ hasBody: true, body: [1, 2] });
  });

  it("reads a body of exactly the limit, and leaves one declared over it to express.json (413)", async () => {
    // {"padding":""} is 14 bytes.
    const ofLength = (length: number) => JSON.stringify({ padding: "x".repeat(length - 14) });
    expect(Buffer.byteLength(ofLength(LIMIT))).toBe(LIMIT);
    const read = await compare(withLength(ofLength(LIMIT)), { status: 200, path: "fast" });
    expect(read.answer).toEqual({ hasBody: true, body: JSON.parse(ofLength(LIMIT)) as unknown });
    const refused = await compare(withLength(ofLength(LIMIT + 1)), { status: 413, path: "fallback" });
    expect(refused.raised).toEqual([{ type: "entity.too.large", status: 413, statusCode: 413, expose: true, hasBody: true }]);
  });

  it("leaves an empty body (content-length 0) to express.json, which reads it as {}", async () => {
    const read = await compare(withLength(""), { status: 200, path: "fallback" });
    expect(read.answer).toEqual({ hasBody: true, body: {} });
  });

  it("reads again a body an earlier middleware set, as body-parser 2 does", async () => {
    const read = await compare(withLength(JSON.stringify(QUERY), { ...JSON_TYPE, "x-preset-body": "yes" }), { status: 200, path: "fast" });
    expect(read.answer).toEqual({ hasBody: true, body: QUERY });
  });

  it("leaves chunked bodies to express.json, within the limit and over it (413)", async () => {
    const chunked = { ...JSON_TYPE, "transfer-encoding": "chunked" };
    const read = await compare({ headers: chunked, chunks: ['{"query":', '"{ me { name } }"}'] }, { status: 200, path: "fallback" });
    expect(read.answer).toEqual({ hasBody: true, body: { query: "{ me { name } }" } });
    const tooLarge = await compare({ headers: chunked, chunks: ['{"padding":"', "x".repeat(LIMIT), '"}'] }, { status: 413, path: "fallback" });
    expect(tooLarge.raised).toEqual([{ type: "entity.too.large", status: 413, statusCode: 413, expose: true, hasBody: true }]);
  });

  it("leaves a gzipped body to express.json, which inflates it", async () => {
    const read = await compare(withLength(gzipSync(JSON.stringify(QUERY)), { ...JSON_TYPE, "content-encoding": "gzip" }), { status: 200, path: "fallback" });
    expect(read.answer).toEqual({ hasBody: true, body: QUERY });
  });

  it("leaves another charset to express.json, which refuses it (415)", async () => {
    const refused = await compare(withLength(JSON.stringify(QUERY), { "content-type": "application/json; charset=latin1" }), { status: 415, path: "fallback" });
    expect(refused.raised).toEqual([{ type: "charset.unsupported", status: 415, statusCode: 415, expose: true, hasBody: true }]);
  });

  it("leaves another content type to express.json, which does not parse it", async () => {
    const read = await compare(withLength(JSON.stringify(QUERY), { "content-type": "text/plain" }), { status: 200, path: "fallback" });
    expect(read.answer).toEqual({ hasBody: true });
  });

  it("leaves a GET without a body to express.json", async () => {
    const read = await compare({ method: "GET", headers: {}, chunks: [] }, { status: 200, path: "fallback" });
    expect(read.answer).toEqual({ hasBody: true });
  });

  it("leaves a body with both Content-Length and Transfer-Encoding to express.json, and refuses one short of its length (400)", async () => {
    // Node's strict parser refuses such a request itself; its lenient one reads the body as chunked and keeps both
    // headers, so the body read is shorter than Content-Length says.
    const chunked = `7\r\n{"a":1}\r\n0\r\n\r\n`;
    const send = (extra: string) =>
      `POST / HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: ${chunked.length}\r\nTransfer-Encoding: chunked\r\n${extra}Connection: close\r\n\r\n${chunked}`;
    // With the header lost on the way (here, by a middleware), the lean reader reads it, and must refuse it as raw-body does.
    for (const [request, path] of [
      [send(""), "fallback"],
      [send("x-drop-transfer-encoding: yes\r\n"), "fast"],
    ] as const) {
      const fallbackBefore = fallbackCalls;
      const [leanAnswer, referenceAnswer] = [await rawExchange(lean, lean.lenientPort, request), await rawExchange(reference, reference.lenientPort, request)];
      expect(leanAnswer, path).toEqual(referenceAnswer);
      expect(leanAnswer.status, path).toBe(400);
      expect(leanAnswer.raised, path).toEqual([{ type: "request.size.invalid", status: 400, statusCode: 400, expose: true, hasBody: true }]);
      expect(fallbackCalls - fallbackBefore, `the lean reader should take the ${path} path`).toBe(path === "fast" ? 0 : 1);
    }
  });

  it("leaves a request whose client left while it waited its turn to express.json, which sets no body", async () => {
    const body = JSON.stringify(QUERY);
    const request = `POST / HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nx-leave-while-waiting: yes\r\n\r\n${body}`;
    const fallbackBefore = fallbackCalls;
    const answers: string[] = [];
    for (const app of [lean, reference]) {
      forget(app);
      answers.push(await sendRaw(app.port, request));
      await vi.waitFor(() => expect(app.handled).toHaveLength(1));
    }
    // Node answers the connection's early end itself; the app's answer comes too late to be sent.
    expect(answers[0]).toBe(answers[1]);
    expect(answers[0]).not.toContain("hasBody");
    // The handler after it (in httpApp, the one that closes such a request) sees no body property.
    expect(lean.handled).toEqual(reference.handled);
    expect(lean.handled).toEqual([{ hasBody: false }]);
    expect(lean.raised).toEqual([]);
    expect(fallbackCalls - fallbackBefore).toBe(1);
  });

  it("raises request.aborted when the client leaves before the body it declared has arrived", async () => {
    const body = JSON.stringify(QUERY);
    const head = `POST / HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 20}\r\n\r\n`;
    for (const leave of ["ends its side", "resets the connection"] as const) {
      const fallbackBefore = fallbackCalls;
      const answers: string[] = [];
      for (const app of [lean, reference]) {
        forget(app);
        answers.push(await sendRaw(app.port, head + body, (socket) => (leave === "ends its side" ? socket.end() : socket.resetAndDestroy())));
        await vi.waitFor(() => expect(app.raised, `${leave}: the error handler was not reached`).toHaveLength(1));
      }
      expect(lean.raised, leave).toEqual(reference.raised);
      expect(lean.raised, leave).toEqual([{ type: "request.aborted", status: 400, statusCode: 400, expose: true, hasBody: true }]);
      expect(answers[0], leave).toBe(answers[1]);
      // Node answers a request cut short itself (400) before the app's answer can go; a reset connection gets none.
      expect(answers[0], leave).toMatch(leave === "ends its side" ? /^HTTP\/1\.1 400 Bad Request\r\n/ : /^$/);
      expect(fallbackCalls - fallbackBefore, leave).toBe(0);
    }
  });

  it("goes on in the async context it was called in, not the socket's, as raw-body does", async () => {
    const requestContext = new AsyncLocalStorage<string>();
    for (const reader of [jsonBody({ limit: LIMIT }), express.json({ limit: LIMIT })]) {
      const app = express();
      app.use((request, _response, next) => requestContext.run(String(request.headers["x-request"]), next));
      app.use(reader);
      app.use((_request, response) => void response.json({ context: requestContext.getStore() ?? null }));
      const server = createServer(app).listen(0, "127.0.0.1");
      await new Promise<void>((resolve) => server.once("listening", resolve));
      try {
        const { port } = server.address() as AddressInfo;
        // Two at once on separate connections, so each body's data events arrive outside its request's context.
        const answers = await Promise.all(
          ["first", "second"].map(async (name) => {
            const response = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", headers: { ...JSON_TYPE, "x-request": name }, body: JSON.stringify(QUERY) });
            return (await response.json()) as { context: string | null };
          }),
        );
        expect(answers).toEqual([{ context: "first" }, { context: "second" }]);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    }
  });
});
