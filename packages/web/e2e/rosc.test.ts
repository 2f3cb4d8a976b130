import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityProblems } from "./accessibility.js";
import { launchBrowser, signIn } from "./browser.js";
import { createEpisode, daysAgo, dischargeEpisode, fillDate, graphql, interventionsOf, londonToday, screenshot } from "./recordFormsSetup.js";
import { DEMO } from "./waymarkServer.js";

const REFUSAL = "is recorded only alongside structured treatment";

/** The warning shown beside the chosen item, before anything is submitted. */
const itemWarning = (page: Page) => page.locator("#intervention-catalogueItemCode .record-conditional .warning-text");

async function chooseSettingAndSave(page: Page): Promise<void> {
  await page.getByRole("radio", { name: "Community", exact: true }).check();
  await page.getByRole("button", { name: "Save intervention" }).click();
}

describe("recovery support (ROSC) recording in the browser", () => {
  const baseUrl = inject("waymarkUrl");
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(() => browser.close());

  it("R-ROSC-1: peer support with no structured treatment alongside is explained before submitting, then accepted alongside a psychosocial intervention and shown on the person", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    // In treatment, but the only structured intervention ended a month ago: nothing covers today.
    const person = await createEpisode(page, {
      firstName: "Rowan",
      lastName: "Peerless",
      interventions: [{ code: "COUNSELLING", startDate: daysAgo(100), endDate: daysAgo(30) }],
    });

    await page.goto(`/episodes/${person.episodeId}/intervention`);
    await page.getByRole("radio", { name: "Peer support or mentoring" }).check();
    await expect.poll(() => itemWarning(page).textContent()).toContain(REFUSAL);
    // Post-treatment items are not offered on an open episode, and the form says why (R-ROSC-4/5).
    expect(await page.getByRole("radio", { name: "Aftercare support" }).count()).toBe(0);
    expect(await page.locator("#intervention-catalogueItemCode").locator("..").innerText()).toContain("Aftercare support is recorded only after a planned completion of structured treatment.");
    const shownBeforeSubmit = (await itemWarning(page).innerText()).replace(/^!\s*Warning:\s*/, "").trim();

    // The same rule on the server gives the same words: ask it directly, which writes nothing.
    const server = await graphql<{ recordIntervention: { userErrors: { code: string; message: string }[] } }>(
      page,
      "mutation ($input: RecordInterventionInput!) { recordIntervention(input: $input) { userErrors { code message } } }",
      { input: { episodeId: person.episodeId, catalogueItemCode: "ROSC_PEER_SUPPORT", startDate: londonToday(), setting: "COMMUNITY" } },
    );
    expect(server.recordIntervention.userErrors).toEqual([{ code: "ROSC_REQUIRES_CONCURRENT_MODALITY", message: shownBeforeSubmit }]);
    await screenshot(page, "rosc-refused-before-submit");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // Submitting anyway names the problem in the error summary, linked to the start date, and saves nothing.
    await chooseSettingAndSave(page);
    const summary = page.locator(".error-summary");
    await expect.poll(() => summary.textContent()).toContain(REFUSAL);
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#intervention-startDate");
    expect((await interventionsOf(page, person.episodeId)).map((intervention) => intervention.catalogueItemCode)).toEqual(["COUNSELLING"]);
    await screenshot(page, "rosc-refused-error-summary");

    // A psychosocial intervention from today…
    await page.getByRole("radio", { name: "Cognitive-behavioural therapy for substance use" }).check();
    expect(await itemWarning(page).count()).toBe(0);
    await chooseSettingAndSave(page);
    await page.waitForURL(`**/people/${person.serviceUserId}`);

    // …and peer support alongside it is accepted.
    await page.goto(`/episodes/${person.episodeId}/intervention`);
    await page.getByRole("radio", { name: "Peer support or mentoring" }).check();
    expect(await itemWarning(page).count()).toBe(0);
    await chooseSettingAndSave(page);
    await page.waitForURL(`**/people/${person.serviceUserId}`);
    // On the person's record: the confirmation, and the intervention in the episode's timeline.
    await expect.poll(() => page.locator(".notification").innerText()).toContain("Intervention recorded");
    await expect.poll(() => page.getByRole("region", { name: "Timeline" }).innerText()).toContain("Peer support or mentoring");
    await screenshot(page, "rosc-accepted-on-person");

    const saved = await interventionsOf(page, person.episodeId);
    expect(saved.map((intervention) => intervention.catalogueItemCode).sort()).toEqual(["CBT_SUBSTANCE_USE", "COUNSELLING", "ROSC_PEER_SUPPORT"]);
    expect(saved.find((intervention) => intervention.catalogueItemCode === "ROSC_PEER_SUPPORT")).toMatchObject({ startDate: londonToday(), endDate: null });
    await page.context().close();
  });

  it("R-ROSC-2, R-ROSC-3, R-ROSC-6: the chosen item's questions appear, and sub-type, need, interest and one-off refusals are explained before submitting", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    const person = await createEpisode(page, {
      firstName: "Sasha",
      lastName: "Needham",
      needs: [{ domain: "HOUSING", level: "HIGH" }],
      interventions: [{ code: "MOTIVATIONAL_INTERVENTIONS", startDate: daysAgo(60) }],
    });
    await page.goto(`/episodes/${person.episodeId}/intervention`);

    await page.getByRole("radio", { name: "Social, financial and relationship support" }).check();
    await expect.poll(() => itemWarning(page).allInnerTexts()).toEqual([expect.stringContaining("Choose at least one type of social, financial and relationship support")]);
    await page.getByRole("checkbox", { name: "Financial support (benefits or debt advice)" }).check();
    await expect.poll(() => itemWarning(page).allInnerTexts()).toEqual([expect.stringContaining("Financial support (benefits or debt advice) needs an assessed finance need")]);
    await page.getByRole("checkbox", { name: "Financial support (benefits or debt advice)" }).uncheck();
    await page.getByRole("checkbox", { name: /^Housing support/ }).check();
    await expect.poll(() => itemWarning(page).count()).toBe(0);
    await screenshot(page, "rosc-social-support-subtypes");

    await page.getByRole("radio", { name: "Facilitated access to a mutual-aid group" }).check();
    await expect.poll(() => itemWarning(page).allInnerTexts()).toEqual([
      expect.stringContaining("Enter the date the person said they would like to go"),
      expect.stringContaining("Choose what was done to make the first contact"),
    ]);
    await fillDate(page, "intervention-interestExpressedDate", daysAgo(3));
    await page.getByRole("checkbox", { name: "Went with the person to a first meeting" }).check();
    await expect.poll(() => itemWarning(page).count()).toBe(0);

    await page.getByRole("radio", { name: "Diversionary activities" }).check();
    await expect.poll(() => itemWarning(page).allInnerTexts()).toEqual([expect.stringContaining("must be sustained, not a one-off session")]);
    await page.getByLabel("Planned sessions").fill("6");
    await expect.poll(() => itemWarning(page).count()).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await chooseSettingAndSave(page);
    await page.waitForURL(`**/people/${person.serviceUserId}`);
    expect((await interventionsOf(page, person.episodeId)).map((intervention) => intervention.catalogueItemCode)).toContain("ROSC_DIVERSIONARY_ACTIVITIES");
    await page.context().close();
  });

  it("R-INT-1, R-ROSC-4: after a planned completion only post-treatment and any-time items are offered, with aftercare check-ups filled in from the discharge date", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    const person = await createEpisode(page, { firstName: "Morgan", lastName: "Aftercare", interventions: [{ code: "ALCOHOL_WITHDRAWAL", startDate: daysAgo(90) }] });
    await dischargeEpisode(page, { episodeId: person.episodeId, reason: "COMPLETED_ALCOHOL_FREE", dischargeDate: daysAgo(7) });

    await page.goto(`/episodes/${person.episodeId}/intervention`);
    await page.getByRole("radio", { name: "Aftercare support" }).check();
    const radios = await page.locator('input[name="catalogueItemCode"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(radios).toEqual(expect.arrayContaining(["ROSC_AFTERCARE", "ROSC_RELAPSE_PREVENTION", "NALOXONE_SUPPLY_TRAINING"]));
    expect(radios).not.toContain("ROSC_PEER_SUPPORT");
    expect(radios).not.toContain("OST_METHADONE");
    // One check-up every four weeks after discharge through six months (the default window).
    await expect.poll(() => page.locator(".record-date-list > li").count()).toBe(6);
    expect(await page.locator("#intervention-contactSchedule-0-year").inputValue()).toMatch(/^\d{4}$/);
    await screenshot(page, "rosc-aftercare");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await chooseSettingAndSave(page);
    await page.waitForURL(`**/people/${person.serviceUserId}`);
    const aftercare = await graphql<{ episode: { interventions: { edges: { node: { catalogueItemCode: string; contactSchedule: string[] } }[] } } }>(
      page,
      "query ($id: ID!) { episode(id: $id) { interventions(first: 10) { edges { node { catalogueItemCode contactSchedule } } } } }",
      { id: person.episodeId },
    );
    expect(aftercare.episode.interventions.edges.find((edge) => edge.node.catalogueItemCode === "ROSC_AFTERCARE")?.node.contactSchedule).toHaveLength(6);
    await page.context().close();
  });
});
