import type { IsoDate } from "@waymark/core";
import type { ReadAudit } from "../audit/auditLog.js";
import type { Viewer } from "../auth/viewer.js";
import type { Clock } from "../clock.js";
import type { Database } from "../db/database.js";
import type { Loaders } from "./loaders.js";

/** What a session needs to set or clear its cookies from a resolver. */
export interface SessionCookies {
  set(sessionToken: string, csrfToken: string, expiresAt: Date): void;
  clear(): void;
}

/** Everything a resolver may use for one request. Built fresh per request; nothing leaks between them. */
export interface RequestContext {
  readonly database: Database;
  readonly viewer: Viewer | null;
  readonly clock: Clock;
  readonly today: IsoDate;
  readonly fromAddress: string | null;
  readonly requestId: string;
  readonly readAudit: ReadAudit;
  readonly loaders: Loaders;
  readonly cookies: SessionCookies;
}
