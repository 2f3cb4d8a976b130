/**
 * Load over loopback with autocannon, in the orchestrator's process. Latency percentiles are computed from every
 * response's own time (autocannon's summary has no p95), and every answer is checked for failure: a non-2xx
 * status, a socket error or timeout, a GraphQL `errors` entry, or a mutation's `userErrors` entry.
 */
import autocannon from "autocannon";

/** One request of a load: where it goes and, for the n-th request sent, its JSON body. */
export interface LoadRequest {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: (n: number) => string;
}

export interface LoadResult {
  /** How long the load ran: the seconds asked for, or until a number of answers came back. */
  readonly length: LoadLength;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  /** The slowest answer. */
  readonly max: number;
  /** Non-2xx answers. */
  readonly non2xx: number;
  /** Socket errors and timeouts. */
  readonly transportErrors: number;
  /** 2xx answers whose body reports an error (GraphQL `errors`, or a refused mutation's `userErrors`). */
  readonly answerErrors: number;
  /** The start of the first failed answer's body (non-2xx or reporting an error), to show what went wrong. */
  readonly firstFailure: string | null;
}

/** The error count a budget looks at: everything that was not a successful answer. */
export const failuresOf = (result: LoadResult) => result.non2xx + result.transportErrors + result.answerErrors;

/** Does this answer body report a failure? A string search, so checking costs the load generator little. */
export function reportsError(body: string): boolean {
  return body.includes('"errors":') || body.includes('"userErrors":[{');
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}

/** How long a load runs: for a number of seconds, or until a number of answers came back (for slow requests). */
export type LoadLength = { readonly seconds: number } | { readonly answers: number; readonly timeoutSeconds: number };

/**
 * Sends `requests` in turn (each connection cycles through the list) from `connections` connections for the
 * given length, and summarises what came back.
 */
export async function load(baseUrl: string, requests: readonly LoadRequest[], connections: number, length: LoadLength): Promise<LoadResult> {
  const latencies: number[] = [];
  let answerErrors = 0;
  let firstFailure: string | null = null;
  let sent = 0;
  const options: autocannon.Options = {
    url: baseUrl,
    connections,
    ...("seconds" in length ? { duration: length.seconds, timeout: 120 } : { amount: length.answers, timeout: length.timeoutSeconds }),
    requests: requests.map(
      (request): autocannon.Request => ({
        method: "POST",
        path: request.path,
        headers: { "content-type": "application/json", ...request.headers },
        setupRequest: (built) => ({ ...built, body: request.body(sent++) }),
        onResponse: (status: number, body: string) => {
          const succeeded = status >= 200 && status < 300;
          if (succeeded && reportsError(body)) answerErrors += 1;
          if ((!succeeded || reportsError(body)) && firstFailure === null) firstFailure = `${status} ${body.slice(0, 300)}`;
        },
      }),
    ),
  };
  // With a callback autocannon returns its tracker, which reports every response's own time.
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const tracker = autocannon(options, (error, finished) => (error ? fail(error) : done(finished)));
    tracker.on("response", (_client, _status, _bytes, responseTime) => void latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    length,
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / ("seconds" in length ? length.seconds : result.duration),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
    non2xx: result.non2xx,
    transportErrors: result.errors + result.timeouts,
    answerErrors,
    firstFailure,
  };
}

/** Sends one request and waits for its answer: for sign-in, figures and statement counts. */
export async function sendOne(baseUrl: string, request: LoadRequest, n = 0): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...request.headers },
    body: request.body(n),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The statement count a server reported in `Server-Timing: db;desc="statements";dur=N`, or null. */
export function statementsReported(headers: Headers): number | null {
  const match = /db;desc="statements";dur=(\d+)/.exec(headers.get("server-timing") ?? "");
  return match ? Number(match[1]) : null;
}
