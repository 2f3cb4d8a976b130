import { describe, expect, it } from "vitest";
import { caseloadVariables, paramsFromView, viewFromParams } from "./caseloadView.js";

describe("the caseload's view in the address", () => {
  it("keeps scope, sort and filters, and reads back what it wrote", () => {
    const view = { scope: "TEAM" as const, sorting: [{ id: "daysSinceContact", desc: true }], flags: ["SUICIDE_RISK" as const], statuses: ["IN_TREATMENT" as const] };
    const params = paramsFromView(view);
    expect(params.toString()).toBe("scope=team&sort=daysSinceContact&direction=descending&flags=SUICIDE_RISK&status=IN_TREATMENT");
    expect(viewFromParams(params)).toEqual(view);
  });

  it("leaves the default view out of the address, and ignores what it does not know", () => {
    expect(paramsFromView(viewFromParams(new URLSearchParams())).toString()).toBe("");
    const view = viewFromParams(new URLSearchParams("sort=keyworker&flags=NOT_A_FLAG,DISENGAGING&status=CLOSED"));
    expect(view.sorting).toEqual([{ id: "nextReviewDue", desc: false }]);
    expect(view.flags).toEqual(["DISENGAGING"]);
    expect(view.statuses).toEqual([]);
  });
});

describe("the caseload query's variables", () => {
  it("asks the server to sort, filter, search and page, with people in name order within a sort key", () => {
    const view = viewFromParams(new URLSearchParams("sort=status&direction=descending&flags=REVIEW_OVERDUE"));
    expect(caseloadVariables(view, "barnes", 50, "cursor-1")).toEqual({
      scope: "MINE",
      first: 50,
      after: "cursor-1",
      orderBy: [
        { field: "STATUS", direction: "DESC" },
        { field: "LAST_NAME", direction: "ASC" },
      ],
      filter: { flags: { includesAny: ["REVIEW_OVERDUE"] } },
      search: "barnes",
    });
  });

  it("sends no filter and no search when none is chosen", () => {
    const variables = caseloadVariables(viewFromParams(new URLSearchParams("sort=person")), "", 20, null);
    expect(variables.filter).toBeNull();
    expect(variables.search).toBeNull();
    expect(variables.orderBy).toEqual([{ field: "LAST_NAME", direction: "ASC" }]);
  });
});
