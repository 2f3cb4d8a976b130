import { z } from "zod";
import { defaultExportFolder } from "./exports/exportFiles.js";
import { defaultDataFile, defaultWebRoot } from "./paths.js";

/**
 * Configuration from the environment, checked at start: a wrong value stops the server with a message
 * naming the variable, rather than surfacing later as a strange failure.
 */
const ConfigSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  WAYMARK_WEB_ROOT: z.string().min(1).optional(),
  WAYMARK_TIME_ZONE: z.string().min(1).default("Europe/London"),
  /** Cookies are Secure unless the server only listens on loopback over plain HTTP. */
  WAYMARK_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  /** Where CSV exports are written; by default beside a SQLite database, or a temporary folder for Postgres. */
  WAYMARK_EXPORT_FOLDER: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** How long a stopping server waits for requests in progress before it closes their connections. */
  WAYMARK_SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
});

export interface Config {
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly webRoot: string;
  readonly timeZone: string;
  readonly secureCookies: boolean;
  readonly logLevel: string;
  readonly exportFolder: string;
  readonly shutdownTimeoutMs: number;
}

/** A variable set to the empty string (`PORT=` in an environment file) counts as not set. */
function withoutEmptyValues(environment: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(environment).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== ""));
}

/** A postgres:// URL that does not parse would otherwise fail later with a driver message that hides why. */
function checkDatabaseUrl(databaseUrl: string | undefined): void {
  if (!databaseUrl || !/^postgres(ql)?:/.test(databaseUrl)) return;
  if (!URL.canParse(databaseUrl)) {
    throw new Error("Waymark's configuration is not valid: DATABASE_URL starts with postgres but is not a URL (postgres://user:password@host:5432/database)");
  }
}

/**
 * Reads and checks Waymark's configuration from `environment`. Throws one error listing every variable that
 * is wrong, each by name with the rule it breaks; values are not echoed, since DATABASE_URL may hold a password.
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(withoutEmptyValues(environment));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Waymark's configuration is not valid: ${problems}`);
  }
  const env = parsed.data;
  checkDatabaseUrl(env.DATABASE_URL);
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: env.WAYMARK_TIME_ZONE });
  } catch {
    throw new Error(`Waymark's configuration is not valid: WAYMARK_TIME_ZONE "${env.WAYMARK_TIME_ZONE}" is not a time zone (e.g. Europe/London)`);
  }
  const loopback = env.HOST === "127.0.0.1" || env.HOST === "localhost" || env.HOST === "::1";
  return {
    databaseUrl: env.DATABASE_URL ?? defaultDataFile,
    port: env.PORT,
    host: env.HOST,
    webRoot: env.WAYMARK_WEB_ROOT ?? defaultWebRoot,
    timeZone: env.WAYMARK_TIME_ZONE,
    secureCookies: env.WAYMARK_SECURE_COOKIES ? env.WAYMARK_SECURE_COOKIES === "true" : !loopback,
    logLevel: env.LOG_LEVEL,
    exportFolder: env.WAYMARK_EXPORT_FOLDER ?? defaultExportFolder(env.DATABASE_URL ?? defaultDataFile),
    shutdownTimeoutMs: env.WAYMARK_SHUTDOWN_TIMEOUT_SECONDS * 1000,
  };
}
