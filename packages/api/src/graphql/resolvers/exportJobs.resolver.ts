import { INPUT_CODES } from "@waymark/core";
import { randomUUID } from "node:crypto";
import { Arg, Args, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { writeAudit } from "../../audit/auditLog.js";
import type { Viewer } from "../../auth/viewer.js";
import { cancelExportJob, createExportJob, exportJobOf, exportJobsPage, unfinishedExportCount, type ExportKind } from "../../exports/exportJobStore.js";
import { readExportQuery, type ExportRefusal } from "../../exports/exportQuery.js";
import { exportRunnerOf } from "../../exports/exportRunners.js";
import type { GraphqlExportRequest } from "../../exports/graphqlExport.js";
import type { NationalExtractRequest } from "../../exports/nationalExtract.js";
import type { Db } from "../../db/database.js";
import type { RequestContext } from "../context.js";
import { notFound } from "../errors.js";
import { localIdOf } from "../globalId.js";
import { requireViewer, TEXT_LIMITS, tooLong } from "../mutations.js";
import { registerNodeType } from "../nodeRegistry.js";
import { PageArgs, mapNodes, pageSizeOf, type ConnectionShape } from "../relay.js";
import { CancelExportInput, StartExportInput, StartNationalExtractInput } from "../types/exportInputs.js";
import { ExportJob, ExportJobConnection } from "../types/exportJob.js";
import { UserError } from "../userErrors.js";

/** Codes of the export mutations' refusals (the query's own are in exports/exportQuery.ts). */
export const EXPORT_CODES = {
  tooManyRunning: "EXPORT_LIMIT_REACHED",
  alreadyFinished: "EXPORT_ALREADY_FINISHED",
  unavailable: "EXPORT_UNAVAILABLE",
} as const;

/** Exports one person may have queued or running at once, so nobody can fill the queue for everyone. */
export const MAX_UNFINISHED_EXPORTS = 3;
/** The longest national extract period, in days: five years. */
export const MAX_EXTRACT_PERIOD_DAYS = 5 * 366;
const MAX_VARIABLES_CHARS = 20_000;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

registerNodeType("ExportJob", async (localId, context) => {
  const viewer = requireViewer(context);
  const row = await exportJobOf(context.database.read, context.database.tables, localId, viewer.staffId);
  return row ? ExportJob.of(row, context.clock.now()) : null;
});

@ObjectType({ description: "The result of starting an export." })
class StartExportPayload {
  @Field(() => ExportJob, { nullable: true, description: "The new job, queued; null when refused. Poll `exportJob(id:)` for its progress." })
  exportJob!: ExportJob | null;

  @Field(() => [UserError], { description: "Why the export was not started, if it was not." })
  userErrors!: UserError[];
}

@ObjectType({ description: "The result of cancelling an export." })
class CancelExportPayload {
  @Field(() => ExportJob, { nullable: true, description: "The job, now cancelled; null when refused." })
  exportJob!: ExportJob | null;

  @Field(() => [UserError], { description: "Why the export was not cancelled, if it was not." })
  userErrors!: UserError[];
}

function checkExportInput(input: StartExportInput): ExportRefusal[] {
  const violations = tooLong({ query: [input.query, TEXT_LIMITS.long] });
  if (input.variables && JSON.stringify(input.variables).length > MAX_VARIABLES_CHARS) {
    violations.push({ code: INPUT_CODES.tooLong, field: "variables", message: `The variables are over ${MAX_VARIABLES_CHARS.toLocaleString("en-GB")} characters of JSON.` });
  }
  const path = input.connectionPath ?? [];
  if (path.length > 10) violations.push({ code: INPUT_CODES.invalidValue, field: "connectionPath", message: "A connection path has at most 10 steps." });
  path.forEach((key, index) => {
    if (!GRAPHQL_NAME.test(key)) violations.push({ code: INPUT_CODES.invalidValue, field: `connectionPath.${index}`, message: `"${key}" is not a GraphQL field name or alias.` });
  });
  return violations;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function checkPeriod(input: StartNationalExtractInput, today: string): ExportRefusal[] {
  const { from, to } = input.period;
  if (to < from) return [{ code: "INVALID_DATE", field: "period.to", message: "The period's last day is before its first day." }];
  if (from > today) return [{ code: "INVALID_DATE", field: "period.from", message: "The period starts in the future." }];
  if (daysBetween(from, to) > MAX_EXTRACT_PERIOD_DAYS) return [{ code: INPUT_CODES.invalidValue, field: "period", message: "The period is longer than five years; extract it in parts." }];
  return [];
}

/** Thrown inside the start or cancel transaction to roll it back and answer with the refusal. */
class ExportRefused extends Error {
  constructor(readonly refusal: ExportRefusal) {
    super(refusal.message);
  }
}

const userErrorOf = (refusal: ExportRefusal) => Object.assign(new UserError(), { code: refusal.code, field: refusal.field, message: refusal.message });

/** Runs `work` in one transaction; an ExportRefused rolls it back and comes back as user errors. */
async function refusable<T>(context: RequestContext, work: (tx: Db) => Promise<T>): Promise<{ result: T | null; userErrors: UserError[] }> {
  try {
    return { result: await context.database.write(work), userErrors: [] };
  } catch (error) {
    if (error instanceof ExportRefused) return { result: null, userErrors: [userErrorOf(error.refusal)] };
    throw error;
  }
}

/**
 * Creates the job, audits its creation and queues it, in one transaction; refused input (checked before)
 * or the per-person limit (checked inside) writes nothing.
 */
async function startJob(context: RequestContext, viewer: Viewer, kind: ExportKind, request: Record<string, unknown>, refusals: readonly ExportRefusal[]): Promise<StartExportPayload> {
  const payload = (job: ExportJob | null, userErrors: UserError[]) => Object.assign(new StartExportPayload(), { exportJob: job, userErrors });
  if (refusals.length > 0) return payload(null, refusals.map(userErrorOf));
  const runner = exportRunnerOf(context.database);
  if (!runner) return payload(null, [userErrorOf({ code: EXPORT_CODES.unavailable, field: "", message: "This server process does not run exports." })]);
  const t = context.database.tables;
  const now = context.clock.now();
  const { result, userErrors } = await refusable(context, async (tx) => {
    if ((await unfinishedExportCount(tx, t, viewer.staffId)) >= MAX_UNFINISHED_EXPORTS) {
      throw new ExportRefused({ code: EXPORT_CODES.tooManyRunning, field: "", message: `You already have ${MAX_UNFINISHED_EXPORTS} exports queued or running. Wait for one to finish, or cancel one.` });
    }
    const row = await createExportJob(tx, t, { id: randomUUID(), ownerId: viewer.staffId, kind, request }, now);
    const detail = kind === "NATIONAL_EXTRACT" ? { kind, period: request.period } : { kind, connectionPath: request.connectionPath };
    await writeAudit(tx, t, { actorId: viewer.staffId, fromAddress: context.fromAddress }, [{ action: "CREATE", recordType: "ExportJob", recordId: row.id, detail }], now);
    return row;
  });
  if (result) runner.enqueue(result.id);
  return payload(result ? ExportJob.of(result, now) : null, userErrors);
}

@Resolver(() => ExportJob)
export class ExportJobResolver {
  @Authorized()
  @Query(() => ExportJob, { description: "One of your export jobs, with its status and progress. Someone else's answers as not found." })
  async exportJob(@Arg("id", () => ID, { description: "The export job's ID." }) id: string, @Ctx() context: RequestContext): Promise<ExportJob> {
    const viewer = requireViewer(context);
    const localId = localIdOf(id, "ExportJob");
    const row = localId ? await exportJobOf(context.database.read, context.database.tables, localId, viewer.staffId) : undefined;
    if (!row) throw notFound("export job");
    return ExportJob.of(row, context.clock.now());
  }

  @Authorized()
  @Query(() => ExportJobConnection, { description: "Your export jobs, newest first. Only your own: nobody, admins included, sees another's exports." })
  async exportJobs(@Args(() => PageArgs) args: PageArgs, @Ctx() context: RequestContext): Promise<ConnectionShape<ExportJob>> {
    const viewer = requireViewer(context);
    const page = await exportJobsPage(context.database.read, context.database.tables, viewer.staffId, pageSizeOf(args.first), args.after);
    const now = context.clock.now();
    return mapNodes(page, (row) => ExportJob.of(row, now));
  }

  @Authorized()
  @Mutation(() => StartExportPayload, {
    description:
      "Starts a background export of a connection in your GraphQL query to CSV: one row per node, nested fields as dotted columns (keyworker.name), lists of plain values joined with \"; \" in one cell; a list of records is refused. The query runs as you, page by page, with your access and the usual query limits; a query the server refuses fails the job with its message.",
  })
  async startExport(@Arg("input", () => StartExportInput) input: StartExportInput, @Ctx() context: RequestContext): Promise<StartExportPayload> {
    const viewer = requireViewer(context);
    const inputProblems = checkExportInput(input);
    const query = inputProblems.length > 0 ? { violations: inputProblems } : readExportQuery(input.query, input.connectionPath);
    const violations = "violations" in query ? query.violations : [];
    const request: GraphqlExportRequest = {
      query: input.query,
      variables: input.variables ?? null,
      connectionPath: "violations" in query ? [] : query.connectionPath,
      fromAddress: context.fromAddress,
      authenticatedBy: viewer.authenticatedBy,
    };
    return startJob(context, viewer, "GRAPHQL_QUERY", { ...request }, violations);
  }

  @Authorized("ADMIN", "ANALYST")
  @Mutation(() => StartExportPayload, {
    description:
      "Starts the national-dataset-style extract for a period: one CSV row per episode open on any day of it, identifiers and demographics left out where the person said no to national reporting, and a validation report (see docs/national-extract.md). Admins and analysts.",
  })
  async startNationalExtract(@Arg("input", () => StartNationalExtractInput) input: StartNationalExtractInput, @Ctx() context: RequestContext): Promise<StartExportPayload> {
    const viewer = requireViewer(context);
    const request: NationalExtractRequest = { period: { from: input.period.from, to: input.period.to }, authenticatedBy: viewer.authenticatedBy };
    return startJob(context, viewer, "NATIONAL_EXTRACT", { ...request }, checkPeriod(input, context.today));
  }

  @Authorized()
  @Mutation(() => CancelExportPayload, { description: "Cancels one of your queued or running exports; its partial file is deleted. A finished export cannot be cancelled." })
  async cancelExport(@Arg("input", () => CancelExportInput) input: CancelExportInput, @Ctx() context: RequestContext): Promise<CancelExportPayload> {
    const viewer = requireViewer(context);
    const t = context.database.tables;
    const now = context.clock.now();
    const localId = localIdOf(input.id, "ExportJob");
    const existing = localId ? await exportJobOf(context.database.read, t, localId, viewer.staffId) : undefined;
    if (!existing) throw notFound("export job");
    const { result, userErrors } = await refusable(context, async (tx) => {
      const row = await cancelExportJob(tx, t, existing.id, viewer.staffId, now);
      if (!row) throw new ExportRefused({ code: EXPORT_CODES.alreadyFinished, field: "id", message: "This export has already finished; there is nothing to cancel." });
      await writeAudit(tx, t, { actorId: viewer.staffId, fromAddress: context.fromAddress }, [{ action: "UPDATE", recordType: "ExportJob", recordId: existing.id, detail: { status: "CANCELLED" } }], now);
      return row;
    });
    return Object.assign(new CancelExportPayload(), { exportJob: result ? ExportJob.of(result, now) : null, userErrors });
  }
}
