import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityProblems } from "./accessibility.js";
import { launchBrowser, signIn } from "./browser.js";
import { saveScreenshot } from "./screenshots.js";
import { DEMO } from "./waymarkServer.js";

/** A local reference no other test run has used. */
const reference = `E2E-${Date.now().toString(36).toUpperCase()}`;

async function fillDate(page: Page, legend: string, day: string, month: string, year: string): Promise<void> {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(day);
  await group.getByLabel("Month").fill(month);
  await group.getByLabel("Year").fill(year);
}

const answer = (page: Page, question: string | RegExp, choice: string) => page.getByRole("group", { name: question }).getByLabel(choice, { exact: true }).check();

describe("people and their records in the browser", () => {
  const baseUrl = inject("waymarkUrl");
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(() => browser.close());

  it("registers a person, checking the NHS number in the form before saving, then opens their record", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
    await page.getByRole("heading", { name: "People", level: 1 }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole("link", { name: "Register a person" }).click();
    await page.getByRole("heading", { name: "Register a person" }).waitFor();

    // Nothing filled in: the error summary lists the problems and links to each field.
    await page.getByRole("button", { name: "Register person" }).click();
    const summary = page.getByRole("alert");
    await expect.poll(() => summary.textContent()).toContain("Enter the person's first name.");
    expect(await summary.textContent()).toContain("Answer whether the person is pregnant.");
    await summary.getByRole("link", { name: "Enter the person's first name." }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("register-person-firstName");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "register-person-errors");

    await page.getByLabel("Local reference").fill(reference);
    await page.getByLabel("First name").fill("Robin");
    await page.getByLabel("Last name").fill("Ashdown");
    await page.getByLabel("Preferred name (optional)").fill("Rob");
    await fillDate(page, "Date of birth", "14", "2", "1988");
    await answer(page, "Sex", "Female");
    await page.getByLabel("Ethnic group").selectOption({ label: "White: Irish" });
    await page.getByLabel("Postcode (optional)").fill("so14 7lp");
    await page.getByLabel("Phone number (optional)").fill("07700 900123");
    await page.getByLabel("GP practice (optional)").fill("Bargate Medical Centre");
    await page.getByLabel("NHS number (optional)").fill("943 476 5918");
    await answer(page, /national reporting/, "Yes");
    await answer(page, /sharing information with their GP/, "No");
    await answer(page, "Is the person pregnant?", "No");
    await answer(page, "Does a child under 5 live in the person's household?", "Yes");
    await page.getByLabel("How many children live with the person? (optional)").fill("2");
    await answer(page, "Does the person have parental responsibility for a child?", "Yes");
    await answer(page, "Is the person a carer for someone?", "No");
    await answer(page, "Has the person served in the armed forces?", "No");
    await answer(page, "Housing situation", "Housing problem");

    // A wrong check digit is caught by core's rule in the browser, with the server's own words.
    await page.getByRole("button", { name: "Register person" }).click();
    await expect.poll(() => summary.textContent()).toContain("This is not a valid NHS number");
    expect(await summary.locator("li").count()).toBe(1);
    await page.getByLabel("NHS number (optional)").fill("943 476 5919");
    await saveScreenshot(page, "register-person");
    await page.getByRole("button", { name: "Register person" }).click();

    await page.getByRole("heading", { name: "Robin Ashdown (known as Rob)", level: 1 }).waitFor();
    expect(page.url()).not.toContain("Ashdown");
    expect(await page.getByRole("status").textContent()).toContain("Person registered");
    expect(await page.locator(".person__flags").textContent()).toContain("Safeguarding");
    const details = page.locator("section", { has: page.getByRole("heading", { name: "Personal details" }) });
    expect(await details.textContent()).toContain("943 476 5919");
    expect(await details.textContent()).toContain("SO14 7LP");
    expect(await details.textContent()).toContain("White: Irish");
    const referral = page.getByRole("link", { name: "Record a referral" });
    expect(await referral.getAttribute("href")).toMatch(/^\/people\/[^/]+\/referral$/);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "person-registered");

    // Edit details: the change is saved against the version read and shown on the record.
    await page.getByRole("link", { name: /Edit details/ }).click();
    await page.getByRole("heading", { name: "Edit details" }).waitFor();
    expect(await page.getByLabel("First name").inputValue()).toBe("Robin");
    await page.getByLabel("Phone number (optional)").fill("07700 900456");
    await answer(page, "Is the person a carer for someone?", "Yes");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "edit-person");
    await page.getByRole("button", { name: "Save details" }).click();
    await page.getByRole("heading", { name: "Robin Ashdown (known as Rob)", level: 1 }).waitFor();
    expect(await page.getByRole("status").textContent()).toContain("Details saved");
    expect(await details.textContent()).toContain("07700 900456");
    expect(await details.locator(".summary-list__row", { hasText: "Carer" }).textContent()).toContain("Yes");

    // The person is found by their reference on the People page.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
    await page.getByLabel("Find a person by name or reference").fill(reference);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const results = page.getByRole("table");
    await results.getByRole("link", { name: "Robin Ashdown" }).waitFor();
    expect(await results.textContent()).toContain("Not referred yet");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "people-search");
    await page.context().close();
  });

  it("offers on a person's record only the journey forms the episode's status allows", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    await page.goto("/caseload?status=REFERRED");
    const table = page.getByRole("table", { name: /caseload/ });
    await table.waitFor();
    const person = table.locator("tbody th[scope=row] a").first();
    const name = (await person.textContent()) ?? "";
    await person.click();
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    const actions = page.locator(".action-list");
    await actions.waitFor();
    const labels = await actions.getByRole("link").allTextContents();
    expect(labels).toEqual(expect.arrayContaining(["Record triage", "Record a contact or missed appointment", "Record harm reduction", "Discharge"]));
    expect(labels).not.toContain("Record a TOP");
    expect(labels).not.toContain("Record a plan review");
    expect(labels).not.toContain("Change keyworker");
    expect(await actions.getByRole("link", { name: "Record triage" }).getAttribute("href")).toMatch(/^\/episodes\/[^/]+\/triage$/);

    // An episode in treatment offers the treatment forms, and no triage.
    await page.goto("/caseload?status=IN_TREATMENT");
    await page.getByRole("table", { name: /caseload/ }).locator("tbody th[scope=row] a").first().click();
    await page.locator(".action-list").waitFor();
    const inTreatment = await page.locator(".action-list").getByRole("link").allTextContents();
    expect(inTreatment).toEqual(expect.arrayContaining(["Record an assessment", "Agree a recovery plan", "Record an intervention", "Record a TOP", "Discharge"]));
    expect(inTreatment).not.toContain("Record triage");
    await page.getByRole("heading", { name: "Risk and safeguarding" }).waitFor();
    expect(await page.getByRole("table", { name: /Latest risk assessment/ }).textContent()).toContain("Risk to self: overdose");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "person-record");
    await page.context().close();
  });

  it("lets a team lead change the keyworker, and says plainly when a record is not found", async () => {
    const page = await signIn(browser, baseUrl, DEMO.lead);
    await page.goto("/caseload?scope=team&status=IN_TREATMENT");
    await page.getByRole("table", { name: /caseload/ }).locator("tbody th[scope=row] a").first().click();
    await page.locator(".action-list").waitFor();
    expect(await page.locator(".action-list").getByRole("link").allTextContents()).toContain("Change keyworker");

    await page.goto("/people/UNKNOWN");
    await page.getByRole("heading", { name: "Person not found" }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });
});
