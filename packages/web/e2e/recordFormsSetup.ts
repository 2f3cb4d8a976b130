import { addDays, type IsoDate } from "@waymark/core";
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";

/**
 * Setting up people and episodes for the browser tests of the record forms, over the same GraphQL API the app
 * uses and as the signed-in person of the page (its session cookie and CSRF token), so every test works on a
 * person of its own on the shared demo server.
 */

/** Today where the service is, as the server dates records. */
export function londonToday(): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

export const daysAgo = (days: number): IsoDate => addDays(londonToday(), -days);

/** Runs a GraphQL operation from inside the page, as the app does; fails the test on any GraphQL error. */
export async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await page.evaluate(
    async ({ query, variables }) => {
      const csrf = document.cookie.split("; ").find((cookie) => cookie.startsWith("waymark_csrf="));
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": csrf ? decodeURIComponent(csrf.slice("waymark_csrf=".length)) : "" },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    },
    { query, variables },
  );
  if (body.errors?.length) throw new Error(`GraphQL failed: ${body.errors.map((error) => error.message).join("; ")}`);
  return body.data as T;
}

/** Runs a mutation and fails the test if its payload carries userErrors; returns the payload. */
async function mutate<T>(page: Page, name: string, query: string, input: Record<string, unknown>): Promise<T> {
  const data = await graphql<Record<string, T & { userErrors: { code: string; message: string }[] }>>(page, query, { input });
  const payload = data[name];
  if (!payload) throw new Error(`${name} returned nothing`);
  if (payload.userErrors.length > 0) throw new Error(`${name} refused: ${payload.userErrors.map((error) => `${error.code} ${error.message}`).join("; ")}`);
  return payload;
}

let people = 0;

export interface TestEpisode {
  readonly serviceUserId: string;
  readonly episodeId: string;
  readonly name: string;
}

export interface TestEpisodeSpec {
  readonly firstName: string;
  readonly lastName: string;
  /** The main problem substance; HEROIN makes an opiate client (R-COH-1). */
  readonly substance?: string;
  /** Structured interventions to record after triage, which start treatment. */
  readonly interventions?: readonly { code: string; startDate: IsoDate; endDate?: IsoDate }[];
  readonly needs?: readonly { domain: string; level: string }[];
}

const RISK = {
  selfHarmOrSuicide: "LOW",
  overdose: "LOW",
  toOthers: "LOW",
  fromOthers: "LOW",
  domesticAbuse: false,
  toChildren: "LOW",
  suicideFactors: { bereavement: false, relationshipBreakdown: false, domesticOrSexualAbuseHistory: false, isCarer: false },
};

/**
 * A new person, referred 120 days ago to the signed-in keyworker's team with them as keyworker, triaged, and
 * given the interventions asked for (a structured one puts the episode in treatment).
 */
export async function createEpisode(page: Page, spec: TestEpisodeSpec): Promise<TestEpisode> {
  const { me } = await graphql<{ me: { id: string; teams: { id: string }[] } }>(page, "{ me { id teams { id } } }");
  const teamId = me.teams[0]?.id;
  if (!teamId) throw new Error("The signed-in person has no team");
  people += 1;
  const localReference = `E2E-RF-${Date.now().toString(36).toUpperCase()}-${people}`;
  const registered = await mutate<{ serviceUser: { id: string } }>(
    page,
    "registerServiceUser",
    "mutation ($input: RegisterServiceUserInput!) { registerServiceUser(input: $input) { serviceUser { id } userErrors { code message } } }",
    { firstName: spec.firstName, lastName: spec.lastName, dateOfBirth: "1984-05-17", sex: "NOT_STATED", ethnicity: "NOT_STATED", localReference, teamId },
  );
  const serviceUserId = registered.serviceUser.id;
  const referred = await mutate<{ episode: { id: string } }>(
    page,
    "receiveReferral",
    "mutation ($input: ReceiveReferralInput!) { receiveReferral(input: $input) { episode { id } userErrors { code message } } }",
    { serviceUserId, teamId, keyworkerId: me.id, referral: { receivedDate: daysAgo(120), source: "SELF", reason: "Asked for help", urgency: "ROUTINE" } },
  );
  const episodeId = referred.episode.id;
  await mutate(page, "recordTriage", "mutation ($input: RecordTriageInput!) { recordTriage(input: $input) { episode { id } userErrors { code message } } }", {
    episodeId,
    date: daysAgo(115),
    injectingStatus: "NEVER",
    problemSubstances: [{ rank: 1, substance: spec.substance ?? "ALCOHOL" }],
    needs: spec.needs ?? [],
    risk: RISK,
  });
  for (const intervention of spec.interventions ?? []) {
    await recordIntervention(page, { episodeId, catalogueItemCode: intervention.code, startDate: intervention.startDate, endDate: intervention.endDate ?? null, setting: "COMMUNITY" });
  }
  return { serviceUserId, episodeId, name: `${spec.firstName} ${spec.lastName}` };
}

export async function recordIntervention(page: Page, input: Record<string, unknown>): Promise<void> {
  await mutate(page, "recordIntervention", "mutation ($input: RecordInterventionInput!) { recordIntervention(input: $input) { intervention { id } userErrors { code message } } }", input);
}

export async function dischargeEpisode(page: Page, input: Record<string, unknown>): Promise<void> {
  await mutate(page, "dischargeEpisode", "mutation ($input: DischargeEpisodeInput!) { dischargeEpisode(input: $input) { episode { id } userErrors { code message } } }", input);
}

/** The codes, dates and end dates of an episode's interventions, newest start first. */
export async function interventionsOf(page: Page, episodeId: string): Promise<{ id: string; catalogueItemCode: string; startDate: IsoDate; endDate: IsoDate | null }[]> {
  const data = await graphql<{ episode: { interventions: { edges: { node: { id: string; catalogueItemCode: string; startDate: IsoDate; endDate: IsoDate | null } }[] } } }>(
    page,
    "query ($id: ID!) { episode(id: $id) { interventions(first: 100) { edges { node { id catalogueItemCode startDate endDate } } } } }",
    { id: episodeId },
  );
  return data.episode.interventions.edges.map((edge) => edge.node);
}

/** Saves a full-page screenshot of the current screen for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync("/tmp/waymark-screens", { recursive: true });
  await page.screenshot({ path: `/tmp/waymark-screens/${name}.png`, fullPage: true });
}

/** Types a date into the three boxes of a DateInput whose day box has this id, as a person would. */
export async function fillDate(page: Page, id: string, date: IsoDate): Promise<void> {
  const [year = "", month = "", day = ""] = date.split("-");
  await page.locator(`#${id}`).fill(String(Number(day)));
  await page.locator(`#${id}-month`).fill(String(Number(month)));
  await page.locator(`#${id}-year`).fill(year);
}
