import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import { execute, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import type { RequestContext } from "./context.js";

type Gateway = ApolloServerOptionsWithGateway<RequestContext>["gateway"];

/**
 * How many times a query document is answered by graphql-js before it is compiled. The pages send the same few
 * documents all day (a caseload page, a person's record), and graphql-jit answers those in a fraction of
 * graphql-js's time; an analyst's one-off document is answered once and is not worth compiling.
 */
export const ANSWERS_BEFORE_COMPILING = 1;

/**
 * How many documents' plans are kept, the least recently answered dropped first. The pages send a few dozen
 * documents; an analyst's tool may send thousands of different ones, and each compiled function holds its
 * generated code, so the number kept is bounded here rather than left to Apollo's document cache.
 */
export const DOCUMENTS_KEPT = 256;

/** What is known of one parsed document: how often it has been answered, and its compiled operations. */
interface DocumentPlans {
  answered: number;
  /** By operation name ("" for an anonymous operation); null where graphql-jit could not compile it. */
  readonly compiled: Map<string, CompiledQuery | null>;
}

/**
 * A query Apollo has parsed, validated, checked against the limits and answered with a compiled function,
 * found again by the text a client sends (graphql/repeatedQueries.ts answers it without Apollo from then on).
 */
export interface RepeatedQuery {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly compiled: CompiledQuery;
}

/** What executing a request's operation came to, when it was executed before Apollo was asked to answer it. */
export type ExecutionOutcome = { readonly result: ExecutionResult } | { readonly error: unknown };

/**
 * Answers Waymark's GraphQL operations: queries a page sends over and over through graphql-jit, which turns
 * a document into a function once; mutations and new documents through graphql-js itself.
 *
 * Apollo still parses, validates and checks every request against the limits before this runs (its document
 * cache keeps each parsed document, so a repeated request arrives here as the same DocumentNode): only
 * execution changes. Variables are coerced by graphql-js's own `getVariableValues` in both paths (see the patch
 * of graphql-jit in patches/), so a bad variable is refused with the same message either way.
 */
export class CompiledExecution {
  // In the order last answered: a Map iterates in insertion order, and each answer moves its document last.
  private readonly plans = new Map<DocumentNode, DocumentPlans>();
  /** By query text, then by the operationName the request named (null for none); bounded like `plans`. */
  private readonly repeated = new Map<string, Map<string | null, RepeatedQuery>>();
  private readonly executedAhead = new WeakMap<RequestContext, ExecutionOutcome>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly answersBeforeCompiling = ANSWERS_BEFORE_COMPILING,
    private readonly documentsKept = DOCUMENTS_KEPT,
  ) {}

  /** Executes one operation of an already validated document. */
  async execute(document: DocumentNode, operationName: string | null, kind: string, variables: Record<string, unknown>, contextValue: RequestContext): Promise<ExecutionResult> {
    const compiled = kind === "query" ? this.compiledFor(document, operationName ?? "") : null;
    if (compiled) return compiled.query(undefined, contextValue, variables);
    return execute({ schema: this.schema, document, operationName, contextValue, variableValues: variables });
  }

  /**
   * The compiled query Apollo answered for this query text and operationName, if it has: its text has then
   * passed Apollo's parsing and validation, which depend on the text alone.
   */
  repeatedQuery(query: string, operationName: string | null): RepeatedQuery | undefined {
    return this.repeated.get(query)?.get(operationName);
  }

  /**
   * Hands Apollo the outcome of a request's operation, executed already, for Apollo to finish the answer:
   * the executor returns it (or throws its error) instead of executing again, once, for that request alone.
   */
  executedBeforehand(context: RequestContext, outcome: ExecutionOutcome): void {
    this.executedAhead.set(context, outcome);
  }

  private remember(query: string, operationName: string | null, known: RepeatedQuery): void {
    let byName = this.repeated.get(query);
    if (!byName) {
      if (this.repeated.size >= this.documentsKept) this.repeated.delete(this.repeated.keys().next().value as string);
      byName = new Map();
      this.repeated.set(query, byName);
    }
    byName.set(operationName, known);
  }

  /** Whether an operation of this document is answered by a compiled function now. */
  isCompiled(document: DocumentNode, operationName: string | null = null): boolean {
    return Boolean(this.plans.get(document)?.compiled.get(operationName ?? ""));
  }

  /** The compiled operation once the document has been answered often enough; null until then. */
  private compiledFor(document: DocumentNode, operationName: string): CompiledQuery | null {
    let plans = this.plans.get(document);
    if (plans) {
      this.plans.delete(document);
    } else {
      plans = { answered: 0, compiled: new Map() };
      if (this.plans.size >= this.documentsKept) this.plans.delete(this.plans.keys().next().value as DocumentNode);
    }
    this.plans.set(document, plans);
    const known = plans.compiled.get(operationName);
    if (known !== undefined) return known;
    if (plans.answered < this.answersBeforeCompiling) {
      plans.answered += 1;
      return null;
    }
    const compiled = compileQuery(this.schema, document, operationName || undefined);
    const usable = isCompiledQuery(compiled) ? compiled : null;
    plans.compiled.set(operationName, usable);
    return usable;
  }

  /**
   * The executor as an Apollo gateway: Apollo's documented way to run operations with an executor of one's own.
   * There is no federation here; the gateway serves this one schema, loaded once.
   */
  gateway(): Gateway {
    return {
      load: async () => ({
        executor: async ({ document, operationName, operation, request, context }) => {
          const contextValue = context as RequestContext;
          const ahead = this.executedAhead.get(contextValue);
          if (ahead) {
            this.executedAhead.delete(contextValue);
            if ("error" in ahead) throw ahead.error;
            return ahead.result;
          }
          const result = await this.execute(document, operationName, operation.operation, request.variables ?? {}, contextValue);
          const compiled = operation.operation === "query" ? this.plans.get(document)?.compiled.get(operationName ?? "") : null;
          if (compiled && typeof request.query === "string") this.remember(request.query, request.operationName ?? null, { document, operation, compiled });
          return result;
        },
      }),
      onSchemaLoadOrUpdate: (callback) => {
        callback({ apiSchema: this.schema, coreSupergraphSdl: printSchema(this.schema) });
        return () => undefined;
      },
      stop: async () => undefined,
    };
  }
}
