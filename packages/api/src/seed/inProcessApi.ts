import { ApolloServer } from "@apollo/server";
import type { IsoDate } from "@waymark/core";
import { randomUUID } from "node:crypto";
import { ReadAudit } from "../audit/auditLog.js";
import type { Viewer } from "../auth/viewer.js";
import type { Clock } from "../clock.js";
import type { Database } from "../db/database.js";
import type { RequestContext } from "../graphql/context.js";
import { createLoaders } from "../graphql/loaders.js";
import { waymarkSchema } from "../graphql/schema.js";

/** Where the seed's writes say they came from, in the audit trail. */
export const SEED_ADDRESS = "waymark seed --demo";

/** A mutation that came back with errors or userErrors: the demo data broke a rule, which must never pass quietly. */
export class SeedRefused extends Error {
  constructor(operation: string, detail: unknown) {
    super(`The demo seed was refused by ${operation}: ${JSON.stringify(detail)}`);
  }
}

/**
 * A clock stopped at one moment of the story's day. Records made on the same day are stamped 20 seconds
 * apart from 08:00 (UTC), in the order they were made, so created-at stamps and audit events read in order.
 */
function clockAt(date: IsoDate, madeThatDayBefore: number): Clock {
  const moment = Date.parse(`${date}T08:00:00.000Z`) + madeThatDayBefore * 20_000;
  return { now: () => new Date(moment), today: () => date };
}

/**
 * Waymark's own GraphQL schema, run in this process without HTTP. The seed calls the same mutations a
 * keyworker's browser does, as the staff member who would have made each record and on the day they made
 * it, so every demo record has passed exactly the rules users meet.
 */
export class InProcessApi {
  private readonly madePerDay = new Map<IsoDate, number>();

  private constructor(
    private readonly server: ApolloServer<RequestContext>,
    private readonly database: Database,
  ) {}

  static async start(database: Database): Promise<InProcessApi> {
    const server = new ApolloServer<RequestContext>({ schema: await waymarkSchema(), introspection: false, includeStacktraceInErrorResponses: true });
    await server.start();
    return new InProcessApi(server, database);
  }

  /**
   * Runs `document` as `viewer` on `date` and returns `data[field]`. Throws SeedRefused on any GraphQL
   * error or any userError in the payload.
   */
  async mutate<T>(field: string, document: string, variables: Record<string, unknown>, viewer: Viewer, date: IsoDate): Promise<T> {
    const madeThatDay = this.madePerDay.get(date) ?? 0;
    this.madePerDay.set(date, madeThatDay + 1);
    const clock = clockAt(date, madeThatDay);
    const contextValue: RequestContext = {
      database: this.database,
      viewer,
      clock,
      today: date,
      fromAddress: SEED_ADDRESS,
      requestId: randomUUID(),
      // Reads made while answering the seed's own mutations are not anyone looking at a record: not flushed.
      readAudit: new ReadAudit({ actorId: viewer.staffId, fromAddress: SEED_ADDRESS }),
      loaders: createLoaders(this.database),
      cookies: { set: () => undefined, clear: () => undefined },
    };
    const response = await this.server.executeOperation({ query: document, variables }, { contextValue });
    if (response.body.kind !== "single") throw new SeedRefused(field, "an incremental response");
    const { data, errors } = response.body.singleResult;
    if (errors?.length) throw new SeedRefused(field, { errors: errors.map((error) => error.message), variables });
    const payload = (data as Record<string, unknown> | null | undefined)?.[field] as (T & { userErrors?: unknown[] }) | undefined;
    if (!payload) throw new SeedRefused(field, "no payload");
    if (payload.userErrors && payload.userErrors.length > 0) throw new SeedRefused(field, { userErrors: payload.userErrors, variables });
    return payload;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
