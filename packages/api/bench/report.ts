/**
 * The benchmark's results as a table, the issue's budgets as verdicts (issue #6 point 3), and the same as
 * docs/performance.md.
 */
import type { DuringReport } from "./duringReport.js";
import { failuresOf, type LoadResult } from "./load.js";
import type { Machine } from "./machine.js";
import type { Subjects, Workload } from "./workloads.js";

/** Issue #6's budgets, on 100,000 people on SQLite on the 2-core machine. */
export const BUDGETS = {
  /** Every read's p50 latency, Waymark over raw SQL, at most this. */
  readP50Ratio: 1.5,
  /** Every read's throughput, Waymark over raw SQL, at least this. */
  readThroughputRatio: 0.67,
  /** The server's peak resident memory, in MB. */
  peakMemoryMb: 400,
  /** The caseload page's p95 with one client, in ms ("well under 25 ms"). */
  caseloadP95Ms: 25,
} as const;

export interface Cell {
  readonly workload: Workload;
  readonly connections: number;
  readonly waymark: LoadResult;
  readonly raw: LoadResult;
  /** The same document on the raw-SQL server's graphql-js endpoint, where the workload has one. */
  readonly plainGraphql?: LoadResult;
}

export interface Measurements {
  readonly machine: Machine;
  readonly database: string;
  readonly accounts: string;
  readonly rowCounts: readonly { table: string; rows: number }[];
  readonly subjects: Subjects;
  readonly secondsPerStep: number;
  /** How long each server answered a workload's request, one client, before its steps were measured. */
  readonly warmUpSeconds: { readonly read: number; readonly write: number };
  readonly cells: readonly Cell[];
  /** SQL statements per request, measured with single sequential requests. */
  readonly statements: Readonly<Record<string, { waymark: number | null; raw: number | null }>>;
  readonly peakMemoryMb: { readonly waymark: number | null; readonly raw: number | null };
  readonly soak: { readonly seconds: number; readonly connections: number; readonly result: LoadResult };
  /** The caseload with one client while a K-1..K-14 report runs (null when either was left out of the run). */
  readonly duringReport: DuringReport | null;
  readonly k1: { readonly waymark: number | null; readonly raw: number | null };
}

export interface Verdict {
  readonly budget: string;
  readonly passed: boolean;
  readonly detail: string;
}

const ms = (value: number) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value.toFixed(1)) : "-");
/** Requests per second, marked * when the step ran until a number of answers came back rather than for a time. */
const perSecond = (result: LoadResult) => `${result.requestsPerSecond.toFixed(result.requestsPerSecond < 10 ? 1 : 0)}${"answers" in result.length ? "*" : ""}`;
const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : "-");
const p50Ratio = (cell: Cell) => cell.waymark.p50 / cell.raw.p50;
const throughputRatio = (cell: Cell) => cell.waymark.requestsPerSecond / cell.raw.requestsPerSecond;

const HEADINGS = ["workload", "conns", "Waymark p50/p95/p99 ms", "Waymark req/s", "raw p50/p95/p99 ms", "raw req/s", "p50 ratio", "throughput ratio", "statements W/raw", "errors W/raw"];

function rowsOf(m: Measurements): string[][] {
  return m.cells.map((cell) => {
    const statements = m.statements[cell.workload.key];
    return [
      cell.workload.title,
      String(cell.connections),
      `${ms(cell.waymark.p50)} / ${ms(cell.waymark.p95)} / ${ms(cell.waymark.p99)}`,
      perSecond(cell.waymark),
      `${ms(cell.raw.p50)} / ${ms(cell.raw.p95)} / ${ms(cell.raw.p99)}`,
      perSecond(cell.raw),
      ratio(p50Ratio(cell)),
      ratio(throughputRatio(cell)),
      `${statements?.waymark ?? "?"} / ${statements?.raw ?? "?"}`,
      `${failuresOf(cell.waymark)} / ${failuresOf(cell.raw)}`,
    ];
  });
}

/** The table as aligned plain text, for the terminal. */
export function textTable(m: Measurements): string {
  const rows = [HEADINGS, ...rowsOf(m)];
  const widths = HEADINGS.map((_, column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  const line = (row: string[]) => row.map((value, column) => (column < 1 ? value.padEnd(widths[column] as number) : value.padStart(widths[column] as number))).join("  ");
  return [line(HEADINGS), widths.map((width) => "-".repeat(width)).join("  "), ...rowsOf(m).map(line)].join("\n");
}

/** What graphql-js alone reached on the same budget, where it was measured (see plainGraphqlText). */
function plainGraphqlContext(reads: readonly Cell[]): string {
  const ratios = reads.flatMap((cell) => (cell.plainGraphql ? [cell.plainGraphql.p50 / cell.raw.p50] : []));
  return ratios.length === 0 ? "" : `; graphql-js alone over the raw caseload statement: ${ratios.map(ratio).join(", ")}`;
}

/** The issue's budgets, each with what was measured. */
export function verdictsOf(m: Measurements): Verdict[] {
  const reads = m.cells.filter((cell) => !cell.workload.write);
  const verdicts: Verdict[] = [];
  const slowest = reads.reduce<Cell | null>((worst, cell) => (worst === null || p50Ratio(cell) > p50Ratio(worst) ? cell : worst), null);
  verdicts.push({
    budget: `every read's p50 ratio Waymark/raw <= ${BUDGETS.readP50Ratio}`,
    passed: reads.every((cell) => p50Ratio(cell) <= BUDGETS.readP50Ratio),
    detail: slowest
      ? `worst ${ratio(p50Ratio(slowest))} (${slowest.workload.title}, ${slowest.connections} conns); over budget: ${reads.filter((c) => p50Ratio(c) > BUDGETS.readP50Ratio).length} of ${reads.length}${plainGraphqlContext(reads)}`
      : "no reads measured",
  });
  const leastThroughput = reads.reduce<Cell | null>((worst, cell) => (worst === null || throughputRatio(cell) < throughputRatio(worst) ? cell : worst), null);
  verdicts.push({
    budget: `every read's throughput ratio Waymark/raw >= ${BUDGETS.readThroughputRatio}`,
    passed: reads.every((cell) => throughputRatio(cell) >= BUDGETS.readThroughputRatio),
    detail: leastThroughput
      ? `worst ${ratio(throughputRatio(leastThroughput))} (${leastThroughput.workload.title}, ${leastThroughput.connections} conns); under budget: ${reads.filter((c) => throughputRatio(c) < BUDGETS.readThroughputRatio).length} of ${reads.length}`
      : "no reads measured",
  });
  const soakFailures = failuresOf(m.soak.result);
  verdicts.push({
    budget: `${m.soak.connections} concurrent clients for ${m.soak.seconds} s with zero errors`,
    passed: soakFailures === 0 && m.soak.result.requests > 0,
    detail: `${m.soak.result.requests} requests, ${soakFailures} errors (non-2xx ${m.soak.result.non2xx}, socket/timeouts ${m.soak.result.transportErrors}, in the answer ${m.soak.result.answerErrors}); p50 ${ms(m.soak.result.p50)} ms, p99 ${ms(m.soak.result.p99)} ms`,
  });
  verdicts.push({
    budget: `Waymark's peak memory <= ${BUDGETS.peakMemoryMb} MB`,
    passed: m.peakMemoryMb.waymark !== null && m.peakMemoryMb.waymark <= BUDGETS.peakMemoryMb,
    detail: `peak RSS ${m.peakMemoryMb.waymark?.toFixed(0) ?? "unknown"} MB (raw server ${m.peakMemoryMb.raw?.toFixed(0) ?? "unknown"} MB)`,
  });
  const caseload = m.cells.find((cell) => cell.workload.key === "caseload" && cell.connections === 1);
  verdicts.push({
    budget: `caseload page p95 with 1 client well under ${BUDGETS.caseloadP95Ms} ms`,
    passed: caseload !== undefined && caseload.waymark.p95 < BUDGETS.caseloadP95Ms,
    detail: caseload ? `p95 ${ms(caseload.waymark.p95)} ms (raw ${ms(caseload.raw.p95)} ms)` : "not measured",
  });
  return verdicts;
}

export function verdictLines(verdicts: readonly Verdict[]): string {
  return verdicts.map((verdict) => `${verdict.passed ? "PASS" : "FAIL"}  ${verdict.budget}: ${verdict.detail}`).join("\n");
}

const cellsOf = (row: readonly string[]) => `| ${row.map((value) => value.replaceAll("|", "\\|")).join(" | ")} |`;

/** The caseload while a report runs, as a paragraph of the report (nothing when it was not measured). */
function duringReportText(during: DuringReport | null): string {
  if (!during) return "";
  const c = during.caseload;
  return `Caseload with 1 client while the analyst's K-1..K-14 report runs (the report took ${(during.reportMs / 1000).toFixed(1)} s${during.reportFailed ? " and failed" : ""}):
${c.requests} pages, ${failuresOf(c)} errors, p50 ${ms(c.p50)} ms, p99 ${ms(c.p99)} ms, slowest ${ms(c.max)} ms. On SQLite the report's statements
run on read-only connections in worker threads beside the server's own (two at a time on a machine with two cores or
more), so a page shares the cores with the report but never waits for one of its statements to end.
`;
}

/**
 * GraphQL's own cost: the workloads measured on the raw-SQL server's graphql-js endpoint too, beside the raw
 * statement and Waymark, as a paragraph and table of the report (nothing when none was).
 */
export function plainGraphqlText(m: Measurements): string {
  const cells = m.cells.filter((cell): cell is Cell & { plainGraphql: LoadResult } => cell.plainGraphql !== undefined);
  if (cells.length === 0) return "";
  const headings = ["workload", "conns", "raw p50 ms", "graphql-js p50 ms", "Waymark p50 ms", "graphql-js/raw", "Waymark/graphql-js", "req/s raw / graphql-js / Waymark"];
  const rows = cells.map((cell) => [
    cell.workload.title,
    String(cell.connections),
    ms(cell.raw.p50),
    ms(cell.plainGraphql.p50),
    ms(cell.waymark.p50),
    ratio(cell.plainGraphql.p50 / cell.raw.p50),
    ratio(cell.waymark.p50 / cell.plainGraphql.p50),
    `${perSecond(cell.raw)} / ${perSecond(cell.plainGraphql)} / ${perSecond(cell.waymark)}`,
  ]);
  return `## GraphQL's own cost

The raw-SQL server also answers the caseload's GraphQL document itself (\`packages/api/bench/plainGraphql.ts\`):
graphql-js executes it against Waymark's schema over the same single statement, with the rows shaped into the
answer in one pass so that no field has a resolver of its own, each document parsed and validated once, no
sign-in, no access rule and no audit trail. That is the least a server executing documents with graphql-js
(as Apollo Server and GraphQL Yoga do by default) can do over this SQL: its ratio to the raw statement is the part
of the budget that executing the document alone takes. Waymark's ratio to it is the cost of what Waymark adds
(the session check, the viewer's scope, the read audit trail), less what its own execution saves: a document the
pages send again and again runs in Waymark as a function compiled from it (graphql-jit, from the document's second
request on; \`packages/api/src/graphql/compiledExecution.ts\`), where the endpoint here interprets it each time.

${cellsOf(headings)}
${cellsOf(headings.map((_, index) => (index < 1 ? "---" : "---:")))}
${rows.map(cellsOf).join("\n")}

`;
}

/** docs/performance.md. */
export function markdownReport(m: Measurements, verdicts: readonly Verdict[]): string {
  const s = m.subjects;
  return `# Performance

Waymark measured against the best hand-written SQL over the same database, side by side in one run
(issue #6). Generated by \`pnpm bench\` on ${m.machine.date}; re-run it to refresh this page.

## Machine

| | |
|---|---|
| CPU | ${m.machine.cpu} |
| Cores | ${m.machine.cores} |
| Memory | ${m.machine.memory} |
| OS | ${m.machine.os} |
| Node | ${m.machine.node} |
| SQLite | ${m.machine.sqlite} |
| Date | ${m.machine.date} |

## Dataset

\`${m.database}\` (${m.accounts} accounts). Rows per table:

| table | rows |
|---|---:|
${m.rowCounts.map((row) => `| ${row.table} | ${row.rows.toLocaleString("en-GB")} |`).join("\n")}

Requests are about: the busiest keyworker (${s.keyworker.email}, ${s.keyworker.openEpisodes} open episodes); their team,
${s.team.name}, and its lead (${s.teamLead.email}); the team's longest record among those the write workload leaves alone (an episode with ${s.person.contacts} contacts);
the indicators for ${s.period.from} to ${s.period.to} as the analyst; contacts recorded on the keyworker's open episodes in turn.

## Results

Each step ran ${m.secondsPerStep} s, Waymark first and then the raw-SQL server, over loopback,
with the load generator on the same machine; a step whose requests are too slow for that (fewer than two answers
per connection) ran instead until each connection had an answer, at least 5 (its req/s is marked \\*). Latencies in milliseconds. Statements per request were counted with
single sequential requests, the last of three (Waymark's include the read audit trail it writes).
Before its steps, each server answered the workload's request from one client for ${m.warmUpSeconds.read} s (a write for
${m.warmUpSeconds.write} s, since each one grows the database), or once where one answer takes longer: V8 goes on optimising what a
request runs for thousands of requests, and the steps measure the server as it runs all day, not its compiler.

${cellsOf(HEADINGS)}
${cellsOf(HEADINGS.map((_, index) => (index < 1 ? "---" : "---:")))}
${rowsOf(m).map(cellsOf).join("\n")}

Peak memory (VmHWM): Waymark ${m.peakMemoryMb.waymark?.toFixed(0) ?? "unknown"} MB, raw-SQL server ${m.peakMemoryMb.raw?.toFixed(0) ?? "unknown"} MB.

K-1 numbers in treatment: Waymark ${m.k1.waymark ?? "not shown"}, raw SQL ${m.k1.raw ?? "unknown"}.

Soak: ${m.soak.connections} clients for ${m.soak.seconds} s on a mix of the reads and writes (the indicators report joins the mix
only when one report takes under a second; on a large provider it is measured at 1 and 10 clients instead): ${m.soak.result.requests} requests,
${failuresOf(m.soak.result)} errors, p50 ${ms(m.soak.result.p50)} ms, p95 ${ms(m.soak.result.p95)} ms, p99 ${ms(m.soak.result.p99)} ms.

${duringReportText(m.duringReport)}
${plainGraphqlText(m)}## Budgets

${verdicts.map((verdict) => `- **${verdict.passed ? "Pass" : "Fail"}**: ${verdict.budget}. ${verdict.detail}.`).join("\n")}

## What the raw-SQL server does and does not do

It answers the same five requests with the statements in \`packages/api/bench/rawQueries.ts\`, through better-sqlite3
with Waymark's connection settings (WAL, synchronous FULL, one writer and one reader, statements prepared once).
It checks no access beyond taking the staff member's id, writes no audit trail, suppresses no small counts and
computes the indicators' headline figures only (no breakdowns or texts): it is the floor a request cannot go below.

## What a Waymark request does beyond that floor

Taking the caseload page: Waymark checks the session and the viewer's roles and teams, and reads the service
settings the flags' thresholds come from and the teams the entries name. On SQLite it reads those once and keeps them until anything but a read
audit is committed, by the server or by another process (\`PRAGMA data_version\`, read once a turn of the event
loop; db/keptUntilChanged.ts), so a disabled account is still refused on its next request; on Postgres, where
another server may change them unseen, it reads them with every request. What the document asks of each entry,
which decides the columns the page reads, is worked out once per document and set of variables
(graphql/requestedFields.ts), and today's date once a minute (src/clock.ts): with the three, a caseload page
counted 17.1 and 19.7 million instructions, against 22.2 and 20.1 million before. A query text Apollo has answered
once with a compiled function is answered without Apollo's request pipeline from then on
(graphql/repeatedQueries.ts: the same context, query limits, compiled function, read audit and media type; anything
else, errors included, is still answered by Apollo): a caseload page 16.4 million instructions against 19.6 million
through Apollo, a person's record 19.3 million against 24.0 million. It runs the page and its total count with the viewer's scope in the
condition (the page reads only the episode and person columns its entries show when the document asks for no
more: every column of fifty people cost about 0.9 ms more), reads the page's keyworkers, maps the
rows through the ORM, executes the GraphQL document (about 1,300 fields for 50 rows: graphql-js took about
0.8 ms to execute and serialise such a page, the function graphql-jit compiles from the document 0.1 ms, with
the fields that only read a property read inline rather than through a resolver each) and writes the read audit
trail (one row per person shown, committed before the answer leaves and shared between requests that finish
together). Measured in-process on this class of machine, the audit write and its commit take about 0.4 to
0.7 ms: the trail's index by person is added a second's worth at a time (audit/auditPeopleIndex.ts), where
writing it with each read took about 1.9 ms, a random page per person shown. The page and count statements
take about 0.9 ms run on their own and about 1.4 ms inside the server, between other requests' work: the page
1.1 ms, the count 0.27 ms, read from the (keyworker, status) index alone (it visited each of the keyworker's
thousand episodes in the table, 0.9 to 1 ms, before the index carried the columns the access rule reads); the
HTTP, GraphQL and ORM layers and the garbage they leave take most of the rest. A signed-in
\`{ __typename }\` costs the server about 0.35 ms of CPU on its own (some 2,900 a second at 10 clients).

## New connections on a busy server

Node's event loop accepts one new connection per turn of the loop (libuv since 1.45). When a turn ran every
request that had arrived, a turn of a server busy with 50 clients lasted some 150 ms, and the load generator's 50
new connections were let in one per turn: the last ones' first answers came after 4 to 6 s, which set the p99
and the slowest answer of every 50-client step while no request took more than 25 ms inside the server.
Waymark now starts one request per turn (\`packages/api/src/ops/requestTurns.ts\`), so the loop accepts a
waiting connection between any two requests. The raw-SQL server is left as it is: where its requests are short,
so are its turns, and where they are not (the review schedule at 50 clients) its p99 shows the same wait.

## Memory

The server idles at about 165 MB. A K-1..K-14 report adds most of the rest. Its statements run on two reader
threads, and SQLite gives every temporary table a statement builds (a materialised CTE, an automatic index, the
rows of a DISTINCT, a UNION or an IN list) a page cache of its own of up to the compiled-in default, which
better-sqlite3 sets to 16 MB (\`SQLITE_DEFAULT_CACHE_SIZE=-16000\`; \`PRAGMA cache_size\` sets only the database's
own cache). So the indicator statements are written to hold few such tables: K-3 rebuilt the review schedule
with window functions over joined copies of plans and reviews, some fifteen temporary tables that took the
process up by 108 MB for one year on 100,000 people; it now walks the plans one at a time through their keys
and keeps only the occurrences, 17 MB, in less time (1.4 s against 1.8 s on its own). Readers stop ten seconds
after their last statement, which gives their memory back. The peak comes when a report starts on a heap grown
by 50-client load: with K-3 as it was, 395, 405 and 455 MB in three runs on one day; 283, 297 and 275 MB in the three runs since.
Once documents ran compiled the server answered more requests a second and the heap grew further before V8
collected it (V8 lets it reach four times what is in use when collections are quick): 398 MB in a full run. The
server now lets it reach twice (\`--heap-growing-percent=100\`, set in \`packages/api/src/launch.ts\`), which
only brings full collections forward, a few milliseconds each: 294 to 305 MB since, at the same throughput.

## Comparing runs

The benchmark writes to its database: the write workload adds contacts to the keyworker's episodes, and every
page of a caseload, schedule or record adds its read audit trail (fifty events for a caseload page). The record it
reads is chosen among the episodes the write workload does not add to, so every run on one database reads the same
record (until 2026-12-08 it was the longest of all, which the last runs' writes had grown: 37 contacts, then 431,
then 817). A run on the cached database in \`.bench/\` still writes to a longer trail and its caseload's episodes hold
more contacts than the run before it; delete \`.bench/\` to compare runs like for like. The machine's own speed also varies between runs (the
raw-SQL server's figures show by how much), so compare ratios from the same run rather than times across runs.

To tell whether a change made a request cheaper, count instructions rather than time them: on a shared machine
the same build's CPU time per request can differ by a fifth between two runs a minute apart.
\`packages/api/bench/instructions.ts\` runs the built server under valgrind's callgrind and prints the instructions
one request costs (a caseload page 16.4 million on 2026-12-07, a person's record 19.3 million, with V8's helper threads off). Three
counts of one build once spread by 6.5%, two on 2026-12-07 by 13%: less than timings do but not nothing (the server's timers, such as the checkpoints, run more
often in a slower run): count each build more than once, and take a smaller difference than that for noise.

\`\`\`sh
cd packages/api && BENCH_DATABASE=../../.bench/synthetic-100000.sqlite node --import tsx bench/instructions.ts
\`\`\`

With \`BENCH_RAW=true\` it counts the raw-SQL server's answer to the same request as well. On 2026-12-07 a caseload
page took 16.35 million instructions in Waymark against 11.28 million in the raw-SQL server (1.45; another count of
raw gave 10.40 million), and a person's record 19.28 million against 6.83 million (2.82). Timed, the caseload page's
ratio is higher than its count's (1.9 to 2.8 above): at 10 clients Waymark's main thread spent about 3.2 ms of CPU a
page against raw's 1.5 ms (read from /proc), so Waymark's instructions ran at about two-thirds of the rate of raw's,
most of which are SQLite's own loops, and its kernel time was 0.25 ms a page against 0.08 ms (the read audit's
writes to the write-ahead log, a larger answer to send).

Part of that kernel time was the log itself. Every request that shows a record commits its read audit, some
thirteen pages of the log for a caseload page, and under that steady stream the log was never started over: it
grew by all that was written, about 16 MB a second, and each commit extended the file by blocks the filesystem
had to allocate and zero (4% of the server's CPU in \`perf\`'s samples, a person's record at 10 clients). The
writer now closes the gap a background checkpoint leaves once the log passes 16 MB
(\`packages/api/src/db/sqliteCheckpoints.ts\`), and the log stays near 20 MB. With that and rows mapped by generated
object literals (\`packages/api/src/db/rowMapper.ts\`), a caseload page counted 15.79 million instructions on
2026-12-07 (evening) against raw's 10.78 million (1.46), 15.37 million once a row's flag columns were read by
names built once (1.43), and a person's record 20.21 million against 20.38 million
for the build before, counted the same hour; 18.84 million once fields with arguments of scalars (its seven lists'
pages) were called directly as well. Timed, the caseload page's ratios came down more than its count did
(p50 1.72 at 10 clients against 2.47 before): the log's blocks and the row objects cost cycles more than instructions.

Where a request's time goes, from \`perf record\` on the server at 10 clients (\`node --perf-basic-prof\`; the
server's own thread): for a person's record, SQLite's own code 26%, Waymark's code and the engine work it causes
(row objects, JSON) 30%, the kernel 7%, drizzle 4%, express, its router and body parsing about 5%, Node's HTTP
about 6%, graphql-jit and the compiled query 4%, type-graphql 1.6%, DataLoader 1.2%. The read audit is about 13%
of it all (its insert 8%, its commit 3%, the index by person 2.4%): 64 events, one per record shown. For a caseload
page, SQLite 39% (the raw-SQL server's is 48% of a smaller whole), the answer's JSON 7%, the read audit 11%,
graphql-jit 6%, body parsing 4%.

On 2026-12-07 (late), four changes took statements and work out of every page: the caseload's count now comes
on the page statement's rows, from a subquery SQLite runs once (\`packages/api/src/services/caseloadQuery.ts\`); the
staff a page shows are kept by id until something other than a read audit is committed
(\`packages/api/src/graphql/loaders.ts\`, as teams and the catalogue already were), and a request's loaders are built
when first asked for; read audits go in as multi-row inserts of up to 64 rows with their values in one flat array
(\`packages/api/src/audit/readAuditInsert.ts\`), not as one JSON text that SQLite unpacked column by column (about 17%
less time for 64 rows, timed alone); and an ordinary JSON body of /graphql is read directly, anything else still by
express.json (\`packages/api/src/ops/jsonBody.ts\`). A caseload page now runs 2 statements (the page and its audit)
where it ran 4, a person's record 17 where it ran 18. Counted side by side (both builds under callgrind at once), a
person's record took 19.63 million instructions against 19.99 million before. Counts of a caseload page of these two
builds ranged from 14.4 to 18.8 million over four counts: whether a full mark-compact of V8's heap falls inside the
counted requests or outside them moves a count by some 2 million a request, more than these changes, so take any
one count with that margin. The full run of 2026-12-07 20:50 UTC was on a database generated afresh, whose longest
record has 37 contacts where the run before's had 355 (that database had gathered the write workload's contacts
over many runs): its ratios are not comparable with earlier runs', only with each other. In it, Waymark answered
401, 447 and 455 caseload pages a second at 1, 10 and 50 clients, where graphql-js alone over the raw-SQL server's
single statement answered 366, 392 and 418.

On 2026-12-07 (night), smaller cuts. The writer's sync level is changed only when a write needs the other one
(\`packages/api/src/db/sqliteDatabase.ts\`), so a run of read audits no longer sets NORMAL and FULL around each
commit; a first page of contacts that holds the whole list is its own count (\`packages/api/src/graphql/contactPages.ts\`);
assessments and reviews are gathered until the event loop's turn ends (\`packages/api/src/graphql/loaders.ts\`), so a
person's record reads each once for the shown episode and the person's suicide-risk flag together, where the flag's
read came a round of loading later and ran its own; a page's keyworkers and teams are asked for once per distinct id
(\`packages/api/src/graphql/episodeOwners.ts\`), where each of fifty entries chained a promise and built its own copy of
the same member and team; and some garbage per request went (\`AsyncResource.bind\`'s deprecation wrappers in the JSON
body reader, the answer measured and then encoded, an array of six per audited record, a flag detail per entry, three
slices per date checked). A person's record now runs 14 statements (the raw-SQL server 13), a caseload page 2.
Counted side by side under callgrind (100 and 500 requests each, before the last four of these changes), a caseload
page took 15.09 million instructions against 17.27 million for the head before, a person's record 18.57 million
against 20.15 million. The full run of 2026-12-07 22:37 UTC, on the same freshly generated database as the run of
20:50, found the machine slower: the raw-SQL server answered 590, 563 and 621 caseload pages a second at 1, 10 and 50
clients where it had answered 685, 812 and 816, and Waymark 335, 466 and 346 where it had answered 401, 447 and 455.
Take its ratios (caseload throughput 0.57, 0.83 and 0.56; person's record 0.42, 0.48 and 0.39) as one more sample
of a noisy machine, not as a trend.

Also found: the raw-SQL server reads its rows as objects (better-sqlite3's default), Waymark as arrays (drizzle's raw
mode). Timed alone on the benchmark's database (200 runs, median of six), the caseload page's statement took 851 µs
as the raw-SQL server runs it and 617 µs as arrays; Waymark's own statement took 566 µs as arrays and 934 µs as
objects. So the raw baseline is not quite the floor: reading arrays would take about 0.23 ms, a seventh, off its
caseload page and lower Waymark's ratios by as much. It is left reading objects, as code written by hand usually does.

Found and not yet acted on: the driver's SQLite is built with STAT4 and the database holds its samples (ANALYZE, and
\`PRAGMA optimize\` at start, write them), and SQLite then recompiles a statement on every run whose bound value
could change its plan: binding any value to such a parameter expires the compiled statement. In \`perf\`'s samples
that recompiling (parser and planner under each run) was 7.5% of Waymark's CPU for a caseload page and 12.9% of the
raw-SQL server's, which reads the same file. Tried on a copy of the database with the samples deleted (keeping
\`sqlite_stat1\`; a start's \`PRAGMA optimize\` did not write them back), at 1 client: the raw-SQL server's CPU per
caseload page fell from 1.60 to 1.37 ms, while Waymark's did not fall (2.79 and 3.27 ms with the samples, 3.02, 3.47
and 3.79 ms without; why its page got no cheaper was not looked into). So it was left: it would widen the measured
gap, and the indicators' plans would need checking without the samples first (\`packages/api/test/queryPlans.test.ts\`).
Acted on later that night, for Waymark's own statements: a parameter SQLite reads while planning (an indexed
column compared with it, a LIMIT) marks the compiled statement to expire whenever it is bound again,
and STAT4's samples are what make it read them. Written \`+?\` instead of \`?\`, a parameter is the same value to SQLite
but hidden from the planner, so the statement is compiled once. The caseload's page and count statements and a
person's page of contacts are now compiled that way (\`packages/api/src/db/plansWithoutBoundValues.ts\`: the texts
are marked where they are built, and the statement cache compiles a marked text with its parameters hidden; the
logs and the cache still show and keep the text as written). Their plans are the same
(\`packages/api/test/queryPlans.test.ts\` compares them on a generated provider), and so are their rows. Timed alone,
the caseload page's statement took 0.30 to 0.37 ms hidden against 0.50 to 0.59 ms bound; inside the server at 1
client, 0.83 and 0.66 ms against 1.19 and 0.91 ms in two pairs of runs, and the server answered 308 and 402 pages a
second against 281 and 362. Statements whose best plan follows their values (a date range that may hold ten rows or
a million, a search) are left planned with them. Callgrind did not show the change (13.86 against 13.66 million
instructions a page, one count each): a count's spread from V8's collections is larger than it. The raw-SQL server's
statements are still compiled at every run: hand-written SQL is seldom written this way, and written so, its figures
would improve by up to the 12.9% of its CPU measured above. The full run of 2026-12-07 23:13 UTC, with this change,
measured the caseload page within both budgets at 1, 10 and 50 clients (p50 ratio 1.34, 1.16 and 1.38; throughput
ratio 0.70, 0.83 and 0.72). The person's record there was a longer one than in the runs before (431 contacts, after
the write workload of the run before added to it): 16 statements, p50 ratio 1.66, 1.04 and 1.99, throughput ratio
0.62, 0.87 and 0.55. Waymark's peak memory in that run was 389 MB, the highest since the heap's growth was limited.

On 2026-12-08, the measuring itself. Three things in how the figures were taken made Waymark look slower than it
runs, or made runs incomparable. (1) Each server warmed up for 2 s before its steps, but V8 goes on optimising what a
request runs for thousands of requests: with \`--trace-opt\`, 1,152 functions were optimised in a person's record's
first 1,600 requests, 326 more by 4,000 and 56 in the 8,000 after, and the server's throughput over successive 5 s
spans of one run rose from 1,217 to 2,376 requests. On this two-core machine V8's compiler threads also take their time
from the load generator's core. Each server now answers a read workload for 15 s before its steps (a write for 2 s).
(2) The instruction counts began when the server started, after 20 requests' warm-up, so V8's compiling was in them:
some 8 of a person's record's 19 to 21 million instructions a request. \`bench/instructions.ts\` now starts the
server with counting off and switches it on (\`callgrind_control\`) once 5,000 requests have warmed it. Counted after
2,000: a person's record 10.39 and 10.36 million instructions against the raw-SQL server's 6.52 and 6.89 million (1.59
and 1.50), a caseload page 10.73 million against 9.99 million (1.07). In the person's record's count, per request:
SQLite's own code 2.05 million against raw's 2.42; building the driver's rows and binding values 2.02 against 1.39
(Waymark reads whole rows, the raw-SQL server only the columns it shows); engine builtins 1.33 against 0.12
(\`Object.assign\` in the GraphQL objects' constructors alone 0.32: some 200 calls a record, 86 of them for its
contacts and its TOPs, every TOP built whole for the three health scores the screen shows); JSON 0.87 against 0.54
(longer global ids, the cost report); V8 still compiling 0.80 against 0.18. (3) The person's record read was the
team's longest, which the write workload's contacts had grown run after run (37 contacts, then 431, then 817); it is
now chosen among episodes the write workload does not add to (\`bench/subjects.ts\`), and stays the same on one
database. Timed, the person's record is still far over both budgets, by much more than its count: on 2026-12-08 at
01:06 UTC, with a 10 s warm-up, p50 ratio 3.02, 2.75 and 3.33 and throughput ratio 0.31, 0.38 and 0.32 at 1, 10 and 50
clients, while the caseload page, the review schedule and the indicators were within budget at every step. The
difference between its count (about 1.5) and its timing (about 3) was not explained: the main thread's CPU time per
request, read from /proc, swung between 1.5 and 2.6 ms for the same build in back-to-back runs, so this machine
could not time it finely enough. Two changes were tried and dropped for making no difference to the count (10.40
against 10.39 million): each kept catalogue row's GraphQL item built once and shared, and a plan's goals built once per
request rather than once for every goal a review's progress names. The full run of 01:41 UTC, the first with the 15 s warm-up, found the same: the caseload page,
the review schedule and the indicators within both budgets at every step, and the person's record over them, p50 ratio
1.65, 2.05 and 2.65, throughput ratio 0.59, 0.51 and 0.41.

On 2026-12-08 (morning), the person's record. In V8's profile of the server at 10 clients, the driver's reads were
21% of its time, the read audit trail about 13% (its insert 6.4%, its commit 2.4%, its index by person 2.7%, noting
each record read 1.4%), the answer's JSON 4.4% and collections 3.9%; the rest was spread thinly over express,
graphql-jit, DataLoader and Waymark's own code, no one function above 1%. A build that skipped the read audit (made
only to measure this) answered 684 records a second at 10 clients against 563, its CPU per record 1.51 ms against
1.86: about a fifth of a record's cost is recording that it was read, which the raw-SQL server does not do. Three
changes. (1) A read audit batch waits for the end of the event loop's turn before it asks for the writer
(\`packages/api/src/audit/auditLog.ts\`). Started at once, it had nearly always committed before another request
could join it, so each request paid for a transaction of its own, the same tail pages of the trail and its two
indexes written to the log again at every commit; at 10 clients a batch now holds about two requests' reads, and the
server went from about 490 to 560 records a second, its kernel time from 0.24 to 0.17 ms a record. (2) A TOP's
answers are built when a field asks for them (the screen asks for three of some forty), a page's start and end
cursors when they are read, and a record's GraphQL objects are set field by field rather than copied from a
literal by \`Object.assign\`: counted after 2,000 requests' warm-up, 10.30 million instructions a record before and
9.60 million after. (3) Read audits go in inserts of up to 128 rows, so a record's 67 reads take one statement (14
statements a record; the raw-SQL server's 13). Counted side by side, a person's record now takes 9.65 million
instructions against the raw-SQL server's 7.29 million (1.32), yet timed its ratios are higher: in the full run of
03:42 UTC (the table above) p50 ratio 1.43, 1.70 and 1.73 and throughput ratio 0.65, 0.61 and 0.56 at 1, 10 and 50
clients, where a run of the record alone an hour earlier gave 1.28, 1.60 and 1.61 and 0.83, 0.65 and 0.62. Both
servers' main threads were busy all the time at 10 clients (98% of each second, read per thread from /proc; the
checkpointing thread 3%), Waymark's about 1.8 ms a record and raw's 1.2: Waymark's instructions run slower, as
those of a heap-heavy program do (four objects made for each record shown: the driver's row, the query builder's,
the GraphQL object and the answer's), and it spends more time in the kernel (0.14 ms a record against 0.08, the read
audit's writes). The raw-SQL server spends about two-thirds of its time in the driver's reads (0.79 ms a record)
against Waymark's 0.4 ms: its SQL joins staff names into every row and sorts and counts in SQLite, where Waymark
keeps staff by id and pages an episode's records in memory; Waymark's extra cost is in what surrounds its reads.
Tried and left out: a larger young generation for V8 (\`--max-semi-space-size=32\`, which only the command line can
set) took the CPU per record at 50 clients from about 1.93 to 1.75 ms, but in a full run it moved the ratios little
and Waymark's peak memory rose from 320 to 363 MB, too near the 400 MB budget. Three per-row costs of the read audit's
insert were measured on a copy of the database and not changed: rows per statement make no difference (67 rows in
one insert or two, 134 in one or three, within noise), sharing the values every row of a request has (its time, its
viewer, its address, its person) through named parameters saved about a tenth of the insert, and each of its two
indexes (by time, by viewer) roughly a tenth to a seventh of it, in timings this machine could not make steady.

## How to re-run

\`\`\`sh
pnpm bench                                   # 100,000 people (generated once, cached in .bench/)
BENCH_PEOPLE=10000 BENCH_SECONDS=5 pnpm bench    # smaller and quicker
BENCH_SOAK_SECONDS=60 BENCH_DATABASE=/path/to/waymark.sqlite pnpm bench   # an existing database
\`\`\`

Only Node 20 and npm are needed; the script installs, builds, generates the provider and runs
\`packages/api/bench/run.ts\`. It exits non-zero when a budget fails.
`;
}
