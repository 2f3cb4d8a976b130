import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { gql, useClient } from "urql";
import { SessionContext, type SignedInStaff } from "./SessionContext.js";

const ME = gql`
  query Me {
    me {
      id
      name
      email
      roles
      teams {
        id
        name
      }
    }
  }
`;

/** Knows who is signed in, from the server: the session cookie itself is httpOnly and never read here. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [staff, setStaff] = useState<SignedInStaff | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    const result = await client.query<{ me: SignedInStaff | null }>(ME, {}, { requestPolicy: "network-only" }).toPromise();
    setStaff(result.data?.me ?? null);
    setLoading(false);
  }, [client]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const session = useMemo(() => ({ staff, loading, refresh }), [staff, loading, refresh]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
