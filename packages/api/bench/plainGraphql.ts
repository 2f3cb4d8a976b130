/**
 * The floor of any GraphQL server over the same SQL, served by the raw-SQL server at /graphql: Waymark's own
 * schema (schema.graphql) with graphql-js executing the caseload document over the raw caseload statement's
 * rows. The rows are shaped into the answer in one pass, so every field is read by graphql-js's default
 * resolver, and each document is parsed and validated once. Like the rest of that server it trusts the staff
 * id it is given (header x-staff-id), checks no access and writes no audit trail. It answers `caseload` only.
 *
 * What it measures: how much executing a GraphQL document costs over the statement alone, before anything a
 * product adds (sign-in, scope, audit), so the report can tell that part of Waymark's ratio from the rest.
 */
import { readFileSync } from "node:fs";
import { buildSchema, execute, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLError } from "graphql";
import { encodeCursor } from "../src/db/keysetPage.js";
import { CASELOAD_FLAG_DEFINITIONS, type CaseloadFlag } from "../src/services/caseloadFlags.js";

/** A page of the raw caseload statement, each row with its flags (rawServer.ts `caseload`). */
export interface RawCaseloadPage {
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly rows: readonly (Record<string, unknown> & { readonly flags: readonly CaseloadFlag[] })[];
}

export interface GraphqlBody {
  readonly query: string;
  readonly variables?: Record<string, unknown> | null;
}

const SCHEMA_FILE = new URL("../schema.graphql", import.meta.url);

/** A caseload row as the document's CaseloadEntry, every nested object built here rather than by resolvers. */
function entryOf(row: RawCaseloadPage["rows"][number]) {
  return {
    id: row.id,
    status: row.status,
    nextReviewDue: row.next_review_due,
    reviewStatus: row.review_status,
    daysSinceLastAttendedContact: row.days_since_attended,
    lastAttendedContactDate: row.last_attended_contact_date,
    flags: row.flags,
    flagDetails: row.flags.map((flag) => ({ flag, ...CASELOAD_FLAG_DEFINITIONS[flag] })),
    serviceUser: { id: row.person_id, firstName: row.first_name, lastName: row.last_name, preferredName: row.preferred_name, localReference: row.local_reference },
    keyworker: row.keyworker_id === null ? null : { id: row.keyworker_id, name: row.keyworker_name },
    team: { id: row.team_id, name: row.team_name },
    episode: { id: row.id, referral: { receivedDate: row.referral_date } },
  };
}

/** A cursor in Waymark's own encoding, of the statement's order (next review due, then id). */
const cursorOf = (row: Record<string, unknown>) => encodeCursor([row.next_review_due, row.id]);

/** Answers GraphQL documents whose only root field is `caseload`, reading pages with `caseloadPage`. */
export function plainGraphqlEndpoint(caseloadPage: (staffId: string, first: number) => RawCaseloadPage) {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, "utf8"));
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const documentOf = (query: string) => {
    let known = documents.get(query);
    if (!known) {
      const document = parse(query);
      const errors = validate(schema, document);
      known = errors.length > 0 ? errors : document;
      documents.set(query, known);
    }
    return known;
  };
  return (body: GraphqlBody, staffId: string): ExecutionResult => {
    const document = documentOf(body.query);
    if (Array.isArray(document)) return { errors: document };
    const rootValue = {
      caseload: (args: { first: number }) => {
        const page = caseloadPage(staffId, args.first);
        const edges = page.rows.map((row) => ({ cursor: cursorOf(row), node: entryOf(row) }));
        return { totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null }, edges };
      },
    };
    // Every resolver here is synchronous, so graphql-js answers without a promise.
    return execute({ schema, document: document as DocumentNode, rootValue, variableValues: body.variables ?? {} }) as ExecutionResult;
  };
}
