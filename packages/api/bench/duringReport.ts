/**
 * A keyworker's caseload, from one client, while an analyst's K-1..K-14 report runs. On SQLite every statement
 * runs on the server's one thread, so this is how long a keyworker waits when an analyst reports in working
 * hours: the slowest page shows the longest stretch the report kept the thread.
 */
import { load, sendOne, reportsError, type LoadRequest, type LoadResult } from "./load.js";

export interface DuringReport {
  /** How long the report took to answer while the caseload was being asked for. */
  readonly reportMs: number;
  readonly reportFailed: boolean;
  /** The caseload, measured from the report's start for about as long as a report takes alone. */
  readonly caseload: LoadResult;
}

export async function caseloadWhileReportRuns(baseUrl: string, caseload: LoadRequest, report: LoadRequest, reportAloneMs: number): Promise<DuringReport> {
  const started = performance.now();
  const reportAnswered = sendOne(baseUrl, report).then((answer) => ({ ms: performance.now() - started, failed: answer.status !== 200 || reportsError(answer.text) }));
  // Whole seconds (autocannon's unit), ending before the report does, so every page measured ran beside it.
  const seconds = Math.max(1, Math.floor(reportAloneMs / 1000));
  const during = await load(baseUrl, [caseload], 1, { seconds });
  const answered = await reportAnswered;
  return { reportMs: answered.ms, reportFailed: answered.failed, caseload: during };
}
