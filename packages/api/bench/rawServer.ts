/**
 * The raw-SQL baseline server: a bare `node:http` server answering the benchmark's five requests with the
 * statements in rawQueries.ts, through better-sqlite3 set up as Waymark sets it up (src/db/sqliteDatabase.ts:
 * WAL, synchronous FULL, foreign keys, a busy timeout, one writer and one read-only reader connection), with
 * every statement prepared once. It trusts the staff id in the request: it measures the database work a
 * request cannot avoid, not a product.
 *
 * At /graphql it also answers the caseload document through graphql-js over the same statement (plainGraphql.ts):
 * the floor of any GraphQL server, to tell GraphQL's own cost from what Waymark adds to it.
 *
 * Run: DATABASE_URL=<file> PORT=<port> node --import tsx packages/api/bench/rawServer.ts
 * Every answer carries `Server-Timing: db;desc="statements";dur=N`, the statements it ran.
 */
import BetterSqlite3 from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { SQL, type StatementName } from "./rawQueries.js";
import { plainGraphqlEndpoint, type GraphqlBody, type RawCaseloadPage } from "./plainGraphql.js";
import { addDays, addYears } from "@waymark/core";
import { systemClock } from "../src/clock.js";
import { sqliteFileOf } from "../src/db/sqliteFile.js";

function open(file: string, readonly: boolean): BetterSqlite3.Database {
  const connection = new BetterSqlite3(file, { readonly, fileMustExist: true });
  if (!readonly) {
    connection.pragma("journal_mode = WAL");
    connection.pragma("synchronous = FULL");
  }
  connection.pragma("foreign_keys = ON");
  connection.pragma("busy_timeout = 5000");
  return connection;
}

const file = sqliteFileOf(requiredVariable("DATABASE_URL"));
const timeZone = process.env.WAYMARK_TIME_ZONE ?? "Europe/London";
const writer = open(file, false);
const reader = open(file, true);

const WRITES: ReadonlySet<StatementName> = new Set(["insertContact", "updateEpisodeAfterContact"]);
const prepared = new Map<StatementName, BetterSqlite3.Statement>();
for (const name of Object.keys(SQL) as StatementName[]) prepared.set(name, (WRITES.has(name) ? writer : reader).prepare(SQL[name]));

/** Statements run by the request being answered (requests are answered one at a time: the driver is synchronous). */
let statements = 0;
function all<T = Record<string, unknown>>(name: StatementName, parameters: Record<string, unknown>): T[] {
  statements += 1;
  return (prepared.get(name) as BetterSqlite3.Statement).all(parameters) as T[];
}
function run(name: StatementName, parameters: Record<string, unknown>): number {
  statements += 1;
  return (prepared.get(name) as BetterSqlite3.Statement).run(parameters).changes;
}

/** R-DNA-2's thresholds, from the service settings as Waymark stores them (one row per key), else core's defaults. */
function setting(key: string, fallback: number): number {
  const row = reader.prepare("select value from service_settings where key = ?").get(key) as { value: string } | undefined;
  return row ? Number(JSON.parse(row.value)) : fallback;
}
const disengagingDnas = Math.max(setting("disengagementConsecutiveDnas", 3), 1);
const quietDays = setting("disengagementDaysWithoutContact", 28);

/** The day's parameters every read compares with, worked out once per day rather than per request. */
let todayCache: { today: string; values: Record<string, unknown> } | null = null;
function dayParameters(): Record<string, unknown> {
  const today = systemClock(timeZone).today();
  if (todayCache?.today !== today) {
    todayCache = {
      today,
      values: {
        today,
        dueBy: addDays(today, 7),
        upcomingBy: addDays(today, 28),
        quietSince: addDays(today, -quietDays),
        disengagingDnas,
        ostTwoYearsStart: addYears(today, -2),
        ostSixYearsStart: addYears(today, -6),
      },
    };
  }
  return todayCache.values;
}

const FLAG_COLUMNS = [
  ["SUICIDE_RISK", "flag_suicide_risk"],
  ["SAFEGUARDING", "flag_safeguarding"],
  ["SAFEGUARDING_HOME_VISIT_DUE", "flag_home_visit_due"],
  ["DISENGAGING", "flag_disengaging"],
  ["DNA_FOLLOW_UP_OVERDUE", "flag_dna_follow_up_overdue"],
  ["DNA_FOLLOW_UP_DUE", "flag_dna_follow_up_due"],
  ["REVIEW_OVERDUE", "flag_review_overdue"],
  ["NO_KEYWORKER", "flag_no_keyworker"],
  ["OST_6_YEARS", "flag_ost_6_years"],
  ["OST_2_YEARS", "flag_ost_2_years"],
] as const;

function caseload(body: { staffId: string; first: number }): RawCaseloadPage {
  const rows = all("caseload", { ...dayParameters(), staffId: body.staffId, limit: body.first + 1 });
  const page = rows.slice(0, body.first);
  return {
    totalCount: Number(rows[0]?.total_count ?? 0),
    hasNextPage: rows.length > body.first,
    rows: page.map((row) => ({ ...row, flags: FLAG_COLUMNS.filter(([, column]) => Number(row[column]) === 1).map(([flag]) => flag) })),
  };
}

const plainGraphql = plainGraphqlEndpoint((staffId, first) => caseload({ staffId, first }));

function weekStarting(date: string): string {
  const daysSinceMonday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -daysSinceMonday);
}

function reviewSchedule(body: { teamId: string; from: string; to: string; first: number }) {
  const day = dayParameters();
  const today = day.today as string;
  const parameters = { ...day, teamId: body.teamId, from: body.from, to: body.to, limit: body.first + 1 };
  const groups = all<{ keyworker_id: string | null; keyworker_name: string | null; due_day: string; first_due: string; reviews: number }>("reviewScheduleCounts", parameters);
  const totals = { overdue: 0, due: 0, upcoming: 0 };
  const byKeyworker = new Map<string, { keyworkerId: string | null; name: string | null; overdue: number; due: number; upcoming: number }>();
  const weeks = new Map<string, number>();
  for (let week = weekStarting(body.from); week <= body.to; week = addDays(week, 7)) weeks.set(week, 0);
  const dueBy = addDays(today, 7);
  for (const group of groups) {
    const status = group.first_due < today ? "overdue" : group.first_due <= dueBy ? "due" : "upcoming";
    totals[status] += group.reviews;
    const key = group.keyworker_id ?? "";
    const entry = byKeyworker.get(key) ?? { keyworkerId: group.keyworker_id, name: group.keyworker_name, overdue: 0, due: 0, upcoming: 0 };
    entry[status] += group.reviews;
    byKeyworker.set(key, entry);
    if (group.first_due >= body.from) weeks.set(weekStarting(group.first_due), (weeks.get(weekStarting(group.first_due)) ?? 0) + group.reviews);
  }
  const rows = all("reviewScheduleEntries", parameters);
  return {
    ...totals,
    byKeyworker: [...byKeyworker.values()].sort((a, b) => b.overdue - a.overdue || b.due - a.due || b.upcoming - a.upcoming),
    weeks: [...weeks].map(([weekStarting, count]) => ({ weekStarting, count })),
    totalCount: totals.overdue + totals.due + totals.upcoming,
    hasNextPage: rows.length > body.first,
    entries: rows.slice(0, body.first),
  };
}

/** A list of the episode with its page size (one more row is read to know whether there is a next page). */
function page(name: StatementName, episodeId: string, size: number) {
  const rows = all(name, { episodeId });
  return { totalCount: Number(rows[0]?.total_count ?? 0), hasNextPage: rows.length > size, rows: rows.slice(0, size) };
}

function personRecord(body: { personId: string; episodeId: string }) {
  const [person] = all("person", { personId: body.personId });
  if (!person) return null;
  const episodes = all("personEpisodes", { personId: body.personId });
  const [episode] = all("episode", { episodeId: body.episodeId });
  const plans = page("recoveryPlans", body.episodeId, 20);
  const goals = all<{ plan_id: string }>("planGoals", { episodeId: body.episodeId });
  const reviews = page("reviews", body.episodeId, 30);
  const progress = all<{ review_id: string }>("goalProgress", { episodeId: body.episodeId });
  return {
    person,
    episodes,
    episode: {
      ...episode,
      problemSubstances: all("problemSubstances", { episodeId: body.episodeId }),
      assessments: page("assessments", body.episodeId, 20),
      recoveryPlans: { ...plans, rows: plans.rows.map((plan) => ({ ...plan, goals: goals.filter((goal) => goal.plan_id === plan.id) })) },
      reviews: { ...reviews, rows: reviews.rows.map((review) => ({ ...review, goalProgress: progress.filter((entry) => entry.review_id === review.id) })) },
      interventions: page("interventions", body.episodeId, 40),
      outcomes: page("outcomes", body.episodeId, 30),
      contacts: page("contacts", body.episodeId, 100),
      harmReduction: page("harmReduction", body.episodeId, 30),
    },
  };
}

function kpis(body: { from: string; to: string }) {
  const parameters = { ...dayParameters(), from: body.from, to: body.to, ostTwoYearsStart: addYears(body.to, -2), ostSixYearsStart: addYears(body.to, -6) };
  const one = (name: StatementName) => all(name, parameters)[0];
  return {
    k01: one("k01"),
    k02: one("k02"),
    k03: one("k03"),
    k04: one("k04"),
    k05k06: one("k05k06"),
    k07: all("k07", parameters),
    k08: one("k08"),
    k09: one("k09"),
    k10: one("k10"),
    k11: all("k11", parameters),
    k12: one("k12"),
    k13k14: one("k13k14"),
  };
}

const recordContactTransaction = writer.transaction((body: { staffId: string; episodeId: string; date: string; time: string; kind: string; outcome: string }) => {
  const parameters = { ...body, id: randomUUID(), now: Date.now() };
  if (run("updateEpisodeAfterContact", parameters) !== 1) throw new Error("not an open episode on this keyworker's caseload");
  run("insertContact", parameters);
  return { id: parameters.id };
});

const HANDLERS: Record<string, (body: never) => unknown> = {
  "/caseload": caseload,
  "/review-schedule": reviewSchedule,
  "/person-record": personRecord,
  "/kpis": kpis,
  // BEGIN and COMMIT are not counted, as Waymark's count (its drizzle logger) leaves out its own.
  "/contact": recordContactTransaction,
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function answer(response: ServerResponse, status: number, body: unknown, statementsRun: number) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), "server-timing": `db;desc="statements";dur=${statementsRun}` });
  response.end(text);
}

const server = createServer((request, response) => {
  const handler = request.method !== "POST" ? undefined : request.url === "/graphql" ? "graphql" : HANDLERS[request.url ?? ""];
  if (!handler) return answer(response, 404, { error: "not found" }, 0);
  readBody(request).then(
    (text) => {
      statements = 0;
      try {
        const body = JSON.parse(text) as never;
        // The GraphQL endpoint's answer is a GraphQL result of its own; the others' is their data.
        answer(response, 200, handler === "graphql" ? plainGraphql(body as GraphqlBody, String(request.headers["x-staff-id"] ?? "")) : { data: handler(body) }, statements);
      } catch (error) {
        answer(response, 500, { errors: [{ message: error instanceof Error ? error.message : String(error) }] }, statements);
      }
    },
    () => answer(response, 400, { errors: [{ message: "unreadable request" }] }, 0),
  );
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 3100), "127.0.0.1", () => console.log(`raw SQL server listening on ${process.env.PORT ?? 3100}`));
const stop = () => server.close(() => (reader.close(), writer.close(), process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

/** An environment variable the benchmark cannot run without. */
function requiredVariable(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: give the benchmark database's file`);
  return value;
}
