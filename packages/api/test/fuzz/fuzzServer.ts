import { fixedClock } from "../../src/clock.js";
import type { Dialect } from "../../src/db/database.js";
import type { Organisation } from "../fixtures.js";
import { startLoggedServer } from "../loggedServer.js";
import type { TestServer } from "../testServer.js";

/** The logged server's "today" (startLoggedServer's fixed clock), which the built records' dates are relative to. */
const LOGGED_SERVER_TODAY = "2025-06-02";

/** The server a fuzz run talks to: the real app, with everything it logs kept for the run's checks. */
export interface FuzzServer {
  /** The server as the shared test helpers (record builders, sign-in) take it. */
  readonly server: TestServer;
  readonly organisation: Organisation;
  /** Every line the server has logged, parsed. */
  logLines(): Record<string, unknown>[];
  close(): Promise<void>;
}

/** pino's level numbers: 50 is `error`, 60 `fatal`. */
export const PINO_ERROR = 50;

export async function startFuzzServer(dialect: Dialect): Promise<FuzzServer> {
  const logged = await startLoggedServer(dialect);
  const clock = fixedClock(LOGGED_SERVER_TODAY);
  const server: TestServer = {
    url: logged.url,
    database: logged.database,
    clock: {
      now: () => clock.now(),
      today: () => clock.today(),
      set: () => {
        throw new Error("The fuzz server's clock is the logged server's own and does not move");
      },
    },
    answeredDirectly: () => logged.answeredDirectly(),
    client: () => logged.client(),
    close: () => logged.close(),
  };
  return {
    server,
    organisation: logged.organisation,
    logLines: () =>
      logged
        .logText()
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    close: () => logged.close(),
  };
}
