import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE, ProviderDataBuilder, STAFF, TEAMS } from "../../core/src/kpis/testData.js";
import type { Database } from "../src/db/database.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { kpiReport } from "../src/kpis/kpiReport.js";
import { freshDatabaseUrl } from "./databases.js";
import { writeClinicalRecords, writeOrganisation } from "./kpiData.js";

/**
 * A year's report on a large provider is seconds of statements. On SQLite they run on the server's one thread,
 * so the report must hand the thread back between them: otherwise every keyworker's request waits for the
 * whole of an analyst's report. (On Postgres the statements wait on the network, which hands the thread back.)
 */
describe("a KPI report on SQLite", () => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshDatabaseUrl("sqlite");
    drop = fresh.drop;
    database = await openDatabase(fresh.url);
    await writeOrganisation(database, { teams: TEAMS, staff: STAFF, catalogue: CATALOGUE });
    const builder = new ProviderDataBuilder();
    for (let index = 0; index < 3; index += 1) builder.treated(builder.person(), { referred: "2025-02-01", start: "2025-02-10" });
    await writeClinicalRecords(database, builder.build());
  });

  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it("lets other work run between its statements, not only before and after the whole report", async () => {
    // Notes the statement count at every turn of the event loop while the report runs.
    const countsSeen: number[] = [];
    let reporting = true;
    const watch = () => {
      countsSeen.push(database.statementCount());
      if (reporting) setImmediate(watch);
    };
    const before = database.statementCount();
    setImmediate(watch);
    await kpiReport(database, { period: { from: "2025-01-01", to: "2025-12-31" }, breakdown: "TEAM", filter: {} });
    reporting = false;
    const after = database.statementCount();

    const statements = after - before;
    const turnsBetweenStatements = new Set(countsSeen.filter((count) => count > before && count < after)).size;
    expect(statements).toBeGreaterThanOrEqual(12);
    // One turn after each of the indicators' statements at least (a few small lookups may share a turn).
    expect(turnsBetweenStatements).toBeGreaterThanOrEqual(10);
  });
});
