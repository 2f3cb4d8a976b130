import { mkdirSync } from "node:fs";
import { addDays, addWeeks } from "@waymark/core";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { displayDate } from "../src/components/formatting.js";
import { seriousAccessibilityProblems } from "./accessibility.js";
import { launchBrowser, signIn } from "./browser.js";
import { DEMO } from "./waymarkServer.js";

const SCREENS = "/tmp/waymark-screens";

/** Today where the service works, as the server dates records. */
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

/** Calls the API as the signed-in page's user: its session cookie, and the CSRF token the server set with it. */
async function graphql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((cookie) => cookie.name === "waymark_csrf")?.value ?? "";
  const response = await page.context().request.post("/graphql", { data: { query, variables }, headers: { "x-csrf-token": decodeURIComponent(csrf) } });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** Registers a new person through the API, so each test run works on a person of its own. */
async function registerPerson(page: Page, person: { firstName: string; lastName: string; dateOfBirth: string; teamId?: string }): Promise<string> {
  const data = await graphql<{ registerServiceUser: { serviceUser: { id: string } | null; userErrors: unknown[] } }>(
    page,
    `mutation Register($input: RegisterServiceUserInput!) { registerServiceUser(input: $input) { serviceUser { id } userErrors { code field message } } }`,
    { input: { ...person, sex: "NOT_STATED", ethnicity: "NOT_STATED", localReference: `E2E-J-${Date.now()}-${Math.floor(Math.random() * 1e6)}` } },
  );
  if (!data.registerServiceUser.serviceUser) throw new Error(`Registration refused: ${JSON.stringify(data.registerServiceUser.userErrors)}`);
  return data.registerServiceUser.serviceUser.id;
}

/** A radio group or other fieldset by its legend. */
const group = (page: Page, legend: string): Locator => page.getByRole("group", { name: legend, exact: true });

async function choose(page: Page, legend: string, option: string): Promise<void> {
  await group(page, legend).getByLabel(option, { exact: true }).check();
}

async function fillDate(page: Page, legend: string, isoDate: string): Promise<void> {
  const [year = "", month = "", day = ""] = isoDate.split("-");
  const date = group(page, legend);
  await date.getByLabel("Day").fill(String(Number(day)));
  await date.getByLabel("Month").fill(String(Number(month)));
  await date.getByLabel("Year").fill(year);
}

/** Every risk question answered: each level as given, each yes/no as given. */
async function answerRisk(page: Page, answers: { levels: Partial<Record<string, string>>; domesticAbuse: string; factors: [string, string, string, string] }): Promise<void> {
  for (const [legend, level] of Object.entries(answers.levels)) if (level) await choose(page, legend, level);
  if (answers.domesticAbuse) await choose(page, "Is domestic abuse happening, or suspected?", answers.domesticAbuse);
  const legends = ["Has someone close to them died, including by suicide?", "Has a relationship of theirs broken down?", "Have they experienced domestic or sexual abuse at any time?", "Are they a carer for someone?"];
  for (const [index, legend] of legends.entries()) await choose(page, legend, answers.factors[index] ?? "No");
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

/** One part of a long form, at a size that can be read. */
async function screenshotOf(part: Locator, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await part.screenshot({ path: `${SCREENS}/${name}.png` });
}

/** The episode ID in a confirmation's link to the next form. */
async function episodeIdFromLink(page: Page, linkName: string): Promise<string> {
  const href = (await page.getByRole("link", { name: linkName }).getAttribute("href")) ?? "";
  const match = /^\/episodes\/([^/]+)\//.exec(href);
  if (!match?.[1]) throw new Error(`No episode link in "${href}"`);
  return decodeURIComponent(match[1]);
}

describe("the journey forms in the browser: referral, triage, assessment, plan and review", () => {
  const baseUrl = inject("waymarkUrl");
  let browser: Browser;
  let keyworker: Page;
  let serviceUserId = "";
  let episodeId = "";
  const lastName = `Journey${Math.floor(Math.random() * 1e6)}`;
  // Triage on an earlier day than the assessment, so the later assessment's answers decide the flag (R-RISK-2).
  const referralDate = addDays(today, -3);
  const triageDate = addDays(today, -2);

  beforeAll(async () => {
    browser = await launchBrowser();
    keyworker = await signIn(browser, baseUrl, DEMO.keyworker);
    // A step that cannot find its field fails with the field's name rather than at the test's own timeout.
    keyworker.setDefaultTimeout(10_000);
    serviceUserId = await registerPerson(keyworker, { firstName: "Jordan", lastName, dateOfBirth: "1988-06-14" });
  });
  afterAll(async () => {
    await keyworker?.context().close();
    await browser?.close();
  });

  it("receives a referral for a new person, allocated to the keyworker (receiveReferral)", async () => {
    const page = keyworker;
    await page.goto(`/people/${serviceUserId}/referral`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Receive a referral");
    expect(await page.locator(".record-caption").textContent()).toContain(`Jordan ${lastName}`);
    // The keyworker's only team is chosen for them.
    expect(await page.getByLabel("Team", { exact: true }).locator("option:checked").textContent()).toBe("Southampton Adult Recovery Service");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.getByRole("button", { name: "Save referral" }).click();
    const summary = page.getByRole("alert");
    await expect.poll(() => summary.textContent()).toContain("Choose where the referral came from.");
    expect(await summary.textContent()).toContain("Enter the reason for the referral.");

    await fillDate(page, "Date the referral was received", referralDate);
    await page.getByLabel("Where the referral came from").selectOption({ label: "GP" });
    await page.getByLabel("Who made the referral (optional)").fill("Dr Okafor, Portswood Surgery");
    await page.getByLabel("Reason for the referral").fill("Daily heroin use, wants to stop; lost tenancy last month.");
    await choose(page, "How urgently does the referral need a response?", "Urgent");
    await page.getByLabel("Keyworker (optional)").selectOption({ label: "Dan Whitfield (you)" });
    await screenshot(page, "journey-referral");
    await page.getByRole("button", { name: "Save referral" }).click();

    await expect.poll(() => page.getByRole("status").textContent()).toContain("Referral received");
    const saved = await page.locator(".summary-list").textContent();
    expect(saved).toContain("Southampton Adult Recovery Service");
    expect(saved).toContain(`Date received${displayDate(referralDate)}`);
    expect(saved).toContain("GP");
    expect(saved).toContain("Urgent");
    expect(saved).toContain("Dan Whitfield");
    episodeId = await episodeIdFromLink(page, "Record the triage");
    const stored = await graphql<{ episode: { status: string; keyworker: { name: string } | null; referral: { source: string; urgency: string } } }>(
      page,
      `query Stored($id: ID!) { episode(id: $id) { status keyworker { name } referral { source urgency } } }`,
      { id: episodeId },
    );
    expect(stored.episode).toEqual({ status: "REFERRED", keyworker: { name: "Dan Whitfield" }, referral: { source: "GP", urgency: "URGENT" } });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "journey-referral-received");
  });

  it("shows the server's OUTSIDE_TEAM_AGE_BAND refusal, and lets a team lead accept the referral with a reason (R-ELIG-1)", async () => {
    const lead = await signIn(browser, baseUrl, DEMO.lead);
    lead.setDefaultTimeout(10_000);
    const teams = await graphql<{ teams: { id: string; name: string }[] }>(lead, `query { teams { id name } }`, {});
    const adults = teams.teams.find((team) => team.name === "Southampton Adult Recovery Service");
    const twentyYearsAgo = `${Number(today.slice(0, 4)) - 20}${today.slice(4, 10) === "-02-29" ? "-02-28" : today.slice(4)}`;
    const youngPerson = await registerPerson(lead, { firstName: "Casey", lastName, dateOfBirth: twentyYearsAgo, teamId: adults?.id ?? "" });

    await lead.goto(`/people/${youngPerson}/referral`);
    await expect.poll(() => lead.getByRole("heading", { level: 1 }).textContent()).toBe("Receive a referral");
    await lead.getByLabel("Team", { exact: true }).selectOption({ label: "Southampton Adult Recovery Service" });
    await expect.poll(() => lead.locator(".inset").first().textContent()).toContain("serves people aged 25 and over");
    await lead.getByLabel("Where the referral came from").selectOption({ label: "Self-referral" });
    await lead.getByLabel("Reason for the referral").fill("Alcohol use; asked to be seen with their partner at the adult service.");
    await lead.getByRole("button", { name: "Save referral" }).click();
    const summary = lead.getByRole("alert");
    await expect.poll(() => summary.textContent()).toContain("The person is 20 on the referral date and Southampton Adult Recovery Service serves people aged 25 and over");
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#referral-teamId");
    expect(await seriousAccessibilityProblems(lead)).toEqual([]);
    await screenshot(lead, "journey-referral-age-band");

    await lead.getByLabel("Accept the referral outside the age band").check();
    await lead.getByLabel("Why the team is accepting this referral").fill("Partner is in treatment here; the young people's service agreed.");
    await lead.getByRole("button", { name: "Save referral" }).click();
    await expect.poll(() => lead.getByRole("status").textContent()).toContain("Referral received");
    expect(await lead.locator(".summary-list").textContent()).toContain("Partner is in treatment here; the young people's service agreed. (Rachel Osei)");
    await lead.context().close();
  });

  it("triages the person with the full risk assessment, naming an unanswered risk question before saving (R-RISK-1, R-RISK-2)", async () => {
    const page = keyworker;
    // Before a plan is signed off there is nothing to review (R-REV-3): the page says so instead of a form.
    await page.goto(`/episodes/${episodeId}/review`);
    await expect.poll(() => page.locator(".inset").textContent()).toContain("There is no signed-off recovery plan to review yet.");
    expect(await page.getByRole("button", { name: "Complete the review" }).count()).toBe(0);

    await page.goto(`/episodes/${episodeId}/triage`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Triage");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await fillDate(page, "Date of the triage", triageDate);
    await page.getByLabel("Substance 1", { exact: true }).selectOption({ label: "Heroin" });
    await page.getByLabel("Age substance 1 was first used (optional)").fill("19");
    await page.getByLabel("How substance 1 is taken (optional)").selectOption({ label: "Smokes" });
    await page.getByLabel("Substance 2", { exact: true }).selectOption({ label: "Crack cocaine" });
    await choose(page, "Does the person inject?", "Previously injected");
    await choose(page, "Housing", "High need");
    await answerRisk(page, {
      levels: { "Self-harm or suicide": "Medium", "Risk of harm to other people": "Low", "Risk of harm from other people": "Medium", "Risk of harm to children": "Low" },
      domesticAbuse: "No",
      factors: ["Yes", "No", "No", "No"],
    });
    // A factor answered yes warns, before saving, that the flag will be raised.
    await expect.poll(() => page.locator(".warning-text").textContent()).toContain(`Saving this will raise a suicide-risk flag for Jordan ${lastName}`);
    await choose(page, "Was an interim recovery plan agreed at the triage?", "Yes");
    await page.getByRole("button", { name: "Add a goal" }).click();
    await page.getByLabel("Life domain").selectOption({ label: "Housing" });
    await page.getByLabel("The goal, in the person’s words").fill("Somewhere safe to sleep every night");
    await page.getByLabel("The person has agreed this interim plan").check();

    await page.getByRole("button", { name: "Save triage" }).click();
    const summary = page.getByRole("alert");
    await expect.poll(() => summary.textContent()).toContain("Answer the risk question on risk to self: overdose.");
    expect(await summary.getByRole("listitem").count()).toBe(1);
    expect(await page.locator("#triage-risk-overdose-error").textContent()).toContain("Answer the risk question on risk to self: overdose.");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "journey-triage-unanswered-risk");
    await screenshotOf(page.locator("section[aria-labelledby='triage-substances-heading']"), "journey-triage-substances");
    await screenshotOf(page.locator("section[aria-labelledby='triage-risk-heading']"), "journey-triage-risk");
    await screenshotOf(page.locator("section[aria-labelledby='triage-interim-heading']"), "journey-triage-interim-plan");
    // The summary's link takes the keyworker to the question.
    await summary.getByRole("link", { name: "Answer the risk question on risk to self: overdose." }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("triage-risk-overdose");

    await choose(page, "Overdose", "High");
    await page.getByRole("button", { name: "Save triage" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Triage recorded");
    const saved = await page.locator(".summary-list").textContent();
    expect(saved).toContain(`Date of triage${displayDate(triageDate)}`);
    expect(saved).toContain("1. Heroin, smokes, first used at 19");
    expect(saved).toContain("2. Crack cocaine");
    expect(saved).toContain("Opiate");
    expect(saved).toContain("Suicide risk bereavement (the death or suicide of someone close)");
    expect(saved).toContain("with 1 goal");
    const stored = await graphql<{ episode: { status: string; suicideRisk: { flagged: boolean; factors: string[] } } }>(
      page,
      `query Stored($id: ID!) { episode(id: $id) { status suicideRisk { flagged factors } } }`,
      { id: episodeId },
    );
    expect(stored.episode).toEqual({ status: "TRIAGED", suicideRisk: { flagged: true, factors: ["BEREAVEMENT"] } });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "journey-triage-recorded");
  });

  it("records the comprehensive assessment with needs, the risk assessment and a BARC-10 score", async () => {
    const page = keyworker;
    await page.goto(`/episodes/${episodeId}/triage`);
    await expect.poll(() => page.locator(".inset").textContent()).toContain(`This episode was triaged on ${displayDate(triageDate)}.`);

    await page.goto(`/episodes/${episodeId}/assessment`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Assessment");
    expect(await group(page, "What kind of assessment is this?").getByLabel("Comprehensive assessment").isChecked()).toBe(true);
    // The triage's answers are shown to ask against, not copied in.
    expect(await group(page, "Overdose").textContent()).toContain("At the last risk assessment");
    expect(await group(page, "Overdose").getByLabel("High").isChecked()).toBe(false);

    await choose(page, "Substance use", "High need");
    await choose(page, "Housing", "High need");
    await choose(page, "Employment, education and training", "Some need");
    await answerRisk(page, {
      levels: { "Self-harm or suicide": "Low", Overdose: "Medium", "Risk of harm to other people": "Low", "Risk of harm from other people": "Low", "Risk of harm to children": "Low" },
      domesticAbuse: "No",
      factors: ["No", "No", "No", "No"],
    });
    await choose(page, "Did the person complete a BARC-10 questionnaire?", "Yes");
    for (let item = 1; item <= 10; item += 1) {
      await page.getByLabel(new RegExp(`^Item ${item}:`)).selectOption(String(item <= 5 ? 4 : 3));
    }
    await expect.poll(() => page.locator(".running-total").textContent()).toContain("Total: 35 out of 60.");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "journey-assessment");
    await screenshotOf(page.locator("section[aria-labelledby='assessment-needs-heading']"), "journey-assessment-needs");
    await screenshotOf(page.locator("section[aria-labelledby='assessment-barc-heading']"), "journey-assessment-barc10");

    await page.getByRole("button", { name: "Save assessment" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Comprehensive assessment recorded");
    const saved = await page.locator(".summary-list").textContent();
    expect(saved).toContain("Housing: high need");
    expect(saved).toContain("35 out of 60");
    // No circumstance linked to suicide this time: the later assessment clears the flag (R-RISK-2).
    expect(saved).toContain("Suicide-risk flagNot raised");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it("refuses a personal budget over its allocation with the BUDGET_EXCEEDED message, then agrees and signs off the full plan (R-PLAN-1, R-PLAN-2)", async () => {
    const page = keyworker;
    await page.goto(`/episodes/${episodeId}/plan`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Recovery plan");
    expect(await group(page, "Which plan is this?").getByLabel("Full recovery action plan").isChecked()).toBe(true);
    expect(await page.locator(".inset").textContent()).toContain("Southampton Adult Recovery Service reviews recovery plans every 12 weeks.");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.getByLabel("Life domain").selectOption({ label: "Housing" });
    await page.getByLabel("The goal, in the person’s words").fill("Move into my own flat");
    await page.getByRole("button", { name: "Add another goal" }).click();
    // Focus moves to the new goal, so the keyboard user carries on there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("plan-goals-1-domain");
    await page.getByLabel("Life domain").nth(1).selectOption({ label: "Employment, education and training" });
    await page.getByLabel("The goal, in the person’s words").nth(1).fill("Start the catering course in September");
    await page.getByLabel("The person has agreed this plan").check();
    await choose(page, "Is a personal budget allocated with this plan?", "Yes");
    await page.getByLabel("Amount allocated, in pounds").fill("200");
    await page.getByLabel("What line 1 pays for").fill("Gym membership for six months");
    await page.getByLabel("Cost of line 1, in pounds").fill("150");
    await page.getByRole("button", { name: "Add another line" }).click();
    await page.getByLabel("What line 2 pays for").fill("Bus pass to college");
    await page.getByLabel("Cost of line 2, in pounds").fill("80");
    const overspend = "The budget lines add up to £230.00, which is £30.00 more than the £200.00 allocated. Reduce the lines or raise the allocation.";
    await expect.poll(() => page.locator(".running-total").textContent()).toContain(overspend);

    await page.getByRole("button", { name: "Agree and sign off the plan" }).click();
    const summary = page.getByRole("alert");
    await expect.poll(() => summary.textContent()).toContain(overspend);
    expect(await summary.getByRole("link", { name: overspend }).getAttribute("href")).toBe("#plan-personalBudget-lines");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "journey-plan-budget-exceeded");
    await screenshotOf(page.locator("section[aria-labelledby='plan-goals-heading']"), "journey-plan-goals");
    await screenshotOf(page.locator("section[aria-labelledby='plan-budget-heading']"), "journey-plan-budget");

    await page.getByLabel("Cost of line 2, in pounds").fill("40");
    await expect.poll(() => page.locator(".running-total").textContent()).toContain("The lines add up to £190.00 of the £200.00 allocated, leaving £10.00.");
    await page.getByRole("button", { name: "Agree and sign off the plan" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Full recovery action plan agreed and signed off");
    const saved = await page.locator(".summary-list").textContent();
    expect(saved).toContain("Housing: Move into my own flat");
    expect(saved).toContain("£190.00 of £200.00 allocated, on 2 lines");
    expect(saved).toContain(`${displayDate(today)} by Dan Whitfield`);
    expect(saved).toContain(`${displayDate(addWeeks(today, 12))} (every 12 weeks)`);
    const stored = await graphql<{ episode: { status: string; recoveryPlans: { edges: { node: { kind: string; personalBudget: { allocatedPence: number; spentPence: number } } }[] } } }>(
      page,
      `query Stored($id: ID!) { episode(id: $id) { status recoveryPlans(first: 1) { edges { node { kind personalBudget { allocatedPence spentPence } } } } } }`,
      { id: episodeId },
    );
    expect(stored.episode.status).toBe("ASSESSED");
    expect(stored.episode.recoveryPlans.edges[0]?.node).toEqual({ kind: "FULL", personalBudget: { allocatedPence: 20000, spentPence: 19000 } });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "journey-plan-signed-off");
  });

  it("records a review: on time, progress on each goal and a full risk re-assessment (R-REV-2, R-RISK-3)", async () => {
    const page = keyworker;
    await page.goto(`/episodes/${episodeId}/review`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Review the recovery plan");
    const due = displayDate(addWeeks(today, 12));
    expect(await page.locator(".summary-list").textContent()).toContain(`Review due by${due}`);
    await expect.poll(() => page.locator(".running-total").textContent()).toContain("On time");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await choose(page, "Where does goal 1 stand now?", "Achieved");
    await page.getByLabel("Notes on progress with goal 1 (optional)").fill("Tenancy signed last week.");
    // Leaving with unsaved changes asks first; staying keeps what was typed.
    const leaving = new Promise<string>((resolve) => page.once("dialog", (dialog) => void dialog.dismiss().then(() => resolve(dialog.message()))));
    await page.getByRole("link", { name: new RegExp(`Back to Jordan ${lastName}$`) }).click();
    expect(await leaving).toBe("You have not saved this form. Leave without saving?");
    expect(new URL(page.url()).pathname).toBe(`/episodes/${episodeId}/review`);
    expect(await page.getByLabel("Notes on progress with goal 1 (optional)").inputValue()).toBe("Tenancy signed last week.");
    await page.getByRole("button", { name: "Complete the review" }).click();
    const summary = page.getByRole("alert");
    // Every risk question is asked again at a review: all are named.
    await expect.poll(() => summary.getByRole("listitem").count()).toBe(10);
    await answerRisk(page, {
      levels: { "Self-harm or suicide": "Low", Overdose: "Low", "Risk of harm to other people": "Low", "Risk of harm from other people": "Low", "Risk of harm to children": "Low" },
      domesticAbuse: "No",
      factors: ["No", "Yes", "No", "No"],
    });
    await screenshot(page, "journey-review");
    await screenshotOf(page.locator("section[aria-labelledby='review-progress-heading']"), "journey-review-goals");
    await page.getByRole("button", { name: "Complete the review" }).click();

    await expect.poll(() => page.getByRole("status").textContent()).toContain("Review completed");
    const saved = await page.locator(".summary-list").textContent();
    expect(saved).toContain("On time");
    expect(saved).toContain("Move into my own flat: achieved. Tenancy signed last week.");
    expect(saved).toContain("Start the catering course in September: open");
    expect(saved).toContain("Suicide-risk flagSuicide risk a relationship breakdown");
    const stored = await graphql<{ episode: { reviews: { totalCount: number; edges: { node: { onTime: boolean; completedDate: string } }[] } } }>(
      page,
      `query Stored($id: ID!) { episode(id: $id) { reviews(first: 1) { totalCount edges { node { onTime completedDate } } } } }`,
      { id: episodeId },
    );
    expect(stored.episode.reviews).toEqual({ totalCount: 1, edges: [{ node: { onTime: true, completedDate: today } }] });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "journey-review-completed");
  });
});
