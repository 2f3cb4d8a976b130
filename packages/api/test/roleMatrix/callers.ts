import { PASSWORD, type Organisation } from "../fixtures.js";
import type { GraphQLClient } from "../graphqlClient.js";
import type { TestServer } from "../testServer.js";
import type { Caller } from "./access.js";
import type { CallerAccount } from "./matrixRecords.js";

/** The member of staff who plays each role in the matrix: the adult team's keyworker (Kim) is the practitioner. */
const PLAYED_BY = { PRACTITIONER: "keyworker", TEAM_LEAD: "lead", ADMIN: "admin", ANALYST: "analyst" } as const;

/** The account a caller signs in with; null for an anonymous caller. */
export function accountOf(organisation: Organisation, caller: Caller): CallerAccount | null {
  if (caller === "anonymous") return null;
  const { id, email } = organisation.staff[PLAYED_BY[caller]];
  return { staffId: id, email };
}

/** Clients of the matrix's callers and of the two other practitioners, each signed in once. */
export interface SignedInClients {
  readonly callers: Readonly<Record<Caller, GraphQLClient>>;
  /** Omar: the same team as the keyworker, not holding the keyworker's people. */
  readonly otherKeyworker: GraphQLClient;
  /** Yas: the young people's team. */
  readonly youngPeopleKeyworker: GraphQLClient;
}

/**
 * Signs each caller in once, to be reused by every call: the sign-in limiter counts attempts per address, so
 * a session per call would make the matrix a test of the limiter.
 */
export async function signInClients(server: TestServer, organisation: Organisation): Promise<SignedInClients> {
  const signIn = (who: keyof Organisation["staff"]) => server.client().login(organisation.staff[who].email, PASSWORD);
  return {
    callers: {
      anonymous: server.client(),
      PRACTITIONER: await signIn("keyworker"),
      TEAM_LEAD: await signIn("lead"),
      ADMIN: await signIn("admin"),
      ANALYST: await signIn("analyst"),
    },
    otherKeyworker: await signIn("otherKeyworker"),
    youngPeopleKeyworker: await signIn("youngPeopleKeyworker"),
  };
}

/** A session of its own for a call that changes the session it runs in (signing in or out). */
export async function ownSessionOf(server: TestServer, organisation: Organisation, caller: Caller): Promise<GraphQLClient> {
  const account = accountOf(organisation, caller);
  return account ? server.client().login(account.email, PASSWORD) : server.client();
}
