import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityProblems } from "./accessibility.js";
import { launchBrowser, signIn } from "./browser.js";
import { saveScreenshot } from "./screenshots.js";
import { DEMO } from "./waymarkServer.js";

/** The count in a section heading such as "Overdue (4)". */
function headingCount(text: string | null): number {
  const match = /\((\d+)\)/.exec(text ?? "");
  return match ? Number(match[1]) : Number.NaN;
}

describe("the review schedule and the exceptions report in the browser (R-REV-2, R-EXC-1)", () => {
  const baseUrl = inject("waymarkUrl");
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(() => browser.close());

  it("R-REV-2: shows a keyworker their overdue reviews, and a row leads straight to the review form", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review schedule" }).click();
    await page.getByRole("heading", { name: "Review schedule", level: 1 }).waitFor();
    await page.getByText("Your reviews, as of").waitFor();

    const overdueHeading = page.getByRole("heading", { name: /^Overdue/ });
    const overdue = headingCount(await overdueHeading.textContent());
    expect(overdue).toBeGreaterThan(0);
    const overdueTable = page.locator("section", { has: overdueHeading }).getByRole("table");
    await expect.poll(() => overdueTable.locator("tbody tr").count()).toBe(overdue);
    expect(await overdueTable.locator("tbody tr").first().textContent()).toMatch(/days? overdue/);
    // The totals and the week-by-week count are written out as numbers, not only drawn.
    expect(await page.getByRole("list", { name: "Totals" }).textContent()).toContain(`${overdue} review`);
    expect(await page.getByRole("table", { name: "Reviews due each week" }).locator("tbody tr").count()).toBeGreaterThanOrEqual(4);

    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "review-schedule-keyworker");

    const firstRow = overdueTable.locator("tbody tr").first();
    const personName = (await firstRow.getByRole("link").first().textContent()) ?? "";
    await firstRow.getByRole("link", { name: `Record review for ${personName}` }).click();
    await page.waitForURL(/\/episodes\/[^/]+\/review$/);
    await page.context().close();
  });

  it("R-REV-2: lets a team lead see the team per keyworker and narrow it to one keyworker", async () => {
    const page = await signIn(browser, baseUrl, DEMO.lead);
    await page.goto("/reviews");
    await page.getByText("Reviews for all your teams").waitFor();
    const byKeyworker = page.getByRole("table", { name: "Reviews by keyworker and team" });
    expect(await byKeyworker.textContent()).toContain("Dan Whitfield");
    expect(await byKeyworker.textContent()).toContain("Tom Brennan");
    const overdue = headingCount(await page.getByRole("heading", { name: /^Overdue/ }).textContent());
    expect(overdue).toBeGreaterThan(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "review-schedule-team-lead");

    await page.getByLabel("Keyworker").selectOption({ label: "Dan Whitfield" });
    await page.getByLabel("8 weeks").check();
    await page.getByRole("button", { name: "Show reviews" }).click();
    await page.getByText(/^Reviews for Dan Whitfield/).waitFor();
    const keyworkerCells = await page.locator("section table tbody tr td:nth-child(3)").allTextContents();
    expect(keyworkerCells.length).toBeGreaterThan(0);
    expect(new Set(keyworkerCells)).toEqual(new Set(["Dan Whitfield"]));
    expect(await page.getByRole("table", { name: "Reviews due each week" }).locator("tbody tr").count()).toBeGreaterThanOrEqual(8);
    expect(new URL(page.url()).searchParams.get("weeks")).toBe("8");

    // Sorting the loaded rows by person announces itself through aria-sort.
    const personHeader = page.getByRole("columnheader", { name: "Person" }).first();
    await personHeader.getByRole("button").click();
    await expect.poll(() => personHeader.getAttribute("aria-sort")).toBe("ascending");
    await page.context().close();
  });

  it("R-EXC-1: groups the exceptions by kind with counts, and every line links to its fix", async () => {
    const page = await signIn(browser, baseUrl, DEMO.lead);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exceptions" }).click();
    await page.getByText(/lines? needs? attention/).waitFor();
    const contents = page.getByRole("navigation", { name: "Exceptions by kind" });
    expect(await contents.getByRole("listitem").count()).toBe(6);

    const fixes: [heading: string, link: string, path: RegExp][] = [
      ["Reviews overdue", "Record the review", /^\/episodes\/[^/]+\/review$/],
      ["Treatment Outcomes Profiles missing", "Record the TOP", /^\/episodes\/[^/]+\/outcome$/],
      ["Safeguarding: no home visit", "Record a home visit", /^\/episodes\/[^/]+\/contact$/],
      ["Missed appointments not followed up", "Record the follow-up", /^\/episodes\/[^/]+\/contact$/],
      ["Disengaging", "Open the person's record", /^\/people\/[^/]+$/],
      ["No keyworker", "Allocate a keyworker", /^\/episodes\/[^/]+\/keyworker$/],
    ];
    // Other browser tests on the shared demo may put some lines right, so a kind may have emptied; most have not.
    let kindsWithLines = 0;
    for (const [heading, link, path] of fixes) {
      const title = page.getByRole("heading", { name: new RegExp(`^${heading}`) });
      const count = headingCount(await title.textContent());
      if (count > 0) kindsWithLines += 1;
      const section = page.locator("section", { has: title });
      const hrefs = await section.getByRole("link", { name: new RegExp(`^${link} for `) }).evaluateAll((links) => links.map((anchor) => anchor.getAttribute("href") ?? ""));
      expect(hrefs.length, heading).toBe(Math.min(count, 25));
      for (const href of hrefs) expect(href).toMatch(path);
    }
    expect(kindsWithLines).toBeGreaterThanOrEqual(4);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "exceptions-team-lead");

    // A kind longer than a page shows the rest on asking, without disturbing the other kinds.
    const topHeading = page.getByRole("heading", { name: /^Treatment Outcomes Profiles missing/ });
    const topCount = headingCount(await topHeading.textContent());
    if (topCount > 25) {
      const topSection = page.locator("section", { has: topHeading });
      await topSection.getByRole("button", { name: "Show more treatment outcomes profiles missing" }).click();
      await expect.poll(() => topSection.locator("tbody tr").count()).toBe(Math.min(topCount, 50));
    }

    await page.getByRole("link", { name: /^Record the TOP for / }).first().click();
    await page.waitForURL(/\/episodes\/[^/]+\/outcome$/);
    await page.context().close();
  });

  it("R-EXC-1: narrows the report to one of a team lead's teams", async () => {
    const page = await signIn(browser, baseUrl, DEMO.lead);
    await page.goto("/exceptions");
    await page.getByText(/lines? needs? attention/).waitFor();
    await page.getByLabel("Team", { exact: true }).selectOption({ label: "Southampton Young People's Service" });
    await page.getByRole("button", { name: "Show exceptions" }).click();
    await page.waitForURL(/\?team=/);
    const rows = page.locator("section table tbody tr");
    await expect.poll(async () => (await rows.allTextContents()).some((row) => row.includes("Adult Recovery Service"))).toBe(false);
    const lines = await rows.allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain("Young People's Service");
    await page.context().close();
  });

  it("R-EXC-1: shows a practitioner the exceptions in their scope, and sends allocation to a team lead", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    await page.goto("/exceptions");
    await page.getByText(/lines? needs? attention/).waitFor();
    // One team, so there is nothing to filter by.
    expect(await page.getByRole("form", { name: "Filter the exceptions" }).count()).toBe(0);
    const reviewLinks = page.getByRole("link", { name: /^Record the review for / });
    expect(await reviewLinks.count()).toBeGreaterThan(0);
    const unallocated = page.locator("section", { has: page.getByRole("heading", { name: /^No keyworker/ }) });
    if ((await unallocated.locator("tbody tr").count()) > 0) {
      expect(await unallocated.getByRole("link", { name: /^Allocate a keyworker/ }).count()).toBe(0);
      expect(await unallocated.getByText("Ask a team lead to allocate a keyworker").count()).toBe(await unallocated.locator("tbody tr").count());
    }
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "exceptions-keyworker");
    await page.context().close();
  });

  it("tells an admin without a clinical role that the schedule is not for them", async () => {
    const page = await signIn(browser, baseUrl, DEMO.admin);
    await page.goto("/reviews");
    await page.getByText("The review schedule is for keyworkers and team leads.").waitFor();
    await page.context().close();
  });
});
