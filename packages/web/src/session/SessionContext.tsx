import { createContext, useContext } from "react";

export interface SignedInStaff {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly teams: readonly { readonly id: string; readonly name: string }[];
}

export interface Session {
  readonly staff: SignedInStaff | null;
  readonly loading: boolean;
  /** Re-reads who is signed in (after sign-in or sign-out); resolves once known. */
  refresh(): Promise<void>;
}

export const SessionContext = createContext<Session>({ staff: null, loading: true, refresh: async () => undefined });

export function useSession(): Session {
  return useContext(SessionContext);
}

export const hasRole = (staff: SignedInStaff | null, role: string): boolean => staff?.roles.includes(role) ?? false;
export const isClinician = (staff: SignedInStaff | null): boolean => hasRole(staff, "PRACTITIONER") || hasRole(staff, "TEAM_LEAD");
