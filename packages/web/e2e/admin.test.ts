import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityProblems } from "./accessibility.js";
import { launchBrowser, signIn } from "./browser.js";
import { saveScreenshot } from "./screenshots.js";
import { DEMO } from "./waymarkServer.js";

/** A suffix that keeps this run's records apart from the demo's and from other runs on the same server. */
const RUN = Date.now().toString(36).toUpperCase();

/** Today where the service is, as the date boxes and the API read it. */
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

/** Calls the API from inside a signed-in page, as the web app does: the session cookie plus the CSRF header. */
async function graphql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const answer = await page.evaluate(
    async ({ query, variables }) => {
      const entry = document.cookie.split("; ").find((cookie) => cookie.startsWith("waymark_csrf="));
      const csrf = entry ? decodeURIComponent(entry.slice("waymark_csrf=".length)) : "";
      const response = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json", "x-csrf-token": csrf }, body: JSON.stringify({ query, variables }) });
      return response.json();
    },
    { query, variables },
  );
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

/** Adds a catalogue item through the form, from the catalogue list, and returns to the list. */
async function addCatalogueItem(page: Page, item: { label: string; code: string; modality: string; phase: string }): Promise<void> {
  await page.goto("/admin/catalogue");
  await page.getByRole("link", { name: "Add an item" }).click();
  await page.getByLabel("Label", { exact: true }).first().fill(item.label);
  await page.getByLabel("Code", { exact: true }).first().fill(item.code);
  await page.getByLabel("Definition").fill(`${item.label}: added by the browser tests.`);
  await page.getByLabel("Modality").selectOption({ label: item.modality });
  await page.getByLabel("When it may be recorded").selectOption({ label: item.phase });
  await page.getByRole("button", { name: "Add item" }).click();
  await page.getByRole("status").filter({ hasText: `${item.label} added to the catalogue` }).waitFor();
}

describe("catalogue, teams and staff, and audit admin in the browser", () => {
  const baseUrl = inject("waymarkUrl");
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(() => browser.close());

  it("R-CAT-1: an admin adds an item with rule switches and sub-types, checked by core before sending, then edits and retires it", async () => {
    const page = await signIn(browser, baseUrl, DEMO.admin);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Intervention catalogue" }).click();
    await page.getByRole("table", { name: /^Offered for new records/ }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "catalogue-list");

    await page.getByRole("link", { name: "Add an item" }).click();
    await page.getByRole("heading", { name: "Add an item to the catalogue" }).waitFor();
    await page.getByRole("button", { name: "Add item" }).click();
    const summary = page.getByRole("alert");
    await expect.poll(() => summary.textContent()).toContain("Enter a code for the item.");
    expect(await summary.textContent()).toContain("Choose a modality from the list.");
    // Each problem links to its field.
    await summary.getByRole("link", { name: "Enter a code for the item." }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("catalogue-item-code");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "catalogue-item-errors");

    const label = `Peer check-in calls ${RUN}`;
    await page.getByLabel("Label", { exact: true }).first().fill(label);
    await page.getByLabel("Code", { exact: true }).first().fill(`E2E_PEER_CHECKIN_${RUN}`);
    await page.getByLabel("Definition").fill("Regular phone check-ins from a trained peer volunteer between appointments.");
    await page.getByLabel("Modality").selectOption({ label: "Recovery support (ROSC)" });
    await page.getByLabel("When it may be recorded").selectOption({ label: "During treatment" });
    await page.getByLabel("Needs a treatment intervention at the same time").check();
    await page.getByLabel("Needs a sub-type").check();
    await page.getByRole("button", { name: "Add item" }).click();
    await expect.poll(() => summary.textContent()).toContain("Add at least one sub-type, or turn off 'needs a sub-type'");

    await page.getByRole("button", { name: "Add a sub-type" }).click();
    const subType = page.getByRole("group", { name: "Sub-type 1" });
    await subType.getByLabel("Code").fill("PHONE");
    await subType.getByLabel("Label").fill("Phone check-in");
    await subType.getByLabel("Need domain").selectOption({ label: "Substance use" });
    await page.getByLabel("Needs an assessed need for each sub-type").check();
    await page.getByRole("button", { name: "Add item" }).click();
    await page.getByRole("status").filter({ hasText: `${label} added to the catalogue` }).waitFor();
    const row = page.getByRole("row").filter({ hasText: label });
    expect(await row.textContent()).toContain("Alongside treatment");
    expect(await row.textContent()).toContain("Assessed need");
    expect(await row.textContent()).toContain("Not used yet");

    await row.getByRole("link", { name: label }).click();
    await page.getByRole("heading", { level: 1, name: label }).waitFor();
    expect(await page.getByRole("group", { name: "Sub-type 1" }).getByLabel("Label").inputValue()).toBe("Phone check-in");
    const edited = `${label} (phone)`;
    await page.getByLabel("Label", { exact: true }).first().fill(edited);
    await page.getByLabel("Must be sustained, never a one-off").check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").filter({ hasText: "Changes saved" }).waitFor();
    await page.getByRole("heading", { level: 1, name: edited }).waitFor();
    expect(await page.getByLabel("Must be sustained, never a one-off").isChecked()).toBe(true);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "catalogue-item-edit");

    await page.getByRole("button", { name: "Retire item" }).click();
    await page.getByRole("status").filter({ hasText: `${edited} is retired` }).waitFor();
    await page.getByRole("button", { name: "Offer it for new records again" }).waitFor();
    await page.getByRole("link", { name: "Back to the catalogue" }).click();
    const retired = page.getByRole("table", { name: /^Retired/ });
    await retired.getByRole("link", { name: edited }).waitFor();
    expect(await page.getByRole("table", { name: /^Offered for new records/ }).textContent()).not.toContain(edited);
    await saveScreenshot(page, "catalogue-list-with-retired");
    await page.context().close();
  });

  it("R-CAT-1: an item nothing uses can be deleted after confirming", async () => {
    const page = await signIn(browser, baseUrl, DEMO.admin);
    const label = `Added by mistake ${RUN}`;
    await addCatalogueItem(page, { label, code: `E2E_MISTAKE_${RUN}`, modality: "Psychosocial", phase: "During treatment" });
    await page.getByRole("link", { name: label }).click();
    await page.getByRole("button", { name: "Delete item" }).click();
    await page.getByRole("button", { name: "Yes, delete it" }).click();
    await page.getByRole("status").filter({ hasText: `${label} deleted from the catalogue` }).waitFor();
    expect(await page.getByRole("link", { name: label }).count()).toBe(0);
    await page.context().close();
  });

  it("R-CAT-1: an item in use is never deleted: the screen offers retiring, and a delete raced by a new record is refused with CATALOGUE_ITEM_IN_USE", async () => {
    const admin = await signIn(browser, baseUrl, DEMO.admin);
    await admin.goto("/admin/catalogue");
    await admin.getByRole("link", { name: "Opioid substitution: methadone" }).click();
    await admin.getByText("so it cannot be deleted. Retire it instead").waitFor();
    expect(await admin.getByRole("button", { name: "Delete item" }).count()).toBe(0);
    expect(await admin.getByRole("button", { name: "Retire item" }).count()).toBe(1);

    // An item not used when the admin opens it...
    const label = `Drop-in harm reduction ${RUN}`;
    const code = `E2E_DROP_IN_${RUN}`;
    await addCatalogueItem(admin, { label, code, modality: "Harm reduction", phase: "Any time" });
    await admin.getByRole("link", { name: label }).click();
    await admin.getByRole("button", { name: "Delete item" }).click();

    // ...is recorded by a keyworker, for a person of their own, before the admin confirms.
    const keyworker = await signIn(browser, baseUrl, DEMO.keyworker);
    const { me } = await graphql<{ me: { id: string; teams: { id: string }[] } }>(keyworker, "{ me { id teams { id } } }", {});
    const registered = await graphql<{ registerServiceUser: { serviceUser: { id: string } } }>(
      keyworker,
      "mutation ($input: RegisterServiceUserInput!) { registerServiceUser(input: $input) { serviceUser { id } userErrors { message } } }",
      { input: { firstName: "Morgan", lastName: `Catalogue${RUN}`, dateOfBirth: "1979-05-14", sex: "NOT_STATED", ethnicity: "NOT_STATED", localReference: `E2E-CAT-${RUN}` } },
    );
    const referred = await graphql<{ receiveReferral: { episode: { id: string } } }>(
      keyworker,
      "mutation ($input: ReceiveReferralInput!) { receiveReferral(input: $input) { episode { id } userErrors { message } } }",
      { input: { serviceUserId: registered.registerServiceUser.serviceUser.id, teamId: me.teams[0]!.id, keyworkerId: me.id, referral: { receivedDate: today, source: "SELF", reason: "Harm reduction drop-in" } } },
    );
    const recorded = await graphql<{ recordIntervention: { intervention: { id: string } | null; userErrors: { message: string }[] } }>(
      keyworker,
      "mutation ($input: RecordInterventionInput!) { recordIntervention(input: $input) { intervention { id } userErrors { message } } }",
      { input: { episodeId: referred.receiveReferral.episode.id, catalogueItemCode: code, setting: "COMMUNITY", startDate: today } },
    );
    expect(recorded.recordIntervention.userErrors).toEqual([]);
    await keyworker.context().close();

    await admin.getByRole("button", { name: "Yes, delete it" }).click();
    const summary = admin.getByRole("alert");
    await expect.poll(() => summary.textContent()).toContain(`Interventions are recorded against "${label}", so it cannot be deleted. Retire it instead`);
    await admin.getByRole("heading", { level: 1, name: `${label} In use` }).waitFor();
    expect(await admin.getByRole("button", { name: "Delete item" }).count()).toBe(0);
    expect(await seriousAccessibilityProblems(admin)).toEqual([]);
    await saveScreenshot(admin, "catalogue-delete-refused");

    await admin.getByRole("button", { name: "Retire item" }).click();
    await admin.getByRole("status").filter({ hasText: `${label} is retired` }).waitFor();
    await admin.context().close();
  });

  it("creates and changes a team, with its age band, review interval and waiting-time target", async () => {
    const page = await signIn(browser, baseUrl, DEMO.admin);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Teams and staff" }).click();
    await page.getByRole("heading", { level: 1, name: "Teams and staff" }).waitFor();
    await page.getByRole("link", { name: "Southampton Adult Recovery Service" }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "teams-and-staff");

    const name = `Winchester Outreach Team ${RUN}`;
    await page.getByRole("link", { name: "Add a team" }).click();
    await page.getByLabel("Team name").fill(name);
    await page.getByLabel("Youngest age").fill("18");
    // Leaving with unsaved changes asks first; staying keeps what was typed.
    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("link", { name: "Back to teams and staff" }).click();
    await expect.poll(() => asked).toEqual(["You have not saved this form. Leave without saving?"]);
    expect(await page.getByLabel("Team name").inputValue()).toBe(name);
    await page.getByLabel("Oldest age").fill("twenty");
    await page.getByRole("button", { name: "Add team" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Enter the oldest age served as a whole number");
    await page.getByLabel("Oldest age").fill("24");
    await page.getByRole("button", { name: "Add team" }).click();
    await page.getByRole("status").filter({ hasText: `${name} added` }).waitFor();
    const row = page.getByRole("row").filter({ hasText: name });
    expect(await row.textContent()).toContain("18 to 24");

    await row.getByRole("link", { name }).click();
    await page.getByLabel("Weeks between recovery plan reviews").fill("8");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").filter({ hasText: "Changes saved" }).waitFor();
    expect(await page.getByLabel("Weeks between recovery plan reviews").inputValue()).toBe("8");
    await page.context().close();
  });

  it("creates a staff member and shows the one-time password once; it signs them in; roles, access and password can then be changed", async () => {
    const page = await signIn(browser, baseUrl, DEMO.admin);
    await page.goto("/admin/teams");
    await page.getByRole("link", { name: "Add a staff member" }).click();
    const name = `Zara Whitlock ${RUN}`;
    const email = `zara.${RUN.toLowerCase()}@demo.waymark.example.org`;
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel(/^Practitioner:/).check();
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Practitioners and team leads need at least one team");
    await page.getByLabel("Southampton Adult Recovery Service").check();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("status").filter({ hasText: `Account created for ${name}` }).waitFor();
    const firstPassword = (await page.getByTestId("one-time-password").textContent())?.trim() ?? "";
    expect(firstPassword.length).toBeGreaterThanOrEqual(12);
    expect(await page.getByText("It will not be shown again.").count()).toBe(1);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "staff-created");

    const newcomer = await (await browser.newContext({ baseURL: baseUrl })).newPage();
    await newcomer.goto("/sign-in");
    await newcomer.getByLabel("Email address").fill(email);
    await newcomer.getByLabel("Password").fill(firstPassword);
    await newcomer.getByRole("button", { name: "Sign in" }).click();
    await newcomer.waitForURL("**/caseload");
    await newcomer.context().close();

    await page.getByRole("link", { name: `View ${name}'s account` }).click();
    await page.getByRole("heading", { level: 1, name: `${name} Active` }).waitFor();
    await page.getByLabel(/^Team lead:/).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").filter({ hasText: "Changes saved" }).waitFor();
    expect(await page.getByLabel(/^Team lead:/).isChecked()).toBe(true);

    await page.getByRole("button", { name: "Disable account" }).click();
    await page.getByRole("heading", { level: 1, name: `${name} Disabled` }).waitFor();
    await page.getByRole("button", { name: "Enable account" }).click();
    await page.getByRole("heading", { level: 1, name: `${name} Active` }).waitFor();

    await page.getByRole("button", { name: "Reset password" }).click();
    await page.getByRole("button", { name: "Yes, reset the password" }).click();
    await page.getByRole("status").filter({ hasText: "Password reset" }).waitFor();
    const secondPassword = (await page.getByTestId("one-time-password").textContent())?.trim() ?? "";
    expect(secondPassword.length).toBeGreaterThanOrEqual(12);
    expect(secondPassword).not.toBe(firstPassword);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "staff-member");

    await page.getByRole("link", { name: "Back to teams and staff" }).click();
    await page.getByLabel("Name contains").fill(`Whitlock ${RUN}`);
    await page.getByRole("button", { name: "Filter staff" }).click();
    await expect.poll(() => page.getByRole("table", { name: "Staff accounts" }).locator("tbody tr").count()).toBe(1);
    expect(await page.getByRole("table", { name: "Staff accounts" }).textContent()).toContain("Practitioner, Team lead");
    await page.context().close();
  });

  it("shows the audit log read-only, filtered by who, action and days, sorted and paged", async () => {
    const page = await signIn(browser, baseUrl, DEMO.admin);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    const table = page.getByRole("table", { name: "Audit events" });
    await table.waitFor();
    await page.getByText(/^Showing 1 to 50 of [\d,]+ events/).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, "audit-log");

    await page.getByRole("button", { name: "Next page" }).click();
    await page.getByText(/^Showing 51 to 100 of/).waitFor();
    const when = page.getByRole("columnheader", { name: "When" });
    expect(await when.getAttribute("aria-sort")).toBe("descending");
    await when.getByRole("button").click();
    await expect.poll(() => when.getAttribute("aria-sort")).toBe("ascending");
    await page.getByText(/^Showing 1 to 50 of/).waitFor();

    await page.getByLabel("Who").selectOption({ label: "Helen Marsh" });
    await page.getByLabel("Action").selectOption({ label: "Signed in" });
    const from = page.getByRole("group", { name: "From" });
    const [year, month, day] = today.split("-");
    await from.getByLabel("Day").fill(day!);
    await from.getByLabel("Month").fill(month!);
    await from.getByLabel("Year").fill(year!);
    await page.getByRole("button", { name: "Filter events" }).click();
    await expect.poll(async () => new Set(await table.locator("tbody tr td:nth-child(3)").allTextContents())).toEqual(new Set(["Signed in"]));
    expect(new Set(await table.locator("tbody tr td:nth-child(2)").allTextContents())).toEqual(new Set(["Helen Marsh"]));

    await page.getByRole("group", { name: "To" }).getByLabel("Day").fill("31");
    await page.getByRole("group", { name: "To" }).getByLabel("Month").fill("2");
    await page.getByRole("group", { name: "To" }).getByLabel("Year").fill(year!);
    await page.getByRole("button", { name: "Filter events" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Enter the last day as a real date");

    await table.getByText("Show details").first().click();
    await table.getByText("Record ID").first().waitFor();
    await page.context().close();
  });

  it("keeps the configuration screens to admins", async () => {
    const page = await signIn(browser, baseUrl, DEMO.lead);
    await page.goto("/admin/catalogue");
    await page.getByRole("heading", { name: "You do not have access to this page" }).waitFor();
    await page.context().close();
  });
});
