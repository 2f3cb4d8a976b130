import type { RequestHandler } from "express";

/**
 * Starts requests one per turn of the event loop, in the order they arrived.
 *
 * Node's event loop (libuv since 1.45) accepts one new connection per turn. Left alone, a busy server runs every
 * request that has arrived in one turn, so a turn lasts as long as all of them: with fifty clients asking for
 * caseload pages, some 150 ms. A keyworker whose browser opens a connection then waits one such turn for every
 * connection opened before theirs, and at the start of a busy spell that was seconds (measured: the first
 * answers to 50 new connections took up to 6 s while each request took 3 ms). Starting one request per turn
 * lets the loop accept a waiting connection between any two requests, so a new connection waits about as long
 * as a request already queued; throughput is the same, and a request on an idle server waits one turn, a few
 * microseconds.
 */
export function startRequestsInTurn(): RequestHandler {
  let lastTurn: Promise<void> = Promise.resolve();
  // An immediate set during the loop's check phase runs on the next turn, after that turn has polled for
  // connections and data, so each request in the queue starts on a turn of its own.
  const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
  return (_request, _response, next) => {
    lastTurn = lastTurn.then(nextTurn);
    // Should the rest of the chain throw on its turn, the error goes to the error handler, as it would have.
    lastTurn.then(() => next()).catch(next);
  };
}
