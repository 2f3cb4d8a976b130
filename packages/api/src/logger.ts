import pino from "pino";

/**
 * Structured JSON logs. Anything that could carry personal data (cookies, tokens, passwords, GraphQL
 * variables) is redacted at the source, so logs can be shipped and kept without becoming a clinical record.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? "info") {
  return pino({
    level,
    base: { service: "waymark" },
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", "req.headers['x-csrf-token']", "variables", "*.password", "*.token", "*.variables"],
      censor: "[redacted]",
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
