/**
 * The `waymark` command (dist/main.js): sets the environment the server's libraries read as they load, then
 * loads the server (dist/server.js, built from main.ts).
 *
 * graphql-js decides once, when it loads, whether to run a development-only check inside every type test of
 * every field it resolves; outside NODE_ENV=production those checks cost a fifty-row caseload page a few
 * percent of its time. An operator's own NODE_ENV is kept.
 */
process.env.NODE_ENV ??= "production";
await import("./main.js");
export {};
