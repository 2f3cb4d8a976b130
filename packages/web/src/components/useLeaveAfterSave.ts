import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { useUnsavedChangesGuard } from "./useUnsavedChangesGuard.js";

interface Destination {
  readonly to: string;
  /** Navigation state for the page arrived at, such as the confirmation it shows. */
  readonly state?: unknown;
}

/**
 * The unsaved-changes guard for a form that leaves the page once the server has saved it. Leaving is done in
 * an effect after the guard has been told the form is saved; navigating straight from the submit handler
 * would still find the guard armed and ask "leave without saving?" about a record that is saved.
 */
export function useLeaveAfterSave(dirty: boolean): (to: string, state?: unknown) => void {
  const [destination, setDestination] = useState<Destination | null>(null);
  const navigate = useNavigate();
  useUnsavedChangesGuard(dirty && destination === null);
  useEffect(() => {
    if (destination !== null) navigate(destination.to, { state: destination.state });
  }, [destination, navigate]);
  return (to, state) => setDestination({ to, state });
}
