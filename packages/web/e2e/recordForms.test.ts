import { addWorkingDays, formatUkDate } from "@waymark/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityProblems } from "./accessibility.js";
import { launchBrowser, signIn } from "./browser.js";
import { createEpisode, daysAgo, fillDate, graphql, interventionsOf, londonToday, screenshot } from "./recordFormsSetup.js";
import { DEMO } from "./waymarkServer.js";

const YES_NO_PATHS = ["injecting.sharedNeedles", "injecting.sharedOtherEquipment", "health.acuteHousingProblem", "health.atRiskOfEviction"];
const idOf = (path: string) => `top-${path.replace(/\./g, "-")}`;

/** Answers every TOP question as a person would: 0 for every number, "No" for every yes/no. */
async function answerEveryTopQuestion(page: Page): Promise<void> {
  const numbers = page.locator("fieldset.record-section").filter({ hasNot: page.locator("#top-outcomeStar") }).locator("input[inputmode=numeric]");
  // Eight substances, days injected, four kinds of offending, three scores and two counts of days.
  await expect.poll(() => numbers.count()).toBe(18);
  for (const input of await numbers.all()) await input.fill("0");
  for (const path of YES_NO_PATHS) await page.locator(`#${idOf(path)}-no`).check();
}

interface SavedTop {
  stage: string;
  notDisclosed: string[];
  substanceUse: { ALCOHOL: { days: number | null; typicalAmount: string | null } };
  crime: { drugSelling: number | null };
  health: { psychologicalHealth: number | null };
}

async function topsOf(page: Page, episodeId: string): Promise<SavedTop[]> {
  const data = await graphql<{ episode: { outcomes: { edges: { node: SavedTop }[] } } }>(
    page,
    `query ($id: ID!) { episode(id: $id) { outcomes(first: 10) { edges { node {
      stage notDisclosed substanceUse { ALCOHOL { days typicalAmount } } crime { drugSelling } health { psychologicalHealth }
    } } } } }`,
    { id: episodeId },
  );
  return data.episode.outcomes.edges.map((edge) => edge.node);
}

async function contactsOf(page: Page, episodeId: string): Promise<{ id: string; kind: string; outcome: string; enteredInError: { reason: string } | null }[]> {
  const data = await graphql<{ episode: { contacts: { edges: { node: { id: string; kind: string; outcome: string; enteredInError: { reason: string } | null } }[] } } }>(
    page,
    "query ($id: ID!) { episode(id: $id) { contacts(first: 20, includeEnteredInError: true) { edges { node { id kind outcome enteredInError { reason } } } } } }",
    { id: episodeId },
  );
  return data.episode.contacts.edges.map((edge) => edge.node);
}

const errorSummary = (page: Page) => page.locator(".error-summary");

describe("recording TOPs, contacts, harm reduction, discharge, keyworkers and records entered in error in the browser", () => {
  const baseUrl = inject("waymarkUrl");
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(() => browser.close());

  it("R-TOP-1: a score of 21 is named before submitting and nothing is saved; a TOP with an answer not disclosed is saved as given", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    const person = await createEpisode(page, { firstName: "Tobias", lastName: "Outcome", interventions: [{ code: "COUNSELLING", startDate: daysAgo(40) }] });
    await page.goto(`/episodes/${person.episodeId}/outcome`);
    await page.getByRole("radio", { name: "Start of treatment" }).check();
    await answerEveryTopQuestion(page);
    await page.locator(`#${idOf("health.psychologicalHealth")}`).fill("21");
    await page.getByRole("button", { name: "Save TOP" }).click();

    await expect.poll(() => errorSummary(page).textContent()).toContain("Psychological health must be a whole number from 0 to 20, or marked not disclosed.");
    expect(await errorSummary(page).getByRole("link").getAttribute("href")).toBe(`#${idOf("health.psychologicalHealth")}`);
    expect(await page.locator(`#${idOf("health.psychologicalHealth")}-error`).textContent()).toContain("from 0 to 20");
    expect(await topsOf(page, person.episodeId)).toEqual([]);
    await screenshot(page, "top-21-refused");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.locator(`#${idOf("health.psychologicalHealth")}`).fill("14");
    await page.locator(`#${idOf("substanceUse.ALCOHOL.days")}`).fill("12");
    await page.locator("#top-substanceUse-ALCOHOL-typicalAmount").fill("4 cans of strong lager");
    await page.locator(`#${idOf("crime.drugSelling")}-not-disclosed`).check();
    await page.getByRole("button", { name: "Save TOP" }).click();
    await page.waitForURL(`**/people/${person.serviceUserId}`);
    await expect.poll(() => page.locator("main").innerText()).toContain("TOP recorded");

    expect(await topsOf(page, person.episodeId)).toEqual([
      {
        stage: "START",
        notDisclosed: ["crime.drugSelling"],
        substanceUse: { ALCOHOL: { days: 12, typicalAmount: "4 cans of strong lager" } },
        crime: { drugSelling: null },
        health: { psychologicalHealth: 14 },
      },
    ]);
    await page.context().close();
  });

  it("R-DNA-1: a did-not-attend explains the follow-up it makes due, is saved, and the episode shows a follow-up due", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    const person = await createEpisode(page, { firstName: "Dana", lastName: "Missedit", interventions: [{ code: "COUNSELLING", startDate: daysAgo(40) }] });
    await page.goto(`/episodes/${person.episodeId}/contact`);
    await page.getByRole("radio", { name: "Appointment" }).check();
    await page.getByRole("radio", { name: "Did not attend" }).check();
    await expect.poll(() => page.locator("form .inset").textContent()).toContain("A missed appointment makes a follow-up attempt due: a phone call, letter, text or home visit, within 2 working days");
    await screenshot(page, "contact-dna");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole("button", { name: "Save contact" }).click();

    await expect.poll(() => page.locator(".notification").textContent()).toContain("Missed appointment recorded");
    expect(await page.locator(".notification").textContent()).toContain("within 2 working days");
    await screenshot(page, "contact-dna-saved");
    expect(await contactsOf(page, person.episodeId)).toEqual([expect.objectContaining({ kind: "APPOINTMENT", outcome: "DID_NOT_ATTEND", enteredInError: null })]);
    const caseload = await graphql<{ caseload: { edges: { node: { episode: { id: string }; flags: string[] } }[] } }>(
      page,
      "query ($search: String!) { caseload(search: $search, first: 10) { edges { node { episode { id } flags } } } }",
      { search: person.name },
    );
    expect(caseload.caseload.edges.find((edge) => edge.node.episode.id === person.episodeId)?.node.flags).toContain("DNA_FOLLOW_UP_DUE");

    // The follow-up call, straight after.
    await page.getByRole("button", { name: "Record the follow-up" }).click();
    await page.getByRole("radio", { name: "Phone call" }).check();
    await page.getByRole("radio", { name: "Attended" }).check();
    await page.getByRole("button", { name: "Save contact" }).click();
    await expect.poll(() => page.locator(".notification").textContent()).toContain("Contact recorded");
    expect((await contactsOf(page, person.episodeId)).map((contact) => contact.outcome).sort()).toEqual(["ATTENDED", "DID_NOT_ATTEND"]);
    await page.context().close();
  });

  it("R-DNA-1: a team lead, who may read the service's settings, is told the follow-up's due date", async () => {
    const keyworker = await signIn(browser, baseUrl, DEMO.keyworker);
    const person = await createEpisode(keyworker, { firstName: "Lee", lastName: "Deadline" });
    await keyworker.context().close();
    const lead = await signIn(browser, baseUrl, DEMO.lead);
    await lead.goto(`/episodes/${person.episodeId}/contact`);
    await lead.getByRole("radio", { name: "Home visit" }).check();
    await lead.getByRole("radio", { name: "Did not attend" }).check();
    const dueBy = formatUkDate(addWorkingDays(londonToday(), 2));
    await expect.poll(() => lead.locator("form .inset").textContent()).toContain(`within 2 working days: by ${dueBy}`);
    await lead.context().close();
  });

  it("harm reduction: nothing chosen is refused; naloxone, training and a hepatitis C test are saved", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    const person = await createEpisode(page, { firstName: "Hallie", lastName: "Naloxone" });
    await page.goto(`/episodes/${person.episodeId}/harm-reduction`);
    await page.getByRole("button", { name: "Save harm reduction" }).click();
    await expect.poll(() => errorSummary(page).textContent()).toContain("Record at least one thing");

    await page.getByRole("radio", { name: "Yes, to a family member or friend" }).check();
    await page.getByRole("checkbox", { name: "Naloxone training was given" }).check();
    await page.getByRole("group", { name: "Hepatitis C test" }).getByRole("radio", { name: "Accepted" }).check();
    await screenshot(page, "harm-reduction");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole("button", { name: "Save harm reduction" }).click();
    await page.waitForURL(`**/people/${person.serviceUserId}`);

    const saved = await graphql<{ episode: { harmReduction: { edges: { node: Record<string, unknown> }[] } } }>(
      page,
      "query ($id: ID!) { episode(id: $id) { harmReduction(first: 5) { edges { node { date naloxoneIssuedTo naloxoneTrainingGiven hepatitisBVaccination hepatitisCTest hivTest } } } } }",
      { id: person.episodeId },
    );
    expect(saved.episode.harmReduction.edges.map((edge) => edge.node)).toEqual([
      { date: londonToday(), naloxoneIssuedTo: "FAMILY_MEMBER", naloxoneTrainingGiven: true, hepatitisBVaccination: null, hepatitisCTest: "ACCEPTED", hivTest: null },
    ]);
    await page.context().close();
  });

  it("R-DIS-2 and R-DIS-1: a completion while on methadone is explained before submitting; an unplanned discharge ends the prescription and warns of the missing EXIT TOP", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    const person = await createEpisode(page, { firstName: "Ozzy", lastName: "Methadone", substance: "HEROIN", interventions: [{ code: "OST_METHADONE", startDate: daysAgo(60) }] });
    await page.goto(`/episodes/${person.episodeId}/discharge`);
    await page.getByRole("radio", { name: "Treatment completed: drug-free" }).check();
    await fillDate(page, "discharge-dischargeDate", londonToday());
    const warning = page.locator("#discharge-reason .warning-text");
    await expect.poll(() => warning.textContent()).toContain("is still prescribed on the discharge date");
    await expect.poll(() => page.locator("form .inset").textContent()).toContain("Opioid substitution");
    await screenshot(page, "discharge-completion-while-prescribed");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole("button", { name: "Discharge" }).click();
    await expect.poll(() => errorSummary(page).textContent()).toContain("is still prescribed on the discharge date");

    await page.getByRole("radio", { name: "Dropped out or left" }).check();
    await expect.poll(() => warning.count()).toBe(0);
    await page.getByRole("button", { name: "Discharge" }).click();
    await expect.poll(() => page.locator(".notification").textContent()).toContain("Episode discharged");
    expect(await page.locator("main .warning-text").textContent()).toContain("No EXIT TOP is recorded for this discharge");
    expect(await page.getByRole("link", { name: "Record the exit TOP" }).getAttribute("href")).toBe(`/episodes/${person.episodeId}/outcome`);
    await screenshot(page, "discharge-saved");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    const episode = await graphql<{ episode: { status: string; dischargeReason: string } }>(page, "query ($id: ID!) { episode(id: $id) { status dischargeReason } }", { id: person.episodeId });
    expect(episode.episode).toEqual({ status: "CLOSED", dischargeReason: "DROPPED_OUT" });
    expect(await interventionsOf(page, person.episodeId)).toEqual([expect.objectContaining({ catalogueItemCode: "OST_METHADONE", endDate: londonToday() })]);
    await page.context().close();
  });

  it("ending an intervention from the episode's list of interventions saves its end date", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    const person = await createEpisode(page, { firstName: "Eddie", lastName: "Ending", interventions: [{ code: "COUNSELLING", startDate: daysAgo(50) }] });
    await page.goto(`/episodes/${person.episodeId}/intervention`);
    await page.getByRole("link", { name: "End Counselling" }).click();
    await page.waitForURL(`**/episodes/${person.episodeId}/interventions/**/end`);
    await page.getByRole("button", { name: "End intervention" }).click();
    await expect.poll(() => errorSummary(page).textContent()).toContain("Enter the date it ended.");
    await fillDate(page, "end-intervention-endDate", daysAgo(2));
    await screenshot(page, "end-intervention");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole("button", { name: "End intervention" }).click();
    await page.waitForURL(`**/people/${person.serviceUserId}`);
    expect(await interventionsOf(page, person.episodeId)).toEqual([expect.objectContaining({ catalogueItemCode: "COUNSELLING", endDate: daysAgo(2) })]);
    await page.context().close();
  });

  it("a team lead reassigns the keyworker from the team's practitioners; a practitioner is told only a team lead can", async () => {
    const keyworker = await signIn(browser, baseUrl, DEMO.keyworker);
    const person = await createEpisode(keyworker, { firstName: "Kim", lastName: "Handover" });
    await keyworker.goto(`/episodes/${person.episodeId}/keyworker`);
    await expect.poll(() => keyworker.locator("main").innerText()).toContain("Only a team lead can allocate a keyworker");
    await keyworker.context().close();

    const lead = await signIn(browser, baseUrl, DEMO.lead);
    await lead.goto(`/episodes/${person.episodeId}/keyworker`);
    await lead.getByLabel("New keyworker").selectOption({ label: "Aisha Rahman" });
    await screenshot(lead, "keyworker");
    expect(await seriousAccessibilityProblems(lead)).toEqual([]);
    await lead.getByRole("button", { name: "Save keyworker" }).click();
    await lead.waitForURL(`**/people/${person.serviceUserId}`);
    const episode = await graphql<{ episode: { keyworker: { name: string } | null } }>(lead, "query ($id: ID!) { episode(id: $id) { keyworker { name } } }", { id: person.episodeId });
    expect(episode.episode.keyworker).toEqual({ name: "Aisha Rahman" });
    await lead.context().close();
  });

  it("a record entered in error is reached from the episode's interventions, marked with a reason after confirming, and kept with its mark", async () => {
    const page = await signIn(browser, baseUrl, DEMO.keyworker);
    const person = await createEpisode(page, { firstName: "Erin", lastName: "Mistake", interventions: [{ code: "COUNSELLING", startDate: daysAgo(20) }, { code: "CONTINGENCY_MANAGEMENT", startDate: daysAgo(10) }] });
    await page.goto(`/episodes/${person.episodeId}/intervention`);
    await page.getByRole("link", { name: "Entered in error for Contingency management" }).click();
    await page.waitForURL("**/records/**/entered-in-error");
    await expect.poll(() => page.locator("main").innerText()).toContain("Contingency management, started");
    await page.getByRole("button", { name: "Mark as entered in error" }).click();
    await expect.poll(() => errorSummary(page).textContent()).toContain("Enter why the record is wrong");
    expect(await errorSummary(page).textContent()).toContain("Confirm that this record was entered in error.");

    await page.getByLabel("Why is this record wrong?").fill("Recorded on the wrong person");
    await page.getByRole("checkbox", { name: "I confirm this record was entered in error" }).check();
    await screenshot(page, "entered-in-error");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole("button", { name: "Mark as entered in error" }).click();
    await expect.poll(() => page.locator(".notification").textContent()).toContain("Record marked as entered in error");

    // Left out of the episode's interventions from now on, and kept with its mark for the audit trail.
    expect((await interventionsOf(page, person.episodeId)).map((intervention) => intervention.catalogueItemCode)).toEqual(["COUNSELLING"]);
    const kept = await graphql<{ episode: { interventions: { edges: { node: { catalogueItemCode: string; enteredInError: { reason: string } | null } }[] } } }>(
      page,
      "query ($id: ID!) { episode(id: $id) { interventions(first: 10, includeEnteredInError: true) { edges { node { catalogueItemCode enteredInError { reason } } } } } }",
      { id: person.episodeId },
    );
    expect(kept.episode.interventions.edges.map((edge) => edge.node)).toContainEqual({ catalogueItemCode: "CONTINGENCY_MANAGEMENT", enteredInError: { reason: "Recorded on the wrong person" } });
    await page.context().close();
  });
});
