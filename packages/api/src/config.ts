import { z } from "zod";
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
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly webRoot: string;
  readonly timeZone: string;
  readonly secureCookies: boolean;
  readonly logLevel: string;
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Waymark's configuration is not valid: ${problems}`);
  }
  const env = parsed.data;
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
  };
}
