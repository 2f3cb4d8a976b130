import type { SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE, ProviderDataBuilder, STAFF, TEAMS } from "../../core/src/kpis/testData.js";
import type { Database } from "../src/db/database.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { kpiReport } from "../src/kpis/kpiReport.js";
import { freshDatabaseUrl } from "./databases.js";
import { writeClinicalRecords, writeOrganisation } from "./kpiData.js";

/**
 * A year's report on a large provider is seconds of statements. On SQLite the server's requests share one
 * thread, so the indicators' statements must run on the background readers: otherwise every keyworker's request
 * waits for each of an analyst's statements. Only the small lookups of names and settings may run in the thread.
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

  it("runs its indicators' statements off the server's thread", async () => {
    const inBackground = { statements: 0 };
    const readInBackground = database.readInBackground.bind(database);
    const eachRow = database.eachRow.bind(database);
    const counted = Object.assign(Object.create(database) as Database, {
      readInBackground: <Row>(query: SQL) => ((inBackground.statements += 1), readInBackground<Row>(query)),
      eachRow: <Row>(query: SQL, visit: (row: Row) => void) => ((inBackground.statements += 1), eachRow<Row>(query, visit)),
    });
    const before = database.statementCount();
    const report = await kpiReport(counted, { period: { from: "2025-01-01", to: "2025-12-31" }, breakdown: "TEAM", filter: {} });
    const statements = database.statementCount() - before;

    expect(report.indicators["K-1"].count).toBe(3);
    // The treatment population (K-1, K-5, K-6, K-14 and K-13's denominators), then K-2..K-4 and K-7..K-13.
    expect(inBackground.statements).toBeGreaterThanOrEqual(11);
    // Team names, staff names and the service's settings.
    expect(statements - inBackground.statements).toBeLessThanOrEqual(3);
  });
});
