import express, { type RequestHandler } from "express";
import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startRequestsInTurn } from "../src/ops/requestTurns.js";

/**
 * Issue 6: new connections to a busy server are let in between requests, not after everything already queued.
 *
 * The server below answers every request after a millisecond of work, as a busy Waymark does after a few. Thirty
 * clients connect at once and each sends requests back to back on its connection. For each connection the test
 * notes how many answers the server had already given when that connection's first request started: counts
 * of requests, not times, so the test says the same on a slow machine. The event loop accepts one connection per
 * turn; when a turn runs every queued request, the last of thirty connections is let in only after a number of
 * answers that grows with the square of the clients.
 */

const CLIENTS = 30;
const REQUEST = "POST /work HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\n\r\n{}";
const ANSWER_BODY = "done";

const servers: { close: () => void }[] = [];
const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of servers.splice(0)) server.close();
});

/** Answers given before each connection's first request started, in the order the connections were let in. */
async function answersBeforeEachFirstRequest(beforeWork: RequestHandler | null): Promise<number[]> {
  const app = express();
  if (beforeWork) app.use(beforeWork);
  let answered = 0;
  const seen = new WeakSet<object>();
  const firstRequests: number[] = [];
  app.post("/work", (request, response) => {
    if (!seen.has(request.socket)) {
      seen.add(request.socket);
      firstRequests.push(answered);
    }
    const until = performance.now() + 1;
    while (performance.now() < until);
    answered += 1;
    response.end(ANSWER_BODY);
  });
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;

  await new Promise<void>((allIn) => {
    for (let client = 0; client < CLIENTS; client += 1) {
      const socket = connect(port, "127.0.0.1", () => socket.write(REQUEST));
      sockets.push(socket);
      // Every answer ends with its body: send the next request then, so each connection always has one waiting.
      socket.on("data", (chunk: Buffer) => {
        if (firstRequests.length === CLIENTS) allIn();
        else if (chunk.toString("latin1").endsWith(ANSWER_BODY)) socket.write(REQUEST);
      });
    }
  });
  return firstRequests;
}

describe("Requests start one per turn of the event loop (issue 6)", () => {
  it("lets each new connection in after about one queued request, not after every request queued before it", async () => {
    const firstRequests = await answersBeforeEachFirstRequest(startRequestsInTurn());
    expect(firstRequests).toHaveLength(CLIENTS);
    // A couple of answers per connection let in before it (measured: 2 per connection, ending at 57 of 30 clients).
    expect(Math.max(...firstRequests)).toBeLessThanOrEqual(3 * CLIENTS);
  });

  it("is needed: without it the last connections wait for every request queued before them", async () => {
    const firstRequests = await answersBeforeEachFirstRequest(null);
    expect(firstRequests).toHaveLength(CLIENTS);
    // Measured: the last of 30 connections let in after some 240 answers, growing with the square of the clients.
    expect(Math.max(...firstRequests)).toBeGreaterThan(5 * CLIENTS);
  });

  it("holds back only a request's start: one waiting on the database or a report does not hold up the next", async () => {
    const app = express();
    app.use(startRequestsInTurn());
    let releaseSlow = () => {};
    const slowWaits = new Promise<void>((resolve) => (releaseSlow = resolve));
    app.get("/slow", async (_request, response) => {
      await slowWaits;
      response.end("slow");
    });
    app.get("/quick", (_request, response) => void response.end("quick"));
    const server = app.listen(0, "127.0.0.1");
    servers.push(server);
    await new Promise<void>((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;

    const order: string[] = [];
    const slow = fetch(`http://127.0.0.1:${port}/slow`).then(async (response) => order.push(await response.text()));
    const quick = fetch(`http://127.0.0.1:${port}/quick`).then(async (response) => order.push(await response.text()));
    await quick;
    releaseSlow();
    await slow;
    expect(order).toEqual(["quick", "slow"]);
  });
});
