import type { ErrorRequestHandler } from "express";
import type { Logger } from "../logger.js";

/** What the body parser's refusals mean to a caller, by its error type. Its own messages can quote the body. */
const BODY_REFUSALS: Record<string, { status: number; message: string }> = {
  "entity.parse.failed": { status: 400, message: "The request body is not valid JSON." },
  "entity.too.large": { status: 413, message: "The request body is too large." },
  "entity.verify.failed": { status: 400, message: "The request body could not be read." },
  "encoding.unsupported": { status: 415, message: "The request body's encoding is not supported." },
  "charset.unsupported": { status: 415, message: "The request body's character set is not supported; send UTF-8." },
  "request.aborted": { status: 400, message: "The request was abandoned before its body arrived." },
  "request.size.invalid": { status: 400, message: "The request body was not the length it declared." },
  "stream.encoding.set": { status: 500, message: "Something went wrong on the server. The request was not completed." },
};

/**
 * The last handler of the app, for anything that failed outside GraphQL's own error handling (a malformed
 * body, a route that threw). The caller gets JSON with a code, a plain message and the request ID, and never a
 * stack trace, SQL or a file path, which Express's default handler would show. Unexpected failures are logged
 * in full (the logger cuts SQL parameters out) under the same request ID, so an operator can find them.
 */
export function errorAnswer(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _request, response, next) => {
    // Half an answer has gone out already: all that is left is to cut the connection, as Express does.
    if (response.headersSent) {
      next(error);
      return;
    }
    const requestId = response.locals.requestId as string | undefined;
    const type = (error as { type?: unknown } | null)?.type;
    const refusal = typeof type === "string" ? BODY_REFUSALS[type] : undefined;
    const status = refusal?.status ?? 500;
    if (status >= 500) logger.error({ err: error, requestId }, "unexpected error in a request");
    response
      .status(status)
      .setHeader("cache-control", "no-store")
      .json({
        errors: [
          {
            message: refusal?.message ?? "Something went wrong on the server. The request was not completed.",
            extensions: { code: status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST", requestId },
          },
        ],
      });
  };
}
