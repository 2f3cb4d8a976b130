import { expect, it } from "vitest";
import { readStaffOf, staffNamedOn } from "../src/graphql/episodeOwners.js";
import type { RequestContext } from "../src/graphql/context.js";
import { createLoaders } from "../src/graphql/loaders.js";
import type { StaffMember } from "../src/graphql/types/organisation.js";
import { describeEachDialect } from "./databases.js";
import { useSignedInServer } from "./signedInServer.js";

/**
 * The staff a person's records name (who held a contact, delivers an intervention, made an assessment, signed
 * a plan off, completed a review) are read for a whole list before it is answered, so each record's field is
 * a value GraphQL completes on the spot rather than a promise it gathers and waits on.
 */
describeEachDialect("staff named on a list's records", (dialect) => {
  const api = useSignedInServer(dialect);
  const contextFor = () => ({ loaders: createLoaders(api.server.database) }) as unknown as RequestContext;

  it("are values, not promises, once the list has read them, all in one statement", async () => {
    const { staff } = api.organisation;
    const context = contextFor();
    const before = api.server.database.statementCount();
    await readStaffOf(context, [staff.keyworker.id, staff.lead.id, staff.keyworker.id, null]);
    expect(api.server.database.statementCount() - before).toBe(1);

    const keyworker = staffNamedOn(staff.keyworker.id, context);
    expect(keyworker).not.toBeInstanceOf(Promise);
    expect((keyworker as StaffMember | null)?.name).toBe("Kim Keyworker");
    expect(staffNamedOn(staff.lead.id, context)).not.toBeInstanceOf(Promise);
    expect(staffNamedOn(null, context)).toBeNull();
  });

  it("are read when asked for where no list read them first, and known after", async () => {
    const { staff } = api.organisation;
    const context = contextFor();
    const asked = staffNamedOn(staff.keyworker.id, context);
    expect(asked).toBeInstanceOf(Promise);
    expect((await asked)?.name).toBe("Kim Keyworker");
    expect(staffNamedOn(staff.keyworker.id, context)).not.toBeInstanceOf(Promise);
    // A request's staff are its own: another request reads them afresh (a renamed or disabled account shows).
    expect(staffNamedOn(staff.keyworker.id, contextFor())).toBeInstanceOf(Promise);
  });
});
