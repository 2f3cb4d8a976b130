import type { Role } from "@waymark/core";
import type { AuthChecker } from "type-graphql";
import type { RequestContext } from "./context.js";
import { forbidden, unauthenticated } from "./errors.js";

/**
 * `@Authorized()` means "signed in"; `@Authorized("ADMIN")` means "has one of these roles". Refusals carry
 * the conventional codes rather than type-graphql's generic error. Scope within a role is enforced by the
 * data layer, not here.
 */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated();
  if (roles.length === 0 || roles.some((role) => context.viewer?.roles.includes(role))) return true;
  throw forbidden();
};
