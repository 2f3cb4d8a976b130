import pino, { type DestinationStream } from "pino";

/**
 * Paths redacted from every log line. Secrets (cookies, tokens, passwords, the CSRF token) and anything that
 * could carry personal data (GraphQL variables, query results, request bodies) are censored at the source, so
 * logs can be shipped and kept without becoming a clinical record or a way into one.
 */
export const REDACTED_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  "req.headers['x-csrf-token']",
  "res.headers['set-cookie']",
  "headers.cookie",
  "headers.authorization",
  "variables",
  "body",
  "data",
  "password",
  "token",
  "*.password",
  "*.token",
  "*.variables",
  "*.body",
  "*.data",
  "*.cookie",
  "*.authorization",
];

/** SQL parameters quoted in a driver's error message: they are the values written, personal data among them. */
const QUERY_PARAMETERS = /\nparams: [\s\S]*?(?=\n\s+at |$)/g;

/**
 * Logs an error by its type, code, message and stack only, with any SQL parameters cut out. Drivers attach
 * the failed query's values to the error (as text and as properties); none of them may reach the log.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error).replace(QUERY_PARAMETERS, "\nparams: [redacted]") };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor.name,
    ...(typeof code === "string" ? { code } : {}),
    message: error.message.replace(QUERY_PARAMETERS, "\nparams: [redacted]"),
    stack: error.stack?.replace(QUERY_PARAMETERS, "\nparams: [redacted]"),
  };
}

/**
 * Structured JSON logs, one object a line, at `level` (LOG_LEVEL). `destination` defaults to standard output;
 * tests pass their own stream to read what would have been logged.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? "info", destination?: DestinationStream) {
  return pino(
    {
      level,
      base: { service: "waymark" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: serializeError, error: serializeError },
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

export type Logger = ReturnType<typeof createLogger>;
