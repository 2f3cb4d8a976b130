import type { Viewer } from "../auth/viewer.js";
import { isClinician } from "../auth/viewer.js";
import type { RequestContext } from "./context.js";
import { forbidden } from "./errors.js";
import type { WriteContext } from "../services/writeContext.js";
import { requireViewer, runMutation } from "./mutations.js";

/**
 * The signed-in viewer when they hold a clinical role (practitioner or team lead); FORBIDDEN for an admin or
 * analyst without one, who see no identifiable clinical records (DOMAIN §1). Which records a clinician may
 * see is decided by the scope conditions in SQL, not here.
 */
export function requireClinician(context: RequestContext): Viewer {
  const viewer = requireViewer(context);
  if (!isClinician(viewer)) throw forbidden("Only practitioners and team leads can see or change people's records.");
  return viewer;
}

/**
 * Runs a clinician's write (runMutation: one transaction, rule refusals as userErrors with nothing
 * written) with the write context the services take.
 */
export function runClinicalMutation<T>(context: RequestContext, work: (w: WriteContext) => Promise<T>) {
  const viewer = requireClinician(context);
  return runMutation(context, (tx) =>
    work({ tx, t: context.database.tables, viewer, now: context.clock.now(), today: context.today, fromAddress: context.fromAddress }),
  );
}
