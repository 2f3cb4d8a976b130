import { Outlet } from "react-router";
import { hasRole, useSession } from "../../session/SessionContext.js";

/**
 * Guards the configuration screens. The API refuses non-admins anyway; this says so plainly instead of
 * showing a page of failed requests.
 */
export function RequireAdmin() {
  const { staff } = useSession();
  if (!hasRole(staff, "ADMIN")) {
    return (
      <div className="narrow">
        <h1>You do not have access to this page</h1>
        <p>Only admins can change the service's configuration. Ask an admin if something here needs changing.</p>
      </div>
    );
  }
  return <Outlet />;
}
