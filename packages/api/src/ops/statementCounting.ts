import type { NextFunction, Request, Response } from "express";
import type { Database } from "../db/database.js";

/** The environment variable that turns the statement count header on (for the benchmark; off in production). */
export const STATEMENT_COUNTING_VARIABLE = "WAYMARK_COUNT_STATEMENTS";

/** True when `environment` asks for the statement count header. */
export function statementCountingWanted(environment: NodeJS.ProcessEnv = process.env): boolean {
  return environment[STATEMENT_COUNTING_VARIABLE] === "true";
}

/**
 * Adds `Server-Timing: db;desc="statements";dur=N` to every answer: the SQL statements the database ran
 * between the request's arrival and its headers being sent (sign-in check, resolvers, read audit). The count
 * is the process-wide Database.statementCount() difference, so it is exact only for requests sent one at a
 * time, which is how the benchmark measures it.
 */
export function countStatements(database: Database) {
  return (_request: Request, response: Response, next: NextFunction) => {
    const before = database.statementCount();
    const writeHead = response.writeHead;
    response.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
      if (!this.headersSent) this.setHeader("server-timing", `db;desc="statements";dur=${database.statementCount() - before}`);
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  };
}
