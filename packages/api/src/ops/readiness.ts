import type { Database } from "../db/database.js";

/** How long /readyz waits for the database before calling it unavailable: a probe must answer promptly. */
const DATABASE_CHECK_TIMEOUT_MS = 2_000;

/** What /readyz reports. */
export interface ReadinessReport {
  readonly ready: boolean;
  readonly status: "ready" | "stopping" | "database unavailable";
}

/**
 * Whether the server should be sent traffic: not while it is stopping, and not while its database does not
 * answer. A load balancer or systemd watchdog reads it through /readyz.
 */
export class Readiness {
  private stopping = false;

  constructor(
    private readonly database: Database,
    private readonly timeoutMs = DATABASE_CHECK_TIMEOUT_MS,
  ) {}

  /** From now on the server reports not ready: it is draining before it stops. */
  markStopping(): void {
    this.stopping = true;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Checks the database with a trivial query, giving up after the timeout (an unreachable host can hang). */
  async check(): Promise<ReadinessReport> {
    if (this.stopping) return { ready: false, status: "stopping" };
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.timeoutMs);
    });
    try {
      const answered = await Promise.race([this.database.ping().catch(() => false), timedOut]);
      if (this.stopping) return { ready: false, status: "stopping" };
      return answered ? { ready: true, status: "ready" } : { ready: false, status: "database unavailable" };
    } finally {
      clearTimeout(timer);
    }
  }
}
