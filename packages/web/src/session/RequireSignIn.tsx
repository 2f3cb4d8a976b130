import { Navigate, Outlet } from "react-router";
import { useSession } from "./SessionContext.js";

/** Pages behind it need a signed-in person; others are sent to sign in. */
export function RequireSignIn() {
  const { staff, loading } = useSession();
  if (loading) return <p aria-live="polite">Loading…</p>;
  if (!staff) return <Navigate to="/sign-in" replace />;
  return <Outlet />;
}
