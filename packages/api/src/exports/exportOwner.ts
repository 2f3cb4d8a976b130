import { viewerFor } from "../auth/sessions.js";
import type { Viewer } from "../auth/viewer.js";
import type { Clock } from "../clock.js";
import type { Database } from "../db/database.js";
import type { RequestContext } from "../graphql/context.js";
import { requestContext } from "../graphql/requestContext.js";

/**
 * The job's owner as a viewer, read afresh for every page: roles, teams and scope as they are now, so a
 * change of role or team, or a disabled account, takes effect on a running export at its next page.
 * Null when the account is disabled or gone.
 */
export function ownerAsViewer(database: Database, ownerId: string, authenticatedBy: Viewer["authenticatedBy"]): Promise<Viewer | null> {
  return viewerFor(database, ownerId, authenticatedBy, null);
}

/**
 * The context one page of an export runs in: the same as a request from the owner would get (fresh loaders,
 * reads audited as theirs from the address that started the export). An export runs queries only, so it
 * never sets or clears a session cookie.
 */
export function exportRequestContext(database: Database, clock: Clock, viewer: Viewer, fromAddress: string | null, requestId: string): RequestContext {
  return requestContext(database, clock, {
    viewer,
    fromAddress,
    requestId,
    cookies: {
      set() {
        throw new Error("An export cannot sign anyone in");
      },
      clear() {
        throw new Error("An export cannot sign anyone out");
      },
    },
  });
}
