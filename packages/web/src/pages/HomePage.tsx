import { Navigate } from "react-router";
import { hasRole, isClinician, useSession } from "../session/SessionContext.js";

/** Sends each person to where their work starts: the caseload for clinicians, configuration for admins. */
export function HomePage() {
  const { staff } = useSession();
  if (isClinician(staff)) return <Navigate to="/caseload" replace />;
  if (hasRole(staff, "ADMIN")) return <Navigate to="/admin/catalogue" replace />;
  return (
    <div className="narrow">
      <h1>Welcome, {staff?.name}</h1>
      <p>Analysts query Waymark through its GraphQL API at <code>/graphql</code>, with a personal API token for scripts.</p>
    </div>
  );
}
