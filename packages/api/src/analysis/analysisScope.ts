import { sql, type SQL } from "drizzle-orm";
import { hasRole, type Viewer } from "../auth/viewer.js";

/** True for the role that may query pseudonymised records (DOMAIN §1: analysts, and only them). */
export function isAnalyst(viewer: Viewer | null): viewer is Viewer {
  return viewer !== null && hasRole(viewer, "ANALYST");
}

/**
 * The pseudonymised records a viewer may read, as a condition in every analysis query: all of the
 * provider's records for an analyst, none for anyone else, so no path round the resolvers' role check can
 * reach them.
 */
export function pseudonymisedScope(viewer: Viewer | null): SQL {
  return isAnalyst(viewer) ? sql`1 = 1` : sql`1 = 0`;
}
