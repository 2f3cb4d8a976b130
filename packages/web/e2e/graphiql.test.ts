import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, signIn } from "./browser.js";
import { saveScreenshot } from "./screenshots.js";
import { DEMO } from "./waymarkServer.js";

type CodeMirrorElement = HTMLElement & { CodeMirror: { getValue(): string; setValue(value: string): void } };

/** The whole text of GraphiQL's response panel (CodeMirror draws only the lines in view). */
const responseText = (page: Page) => page.locator(".graphiql-response .CodeMirror").evaluate((editor) => (editor as CodeMirrorElement).CodeMirror.getValue());
const queryCost = (page: Page) => page.getByRole("status").filter({ hasText: /cost/i });

/** Opens GraphiQL and waits until its query editor and run button are on the page. */
async function openGraphiQL(page: Page): Promise<void> {
  // A missing element fails the test in seconds, naming the element, rather than at the test's timeout.
  page.setDefaultTimeout(8000);
  await page.goto("/graphiql");
  await page.getByRole("textbox", { name: "Query" }).waitFor({ state: "attached" });
  await page.getByRole("button", { name: /Execute query/ }).waitFor();
}

/** Replaces the text in GraphiQL's query editor, as pasting it in would, and runs it. */
async function runQuery(page: Page, query: string): Promise<void> {
  await page.locator(".graphiql-query-editor .CodeMirror").evaluate((editor, text) => (editor as CodeMirrorElement).CodeMirror.setValue(text), query);
  await page.getByRole("button", { name: /Execute query/ }).click();
}

/**
 * Serious and critical WCAG 2.2 AA problems on the GraphiQL page, apart from one inside GraphiQL that Waymark
 * cannot change: its tab strip puts the close button inside the element with the tab role (nested-interactive).
 */
async function accessibilityProblemsOutsideGraphiQLTabs(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter((node) => !(violation.id === "nested-interactive" && node.html.includes("graphiql-tab"))),
    }))
    .filter((violation) => violation.nodes.length > 0)
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join("; ")}`);
}

describe("GraphiQL for analysts in the browser", () => {
  const baseUrl = inject("waymarkUrl");
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(() => browser.close());

  it("lets an analyst open GraphiQL, run queries with their session and CSRF token, and see each answer and its cost", async () => {
    const page = await signIn(browser, baseUrl, DEMO.analyst);
    const problems: string[] = [];
    page.on("console", (message) => void (message.type() === "error" && problems.push(message.text())));
    page.on("pageerror", (error) => problems.push(error.message));
    // Everything the page loads must come from Waymark itself.
    page.on("request", (request) => void (new URL(request.url()).origin !== baseUrl && !request.url().startsWith("data:") && problems.push(`external request: ${request.url()}`)));
    const csrfHeaders: (string | undefined)[] = [];
    page.on("request", (request) => void (request.url().endsWith("/graphql") && csrfHeaders.push(request.headers()["x-csrf-token"])));

    await openGraphiQL(page);
    await expect.poll(() => queryCost(page).textContent()).toContain("Run a query to see its cost");
    // The query GraphiQL opens with asks who is signed in.
    await page.getByRole("button", { name: /Execute query/ }).click();
    await expect.poll(() => responseText(page)).toContain('"name": "Chris Lowe"');
    await expect.poll(() => responseText(page)).toContain('"ANALYST"');
    await expect.poll(() => queryCost(page).textContent()).toMatch(/^Cost of the last query: \d+ of 50,000$/);

    await runQuery(page, "{ interventionCatalogue(first: 5) { totalCount edges { node { code label modality } } } }");
    await expect.poll(() => responseText(page)).toContain('"totalCount"');
    await expect.poll(() => responseText(page)).toContain('"modality"');
    // The cost shown is the one the API reported in the answer's extensions.cost.
    const reported = Number(/"requested": (\d+)/.exec(await responseText(page))?.[1]);
    expect(reported).toBeGreaterThan(5);
    await expect.poll(() => queryCost(page).textContent()).toBe(`Cost of the last query: ${reported} of 50,000`);
    await saveScreenshot(page, "graphiql");

    expect(csrfHeaders.length).toBeGreaterThanOrEqual(3);
    expect(csrfHeaders.every((header) => typeof header === "string" && header.length > 0)).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("shows the API's reason when it refuses a query over a limit, and no cost for it", async () => {
    const page = await signIn(browser, baseUrl, DEMO.analyst);
    await openGraphiQL(page);
    await page.getByRole("button", { name: /Execute query/ }).click();
    await expect.poll(() => queryCost(page).textContent()).toMatch(/^Cost of the last query/);
    const thirtyOneAliases = Array.from({ length: 31 }, (_, index) => `me${index + 1}: me { name }`).join(" ");
    await runQuery(page, `{ ${thirtyOneAliases} }`);
    await expect.poll(() => responseText(page)).toContain('"TOO_MANY_ALIASES"');
    await expect.poll(() => queryCost(page).textContent()).toContain("Run a query to see its cost");
    await page.context().close();
  });

  it("sends an anonymous visitor to sign in instead of showing GraphiQL", async () => {
    const page = await (await browser.newContext({ baseURL: baseUrl })).newPage();
    await page.goto("/graphiql");
    await page.waitForURL("**/sign-in");
    await page.getByRole("heading", { name: "Sign in to Waymark", level: 1 }).waitFor();
    expect(await page.locator(".graphiql-container").count()).toBe(0);
    await page.context().close();
  });

  it("has no serious or critical accessibility problems in what Waymark controls, with an answer shown", async () => {
    const page = await signIn(browser, baseUrl, DEMO.analyst);
    await openGraphiQL(page);
    await page.getByRole("button", { name: /Execute query/ }).click();
    await expect.poll(() => responseText(page)).toContain("Chris Lowe");
    expect(await accessibilityProblemsOutsideGraphiQLTabs(page)).toEqual([]);
    await page.context().close();
  });
});
