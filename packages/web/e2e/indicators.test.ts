import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityProblems } from "./accessibility.js";
import { launchBrowser, signIn } from "./browser.js";
import { saveScreenshot } from "./screenshots.js";
import { DEMO } from "./waymarkServer.js";

const tiles = (page: Page) => page.getByRole("list", { name: "Indicators at a glance" }).getByRole("listitem");
/** The tile of one indicator by its exact ID, so "K-1" is not also K-10..K-14. */
const tile = (page: Page, id: string) => tiles(page).filter({ has: page.locator(".indicator-id", { hasText: new RegExp(`^${id}$`) }) });
const scope = (page: Page) => page.locator(".indicator-scope");
const section = (page: Page, id: string) => page.locator(`#indicator-${id.toLowerCase()}`);

/** Waits until the figures for the current choice are on screen (not the loading line). */
async function waitForFigures(page: Page): Promise<void> {
  await scope(page).waitFor();
  await expect.poll(() => page.getByText("Loading the indicators…").count()).toBe(0);
}

/** Every chart on the page has a table of the same rows beside it, with a caption and headed columns and rows. */
async function expectATableForEveryChart(page: Page): Promise<void> {
  const charts = page.locator(".indicator-chart__body");
  const count = await charts.count();
  expect(count).toBeGreaterThan(0);
  // The drawings load after the tables (the chart library is fetched on first use); wait for them to be drawn.
  await expect.poll(() => page.locator(".indicator-chart__drawing .recharts-bar-rectangle").count()).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) {
    const chart = charts.nth(index);
    const table = chart.locator("table");
    expect(await table.count()).toBe(1);
    expect((await table.locator("caption").textContent())?.trim()).toMatch(/^K-\d+ /);
    expect(await table.locator("thead th[scope=col]").count()).toBeGreaterThanOrEqual(2);
    expect(await table.locator("tbody th[scope=row]").count()).toBeGreaterThan(0);
    const bars = await chart.locator(".indicator-chart__drawing .recharts-bar-rectangle").count();
    // Hidden ("<5") and zero figures draw no bar, so there are never more bars than table rows.
    expect(bars).toBeLessThanOrEqual(await table.locator("tbody tr").count());
  }
}

describe("the indicators dashboard in the browser (DOMAIN §7, K-1..K-14)", () => {
  const baseUrl = inject("waymarkUrl");
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(() => browser.close());

  it("shows an analyst a tile per indicator with its figure, a table for every chart, and each definition, for the period and team chosen", async () => {
    const page = await signIn(browser, baseUrl, DEMO.analyst);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Indicators" }).click();
    await page.getByRole("heading", { name: "Indicators", level: 1 }).waitFor();
    await waitForFigures(page);

    // Fourteen tiles in K-1..K-14 order, each with a figure as the API prints it.
    expect(await tiles(page).count()).toBe(14);
    const names = await tiles(page).locator(".indicator-tile__name").allTextContents();
    expect(names.map((name) => name.split(" ")[0])).toEqual(Array.from({ length: 14 }, (_, index) => `K-${index + 1}`));
    for (const value of await tiles(page).locator(".indicator-tile__value").allTextContents()) {
      expect(value).toMatch(/^(\d[\d,.]*%?|<5|N\/A|SUPPRESSED)$/);
    }
    // K-3 and K-9 have targets, said in words, not only colour.
    for (const id of ["K-3", "K-9"]) {
      expect(await tile(page, id).locator(".indicator-target").textContent()).toMatch(/Target (met|not met|cannot be judged)/);
    }
    // Analysts see suppressed figures, and are told so.
    expect(await scope(page).textContent()).toContain("“<5”");
    await section(page, "K-1").getByRole("table", { name: /K-1 Numbers in treatment: by cohort/ }).waitFor();
    await section(page, "K-7").getByRole("table", { name: /exits by reason/ }).waitFor();
    await section(page, "K-13").getByRole("table", { name: /by item/ }).waitFor();
    await section(page, "K-14").getByRole("table", { name: /by measure/ }).waitFor();
    await expectATableForEveryChart(page);

    // The written definition is on hand, closed until asked for.
    const reviews = section(page, "K-3");
    const definition = reviews.locator(".details__text");
    expect(await definition.isVisible()).toBe(false);
    await reviews.getByText("How this is worked out").click();
    expect(await definition.isVisible()).toBe(true);
    expect((await definition.textContent())?.length).toBeGreaterThan(40);
    expect(await definition.textContent()).toContain("Target");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "indicators");

    // A quick period keeps everything else and goes in the address.
    await page.getByRole("navigation", { name: "Quick periods" }).getByRole("link", { name: "Last quarter" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Last quarter" }).getAttribute("aria-current")).toBe("true");
    await waitForFigures(page);
    expect(page.url()).toMatch(/from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}/);

    // A typed period, a team and a breakdown apply together on "Show indicators".
    const from = page.getByRole("group", { name: "From" });
    const to = page.getByRole("group", { name: "To" });
    await from.getByLabel("Day").fill("1");
    await from.getByLabel("Month").fill("1");
    await from.getByLabel("Year").fill("2025");
    await to.getByLabel("Day").fill("31");
    await to.getByLabel("Month").fill("12");
    await to.getByLabel("Year").fill("2025");
    const team = page.getByLabel("Team", { exact: true });
    const teamName = (await team.locator("option").nth(1).textContent()) ?? "";
    expect(teamName).not.toBe("");
    await team.selectOption({ label: teamName });
    await page.getByLabel("Break down by").selectOption({ label: "Age band" });
    await page.getByRole("button", { name: "Show indicators" }).click();
    await expect.poll(() => scope(page).textContent()).toContain(`1 January 2025 to 31 December 2025, ${teamName}`);
    await waitForFigures(page);
    expect(page.url()).toContain("from=2025-01-01&to=2025-12-31");
    expect(page.url()).toContain("breakdown=AGE_BAND");
    expect(page.url()).toMatch(/team=[A-Za-z0-9=%]+/);
    await section(page, "K-1").getByRole("table", { name: /K-1 Numbers in treatment: by age band/ }).waitFor();
    await section(page, "K-3").getByRole("table", { name: /by age band/ }).waitFor();
    await expectATableForEveryChart(page);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    // Wide breakdown tables stay within the page rather than pushing it sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await saveScreenshot(page, "indicators-breakdown");
    // Nothing about the choice is kept in the browser's storage.
    expect(await page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.includes("indicator")))).toEqual([]);

    // A period that ends before it starts is refused beside the box, and the figures shown are not replaced.
    await to.getByLabel("Year").fill("2024");
    await page.getByRole("button", { name: "Show indicators" }).click();
    await page.getByRole("alert").filter({ hasText: "There is a problem" }).waitFor();
    expect(await to.textContent()).toContain("The last day of the period must be the same as or after the first day");
    expect(page.url()).toContain("to=2025-12-31");
    await page.context().close();
  });

  it("shows zeros and 'no one was counted' for a period with no data, and puts the server's refusal of a period beside its field", async () => {
    const page = await signIn(browser, baseUrl, DEMO.analyst);
    await page.goto("/indicators?from=2001-01-01&to=2001-01-31");
    await waitForFigures(page);
    expect(await tiles(page).count()).toBe(14);
    expect(await tile(page, "K-1").locator(".indicator-tile__value").textContent()).toBe("0");
    expect(await tile(page, "K-3").textContent()).toContain("No one was counted in this period");
    expect(await tile(page, "K-3").textContent()).toContain("Target cannot be judged");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // Longer than five years: the API refuses it (period.to), and the refusal is shown beside the "To" date.
    await page.goto("/indicators?from=2015-01-01&to=2025-01-01");
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await summary.waitFor();
    expect(await summary.getByRole("link").getAttribute("href")).toBe("#indicator-filters-period-to");
    expect(await page.getByRole("group", { name: "To" }).locator(".error-message").count()).toBe(1);
    expect(await tiles(page).count()).toBe(0);
    await page.context().close();
  });

  it("shows a team lead their own teams' figures in full, with no suppression", async () => {
    const page = await signIn(browser, baseUrl, DEMO.lead);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Indicators" }).click();
    await waitForFigures(page);
    expect(await tiles(page).count()).toBe(14);
    expect(await scope(page).textContent()).toContain("all my teams");
    expect(await scope(page).textContent()).not.toContain("“<5”");
    expect(await page.getByLabel("Team", { exact: true }).locator("option").first().textContent()).toBe("All my teams");
    await page.context().close();
  });

  it("does not offer the screen to a practitioner, and says so if they go to its address", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Caseload" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Indicators" }).count()).toBe(0);
    await page.goto("/indicators");
    await page.getByRole("heading", { name: "You do not have access to this page", level: 1 }).waitFor();
    expect(await tiles(page).count()).toBe(0);
    await page.context().close();
  });
});
