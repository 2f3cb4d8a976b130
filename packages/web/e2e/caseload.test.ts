import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityProblems } from "./accessibility.js";
import { launchBrowser, signIn } from "./browser.js";
import { saveScreenshot } from "./screenshots.js";
import { DEMO } from "./waymarkServer.js";

const caseloadTable = (page: Page) => page.getByRole("table", { name: /caseload/ });
const rows = (page: Page) => caseloadTable(page).locator("tbody tr");
const status = (page: Page) => page.locator(".caseload__status");

/** The people named in the table's rows, in order. */
async function peopleShown(page: Page): Promise<string[]> {
  return rows(page).locator("th[scope=row] a").allTextContents();
}

/** The next-review dates of the rows that have one, as sortable YYYY-MM-DD. */
async function reviewDatesShown(page: Page): Promise<string[]> {
  const column = (await caseloadTable(page).locator("thead th").allTextContents()).findIndex((text) => text.startsWith("Next review due"));
  const cells = await rows(page).locator(`> :nth-child(${column + 1})`).allTextContents();
  return cells.filter((text) => /\d{4}/.test(text)).map((text) => new Date(`${text.replace("Due within a week", "").trim()} 12:00 UTC`).toISOString().slice(0, 10));
}

async function waitForLoaded(page: Page): Promise<void> {
  await expect.poll(() => status(page).textContent()).not.toContain("Loading");
}

describe("the caseload in the browser", () => {
  const baseUrl = inject("waymarkUrl");
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(() => browser.close());

  it("lets a keyworker find a person by search, sort by next review, page forward and back, and open their timeline", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    // Every page is asked of the server a page at a time: the whole caseload is never loaded.
    const pageSizes: number[] = [];
    page.on("request", (request) => {
      const body = request.method() === "POST" && request.url().endsWith("/graphql") ? (request.postDataJSON() as { operationName?: string; variables?: { first?: number } }) : null;
      if (body?.operationName === "Caseload") pageSizes.push(body.variables?.first ?? Number.NaN);
    });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Caseload" }).click();
    await page.getByRole("heading", { name: "Caseload", level: 1 }).waitFor();
    await caseloadTable(page).waitFor();
    await waitForLoaded(page);
    expect(await page.getByRole("radio", { name: "My caseload" }).isChecked()).toBe(true);
    // Flags are words, not colours only.
    expect(await caseloadTable(page).locator(".tag").allTextContents()).toEqual(expect.arrayContaining(["Review overdue"]));
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "caseload");

    // Sorting is done by the server: the header says which way, and the dates follow.
    const reviewHeader = caseloadTable(page).getByRole("columnheader", { name: /Next review due/ });
    expect(await reviewHeader.getAttribute("aria-sort")).toBe("ascending");
    await reviewHeader.getByRole("button").click();
    await expect.poll(() => reviewHeader.getAttribute("aria-sort")).toBe("descending");
    await waitForLoaded(page);
    const descending = await reviewDatesShown(page);
    expect(descending.length).toBeGreaterThan(1);
    expect(descending).toEqual([...descending].sort().reverse());
    await reviewHeader.getByRole("button").click();
    await expect.poll(() => reviewHeader.getAttribute("aria-sort")).toBe("ascending");
    await waitForLoaded(page);
    const ascending = await reviewDatesShown(page);
    expect(ascending).toEqual([...ascending].sort());

    // Pages of 20: forward to the second page and back to the same first page.
    await page.getByLabel("Rows per page").selectOption("20");
    await waitForLoaded(page);
    const pager = page.getByRole("navigation", { name: "Caseload pages" });
    await expect.poll(() => pager.textContent()).toMatch(/Showing 1 to 20 of \d+ open episodes/);
    const firstPage = await peopleShown(page);
    await pager.getByRole("button", { name: "Next page" }).click();
    await expect.poll(() => pager.textContent()).toMatch(/Showing 21 to \d+ of \d+ open episodes \(page 2\)/);
    const secondPage = await peopleShown(page);
    expect(secondPage).not.toEqual(firstPage);
    expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);
    await pager.getByRole("button", { name: "Previous page" }).click();
    await expect.poll(() => pager.textContent()).toMatch(/Showing 1 to 20 of/);
    expect(await peopleShown(page)).toEqual(firstPage);
    expect(pageSizes[0]).toBe(50);
    expect(pageSizes.every((size) => size <= 50)).toBe(true);

    // Search by last name finds the person, and their row leads to their record.
    const wanted = secondPage[0] ?? "";
    const lastName = wanted.split(" ").at(-1) ?? "";
    await page.getByLabel("Search by name or reference").fill(lastName);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect.poll(() => status(page).textContent()).toContain(`matching “${lastName}”`);
    expect(await peopleShown(page)).toContain(wanted);
    expect(page.url()).not.toContain(lastName);
    await caseloadTable(page).getByRole("link", { name: wanted }).click();
    await page.getByRole("heading", { name: wanted, level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Timeline" }).waitFor();
    const timeline = page.locator("ol.timeline");
    await expect.poll(() => timeline.locator("li").count()).toBeGreaterThan(1);
    expect(await timeline.locator("li").first().textContent()).toContain("Referral received");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });

  it("filters by flag and status on the server, and remembers the columns a user chose (by staff ID only)", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    await page.goto("/caseload");
    await caseloadTable(page).waitFor();
    await waitForLoaded(page);

    await page.getByText("Filter by flag or status").click();
    await page.getByRole("group", { name: /Flags/ }).getByLabel("Review overdue").check();
    await page.getByRole("group", { name: /Status/ }).getByLabel("In treatment").check();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => status(page).textContent()).toContain("matching the filters");
    const flagged = await rows(page).count();
    expect(flagged).toBeGreaterThan(0);
    for (let index = 0; index < flagged; index += 1) {
      const row = rows(page).nth(index);
      expect(await row.locator(".tag").allTextContents()).toEqual(expect.arrayContaining(["Review overdue", "In treatment"]));
    }
    // The filter is in the address (it is not personal), so it survives a reload.
    expect(page.url()).toContain("flags=REVIEW_OVERDUE");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => page.url()).not.toContain("flags=");

    await page.getByText("Choose columns").click();
    await page.getByRole("group", { name: /Columns to show/ }).getByLabel("Team").uncheck();
    await expect.poll(() => caseloadTable(page).locator("thead th").allTextContents()).not.toContain("Team");
    await page.reload();
    await caseloadTable(page).waitFor();
    expect(await caseloadTable(page).locator("thead th").allTextContents()).not.toContain("Team");
    const stored = await page.evaluate(() => Object.keys(window.localStorage).map((key) => [key, window.localStorage.getItem(key) ?? ""]));
    const preferences = stored.filter(([key]) => key?.startsWith("waymark.caseload."));
    expect(preferences).toHaveLength(1);
    const [key, value] = preferences[0] ?? ["", ""];
    expect(key).toMatch(/^waymark\.caseload\.preferences\.[A-Za-z0-9=]+$/);
    expect(value).not.toMatch(/Whitfield|SRS-|@/);
    await page.getByText("Choose columns").click();
    await page.getByRole("group", { name: /Columns to show/ }).getByLabel("Team").check();
    await expect.poll(() => caseloadTable(page).locator("thead th").allTextContents()).toContain("Team");
    await page.context().close();
  });

  it("shows a team lead their team's caseload, with no-keyworker episodes flagged", async () => {
    const page = await signIn(browser, baseUrl, DEMO.lead);
    await page.goto("/caseload");
    await page.getByRole("radio", { name: "My team" }).check();
    await caseloadTable(page).waitFor();
    await waitForLoaded(page);
    expect(await caseloadTable(page).getAttribute("aria-busy")).toBeNull();
    await expect.poll(() => page.getByRole("table").locator("caption").textContent()).toBe("My team's caseload");
    expect(page.url()).toContain("scope=team");
    const keyworkers = await rows(page).locator("td").allTextContents();
    expect(keyworkers.some((text) => text.includes("Dan Whitfield"))).toBe(true);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "caseload-team");

    await page.getByText("Filter by flag or status").click();
    await page.getByRole("group", { name: /Flags/ }).getByLabel("No keyworker").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => status(page).textContent()).toContain("matching the filters");
    const unallocated = await rows(page).count();
    expect(unallocated).toBeGreaterThan(0);
    for (let index = 0; index < unallocated; index += 1) {
      expect(await rows(page).nth(index).textContent()).toContain("Not allocated");
    }
    await page.context().close();
  });
});
