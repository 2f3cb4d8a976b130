import type { GraphQLSchema } from "graphql";
import type { Organisation } from "../fixtures.js";
import type { GraphQLClient } from "../graphqlClient.js";
import type { TestServer } from "../testServer.js";
import { outcomeOf, type OperationRule, type Outcome } from "./access.js";
import { RecordBuilder, type CallerAccount, type MatrixRecords } from "./matrixRecords.js";
import { generateRequest, type OperationType } from "./requestBuilder.js";
import { tableCounts } from "./tableCounts.js";

/** What every call of a suite shares: the server, its organisation, the schema and the records built once. */
export interface MatrixSetting {
  readonly server: TestServer;
  readonly organisation: Organisation;
  readonly schema: GraphQLSchema;
  /** Records for operations that only read, or that name nothing: built once per suite. */
  readonly shared: Omit<MatrixRecords, "caller" | "account">;
}

export interface OperationCall {
  readonly operation: OperationType;
  readonly name: string;
  readonly rule: OperationRule;
  /** Who calls: their account (null for anonymous) and their signed-in client. */
  readonly caller: CallerAccount | null;
  readonly client: GraphQLClient;
}

export interface CallResult {
  readonly outcome: Outcome;
  /** The records the call named. */
  readonly records: MatrixRecords;
  /** The tables whose row count the call changed. */
  readonly changedTables: readonly string[];
}

/**
 * Makes one call of the matrix: builds the records the operation's row asks for, generates the request from
 * the schema, sends it, and notes which tables it changed.
 */
export async function callOperation(setting: MatrixSetting, call: OperationCall): Promise<CallResult> {
  const { server, organisation, schema, shared } = setting;
  const builder = new RecordBuilder(server, organisation, call.caller);
  const keyworker = organisation.staff.keyworker;
  const records: MatrixRecords = {
    ...shared,
    caller: call.caller,
    account: call.caller ?? { staffId: keyworker.id, email: keyworker.email },
    ...(await call.rule.records?.(builder)),
  };
  const request = generateRequest(schema, call.operation, call.name, records, call.rule.values?.(records));
  const before = await tableCounts(server);
  const outcome = outcomeOf(await call.client.request(request.document, request.variables), call.name);
  const after = await tableCounts(server);
  return { outcome, records, changedTables: Object.keys(after).filter((table) => after[table] !== before[table]) };
}
