import {
  addDays,
  daysBetween,
  daysSinceLastAttendedContact,
  defaultReviewWindow,
  disengagement,
  dnaFollowUps,
  nextReviewDue,
  openReviewStatus,
  ostDuration,
  reviewOccurrences,
  safeguardingStatus,
  suicideRiskFlag,
  type ContactKind,
  type ContactOutcome,
  type IsoDate,
  type OpenReviewStatus,
  type TopStage,
} from "@waymark/core";
import { eq, inArray } from "drizzle-orm";
import { toIntervention } from "../src/db/mappers.js";
import type { Random } from "../src/seed/random.js";
import type { CaseloadFlag } from "../src/services/caseloadFlags.js";
import { loadEpisodeRecords, type LoadedEpisode } from "../src/services/episodeRecords.js";
import { loadCatalogue, loadServiceSettings } from "../src/services/referenceData.js";
import type { CaseloadData, ContactSpec, EpisodeSpec, InterventionSpec, PersonSpec, PlanSpec } from "./caseloadData.js";
import type { TestServer } from "./testServer.js";

/**
 * Generated caseloads for checking the working lists against core: a deterministic random provider's
 * people and episodes (every record dated on or before the day they are written, as R-DATE-1 requires),
 * and core's own verdicts on them for any later day.
 */

/** A date from `from` to `to`, both included, drawn from `random`. */
function dateBetween(random: Random, from: IsoDate, to: IsoDate): IsoDate {
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}

const OPEN_STATUSES = ["REFERRED", "TRIAGED", "ASSESSED", "IN_TREATMENT", "IN_TREATMENT", "IN_TREATMENT"] as const;
const INTERVENTION_CODES = ["OST_METHADONE", "OST_BUPRENORPHINE", "COUNSELLING", "ALCOHOL_WITHDRAWAL", "ROSC_PEER_SUPPORT", "NEEDLE_SYRINGE_PROGRAMME"];
const CONTACT_KINDS: readonly ContactKind[] = ["APPOINTMENT", "APPOINTMENT", "APPOINTMENT", "HOME_VISIT", "PHONE", "LETTER", "TEXT", "GROUP"];
const CONTACT_OUTCOMES: readonly ContactOutcome[] = ["ATTENDED", "ATTENDED", "ATTENDED", "DID_NOT_ATTEND", "DID_NOT_ATTEND", "CANCELLED_BY_SERVICE_USER", "CANCELLED_BY_SERVICE", "REARRANGED"];
const TOP_STAGES: readonly TopStage[] = ["START", "REVIEW", "EXIT"];
const LAST_NAMES = ["Adams", "Baker", "clarke", "Davies", "Evans", "Fox", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nash", "Owen", "Patel"];
const FIRST_NAMES = ["Alex", "Bea", "Cal", "Dee", "Eli", "Fran", "Gus", "Hana", "Ivo", "Jo"];

export interface GeneratedProvider {
  /** Where episodes go: teams with the keyworkers that may hold them (null: unallocated). */
  readonly teams: readonly { readonly teamId: string; readonly keyworkerIds: readonly (string | null)[] }[];
}

function generatedPlans(random: Random, referralDate: IsoDate, asOf: IsoDate): PlanSpec[] {
  return Array.from({ length: random.int(0, 2) }, () => {
    const signedOffDate = random.chance(0.1) ? null : dateBetween(random, referralDate, asOf);
    const reviews = signedOffDate === null ? [] : Array.from({ length: random.int(0, 3) }, () => dateBetween(random, signedOffDate, asOf));
    return { signedOffDate, reviewIntervalWeeks: random.pick([4, 8, 12]), reviews, enteredInError: random.chance(0.05) };
  });
}

function generatedInterventions(random: Random, referralDate: IsoDate, asOf: IsoDate): InterventionSpec[] {
  return Array.from({ length: random.int(0, 3) }, () => {
    const startDate = dateBetween(random, referralDate, asOf);
    // Some prescriptions end on the day of writing, so the next day the person is no longer on OST.
    const endDate = random.chance(0.5) ? null : random.chance(0.2) ? asOf : dateBetween(random, startDate, asOf);
    return { code: random.pick(INTERVENTION_CODES), startDate, endDate, enteredInError: random.chance(0.05) };
  });
}

function generatedContacts(random: Random, referralDate: IsoDate, asOf: IsoDate): ContactSpec[] {
  const recentFrom = random.chance(0.7) ? addDays(asOf, -random.int(5, 60)) : referralDate;
  const from = recentFrom < referralDate ? referralDate : recentFrom;
  return Array.from({ length: random.int(0, 8) }, () => ({
    date: dateBetween(random, from, asOf),
    time: random.chance(0.5) ? `${String(random.int(9, 16)).padStart(2, "0")}:${random.pick(["00", "30"])}` : null,
    kind: random.pick(CONTACT_KINDS),
    outcome: random.pick(CONTACT_OUTCOMES),
    enteredInError: random.chance(0.05),
  }));
}

function generatedEpisode(random: Random, provider: GeneratedProvider, referralDate: IsoDate, asOf: IsoDate): EpisodeSpec {
  const team = random.pick(provider.teams);
  const closed = random.chance(0.12);
  return {
    teamId: team.teamId,
    keyworkerId: random.pick(team.keyworkerIds),
    status: closed ? random.pick(["COMPLETED", "CLOSED"] as const) : random.pick(OPEN_STATUSES),
    referralDate,
    dischargeDate: closed ? dateBetween(random, referralDate, asOf) : null,
    enteredInError: random.chance(0.03),
    substances: [random.pick(["HEROIN", "ALCOHOL", "CRACK", "CANNABIS"] as const)],
    assessments: Array.from({ length: random.int(0, 2) }, () => ({ date: dateBetween(random, referralDate, asOf), suicideRiskFactor: random.chance(0.3) })),
    plans: generatedPlans(random, referralDate, asOf),
    interventions: generatedInterventions(random, referralDate, asOf),
    outcomes: Array.from({ length: random.int(0, 3) }, () => ({ stage: random.pick(TOP_STAGES), date: dateBetween(random, referralDate, asOf) })),
    contacts: generatedContacts(random, referralDate, asOf),
  };
}

/**
 * Writes `people` generated people as of `asOf`. About one in five had an earlier, completed episode on
 * methadone, and the current episode may carry the prescription on after a short gap, so OST spells cross
 * episodes and reach 2 and 6 years.
 */
export async function writeGeneratedCaseload(data: CaseloadData, random: Random, provider: GeneratedProvider, people: number, asOf: IsoDate): Promise<string[]> {
  const episodeIds: string[] = [];
  for (let index = 0; index < people; index += 1) {
    const person: PersonSpec = {
      firstName: random.pick(FIRST_NAMES),
      lastName: random.pick(LAST_NAMES),
      pregnant: random.chance(0.1),
      childUnder5InHousehold: random.chance(0.15),
    };
    const personId = await data.addPerson(person);
    let referralDate = addDays(asOf, -random.int(10, 2600));
    let carriedOst: InterventionSpec | null = null;
    if (random.chance(0.2)) {
      const earlierReferral = addDays(asOf, -random.int(1500, 2700));
      const discharged = addDays(earlierReferral, random.int(200, 900));
      const ost = { code: "OST_METHADONE", startDate: addDays(earlierReferral, 10), endDate: discharged };
      const earlier = generatedEpisode(random, provider, earlierReferral, discharged);
      episodeIds.push(await data.addEpisode(personId, { ...earlier, status: "COMPLETED", dischargeDate: discharged, enteredInError: false, interventions: [ost] }, asOf));
      referralDate = addDays(discharged, random.int(0, 10));
      carriedOst = { code: "OST_METHADONE", startDate: addDays(discharged, random.int(0, 10)), endDate: random.chance(0.7) ? null : asOf };
    }
    const current = generatedEpisode(random, provider, referralDate, asOf);
    const interventions = carriedOst ? [...(current.interventions ?? []), carriedOst] : current.interventions;
    const closedWithOst = current.status === "COMPLETED" || current.status === "CLOSED";
    const spec = carriedOst && closedWithOst ? { ...current, status: "IN_TREATMENT" as const, dischargeDate: null, interventions } : { ...current, interventions };
    episodeIds.push(await data.addEpisode(personId, spec, asOf));
  }
  return episodeIds;
}

/** What core says a caseload row should show for an episode on a given day. */
export interface ExpectedCaseloadEntry {
  readonly episodeId: string;
  readonly flags: readonly CaseloadFlag[];
  readonly nextReviewDue: IsoDate | null;
  readonly reviewStatus: OpenReviewStatus | null;
  readonly daysSinceLastAttendedContact: number | null;
}

/** An episode's records, the person's interventions across episodes, and the service's reference data. */
export interface EpisodeFacts {
  readonly loaded: LoadedEpisode;
  readonly personInterventions: ReturnType<typeof toIntervention>[];
  readonly catalogue: Awaited<ReturnType<typeof loadCatalogue>>;
  readonly settings: Awaited<ReturnType<typeof loadServiceSettings>>;
}

export async function episodeFacts(server: TestServer, episodeId: string): Promise<EpisodeFacts> {
  const db = server.database.read;
  const t = server.database.tables;
  const loaded = await loadEpisodeRecords(db, t, episodeId);
  if (!loaded) throw new Error(`No episode ${episodeId}`);
  const personEpisodes = await db.select({ id: t.episodes.id }).from(t.episodes).where(eq(t.episodes.serviceUserId, loaded.serviceUser.id));
  const interventionRows = await db.select().from(t.interventions).where(inArray(t.interventions.episodeId, personEpisodes.map((row) => row.id)));
  return { loaded, personInterventions: interventionRows.map(toIntervention), catalogue: await loadCatalogue(db, t), settings: await loadServiceSettings(db, t) };
}

/** Core's verdicts for one episode's caseload row on `day`, straight from its records. */
export function expectedCaseloadEntry(facts: EpisodeFacts, day: IsoDate): ExpectedCaseloadEntry {
  const { loaded, settings } = facts;
  const { episode, contacts } = loaded;
  const followUps = dnaFollowUps(contacts, settings, day);
  const overdueFollowUp = followUps.some((followUp) => followUp.status === "OVERDUE");
  const safeguarding = safeguardingStatus(loaded.serviceUser, contacts);
  const ost = ostDuration(facts.personInterventions, facts.catalogue, day).flag;
  const reviewOverdue = reviewOccurrences(loaded.plans, loaded.reviews, episode, defaultReviewWindow(day)).some((occurrence) => occurrence.status === "OVERDUE");
  const verdicts: Record<CaseloadFlag, boolean> = {
    SUICIDE_RISK: suicideRiskFlag(loaded.assessments, loaded.reviews).flagged,
    SAFEGUARDING: safeguarding.flagged,
    SAFEGUARDING_HOME_VISIT_DUE: safeguarding.homeVisitDue,
    DISENGAGING: disengagement(episode, contacts, settings, day).disengaging,
    DNA_FOLLOW_UP_OVERDUE: overdueFollowUp,
    DNA_FOLLOW_UP_DUE: !overdueFollowUp && followUps.some((followUp) => followUp.status === "DUE"),
    REVIEW_OVERDUE: reviewOverdue,
    NO_KEYWORKER: episode.keyworkerId === null,
    OST_6_YEARS: ost === "OST_6_YEARS",
    OST_2_YEARS: ost === "OST_2_YEARS",
  };
  const due = nextReviewDue(loaded.plans, loaded.reviews, episode);
  return {
    episodeId: episode.id,
    flags: (Object.keys(verdicts) as CaseloadFlag[]).filter((flag) => verdicts[flag]),
    nextReviewDue: due,
    reviewStatus: due === null ? null : openReviewStatus(due, defaultReviewWindow(day)),
    daysSinceLastAttendedContact: daysSinceLastAttendedContact(contacts, day),
  };
}
