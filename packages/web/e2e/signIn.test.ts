import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityProblems } from "./accessibility.js";
import { launchBrowser, signIn } from "./browser.js";
import { DEMO } from "./waymarkServer.js";

describe("signing in and out in the browser", () => {
  const baseUrl = inject("waymarkUrl");
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(() => browser.close());

  it("signs a keyworker in and shows their name, and signs them out", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    await expect.poll(() => page.locator(".header__account").textContent()).toContain("Dan Whitfield");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    await page.context().close();
  });

  it("shows a linked error summary for a wrong password", async () => {
    const page = await (await browser.newContext({ baseURL: baseUrl })).newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(DEMO.keyworker);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("The email or password is not right");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });

  it("takes a keyworker whose session ended to a clear signed-out page, and from there back to sign in", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    await page.goto("/caseload");
    await page.getByRole("heading", { name: "Caseload", level: 1 }).waitFor();
    // The session ends on the server's side: the cookie no longer reaches it.
    await page.context().clearCookies();
    await page.getByRole("link", { name: "Review schedule" }).click();
    await page.waitForURL("**/signed-out");
    await page.getByRole("heading", { name: "You have been signed out" }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole("link", { name: "Sign in again" }).click();
    await page.waitForURL("**/sign-in**");
    await page.context().close();
  });
});
