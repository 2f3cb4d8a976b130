import { useEffect } from "react";
import { Link } from "react-router";
import { useSession } from "../session/SessionContext.js";

/** Shown when the server says the session has ended (idle too long, signed out elsewhere, account disabled). */
export function SessionExpiredPage() {
  const { refresh } = useSession();
  // Forget the signed-in person held in memory: the server no longer knows them.
  useEffect(() => void refresh(), [refresh]);
  return (
    <div className="narrow">
      <h1>You have been signed out</h1>
      <p>Your session ended, either because Waymark was not used for a while or because it was ended from elsewhere. Anything you had not saved has not been saved.</p>
      <p>
        <Link to="/sign-in" className="button button--primary">
          Sign in again
        </Link>
      </p>
    </div>
  );
}
