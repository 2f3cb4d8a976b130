import { afterAll, beforeAll } from "vitest";
import type { Dialect } from "../src/db/database.js";
import { createOrganisation, PASSWORD, type Organisation } from "./fixtures.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { startTestServer, type TestServer } from "./testServer.js";

/** A member of the test organisation's staff, by the part they play in tests. */
export type StaffKey = keyof Organisation["staff"];

/** The suite's server and organisation, and a signed-in client for each member of staff asked for. */
export type SignedInServer<K extends StaffKey> = {
  readonly server: TestServer;
  readonly organisation: Organisation;
  /** A new client, with its own cookie jar, signed in as `who`. */
  signIn(who: StaffKey): Promise<GraphQLClient>;
  /** Moves the server's "today" to `day` and signs `who` in afresh: sessions lapse as the clock moves, so each day needs its own. */
  signInOn(day: string, who: StaffKey): Promise<GraphQLClient>;
} & { readonly [Key in K]: GraphQLClient };

export interface SignedInServerOptions<K extends StaffKey> {
  /** The staff to sign in, each with a client of their own. */
  readonly signIn?: readonly K[];
  /** "Today" on the server's clock; startTestServer's default when left out. */
  readonly today?: string;
}

function started<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`${name} is read before the suite's beforeAll has started the server`);
  return value;
}

/**
 * The setup most suites share: before the suite's tests, a test server on a fresh database of `dialect`, the
 * test organisation (createOrganisation) and a client signed in for each of `signIn`; after them, the server
 * closed. Call it in a describe block and read the properties in hooks and tests, once the server has started.
 * Hooks the suite registers after this call run after the server is up.
 */
export function useSignedInServer<K extends StaffKey = never>(dialect: Dialect, options: SignedInServerOptions<K> = {}): SignedInServer<K> {
  let server: TestServer | undefined;
  let organisation: Organisation | undefined;
  const clients = new Map<K, GraphQLClient>();

  const signedIn = {
    get server() {
      return started(server, "server");
    },
    get organisation() {
      return started(organisation, "organisation");
    },
    signIn(who: StaffKey) {
      return signedIn.server.client().login(signedIn.organisation.staff[who].email, PASSWORD);
    },
    signInOn(day: string, who: StaffKey) {
      signedIn.server.clock.set(day);
      return signedIn.signIn(who);
    },
  };
  for (const who of options.signIn ?? []) {
    Object.defineProperty(signedIn, who, { enumerable: true, get: () => started(clients.get(who), who) });
  }

  beforeAll(async () => {
    server = await startTestServer(dialect, options.today);
    organisation = await createOrganisation(server.database);
    for (const who of options.signIn ?? []) clients.set(who, await signedIn.signIn(who));
  });
  afterAll(() => server?.close());

  return signedIn as SignedInServer<K>;
}
