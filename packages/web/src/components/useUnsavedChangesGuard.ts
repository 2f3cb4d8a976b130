import { useEffect } from "react";
import { useBlocker } from "react-router";

/**
 * Stops a keyworker losing a half-entered record: leaving the page (a link, the back button, closing the
 * tab) asks first while the form has unsaved changes.
 */
export function useUnsavedChangesGuard(dirty: boolean, message = "You have not saved this form. Leave without saving?"): void {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(message)) blocker.proceed();
    else blocker.reset();
  }, [blocker, message]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}
