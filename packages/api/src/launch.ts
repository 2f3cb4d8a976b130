/**
 * The `waymark` command (dist/main.js): sets the environment the server's libraries read as they load, then
 * loads the server (dist/server.js, built from main.ts).
 *
 * graphql-js decides once, when it loads, whether to run a development-only check inside every type test of
 * every field it resolves; outside NODE_ENV=production those checks cost a fifty-row caseload page a few
 * percent of its time. An operator's own NODE_ENV is kept.
 */
import { setFlagsFromString } from "node:v8";

process.env.NODE_ENV ??= "production";

/**
 * How far the JavaScript heap may grow past what is still in use before a full collection: to twice, where V8
 * by default lets it reach four times when collections are quick, as they are here (some 40 MB stays in use on
 * a busy server, and a full collection of it takes a few milliseconds). On a large provider under fifty
 * clients the default let the server reach 370 to 400 MB against its 400 MB budget; with this, under 300 MB,
 * at the same throughput (docs/performance.md). It only schedules collections sooner: it sets no limit, so
 * no request can fail for it.
 */
setFlagsFromString("--heap-growing-percent=100");

await import("./main.js");
