import { catalogueOf, type CatalogueItem } from "../catalogue/catalogueItem.js";
import type { BbvStatus, ContactKind, ContactOutcome, InterventionSetting, Modality, NaloxoneRecipient, TopStage } from "../codes/clinical.js";
import type { Ethnicity, Sex } from "../codes/demographics.js";
import { isSuccessfulCompletion, type DischargeReason } from "../codes/dischargeReason.js";
import type { Substance } from "../codes/substance.js";
import { TOP_SUBSTANCES, type TopSubstance } from "../codes/top.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { EnteredInError } from "../records/common.js";
import type { Contact, HarmReductionRecord } from "../records/contact.js";
import type { Episode } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";
import { DEFAULT_SERVICE_SETTINGS, type StaffMember, type Team } from "../records/organisation.js";
import type { OutcomeRecord, TopCount, TopSubstanceUse } from "../records/outcome.js";
import type { RecoveryPlan, Review } from "../records/recoveryPlan.js";
import type { ServiceUser } from "../records/serviceUser.js";
import { aContact, anEpisode, anIntervention, anOutcomeRecord, aPlan, aReview, aServiceUser, aTeam } from "../testing/builders.js";
import { aCatalogueItem, OPIOID_SUBSTITUTION, type CatalogueItemOverrides } from "../testing/testCatalogue.js";
import type { ProviderData } from "./types.js";

/** The mark on a record entered in error. Test data for the indicator tests only: two teams, three staff and a small catalogue. */
export const ERROR_MARK: EnteredInError = { reason: "Recorded against the wrong person", markedById: "s-ann", markedOn: "2025-01-01" };

export const TEAMS: readonly Team[] = [
  aTeam({ id: "t-adults", name: "Adults", minAge: 25, maxAge: null, waitingTimeTargetDays: 21 }),
  aTeam({ id: "t-young", name: "Young people", minAge: 11, maxAge: 24, waitingTimeTargetDays: 14 }),
];

export const STAFF: readonly StaffMember[] = [
  { id: "s-ann", name: "Ann Keyworker", email: "ann@example.org", roles: ["PRACTITIONER"], teamIds: ["t-adults"], active: true },
  { id: "s-bob", name: "Bob Keyworker", email: "bob@example.org", roles: ["PRACTITIONER"], teamIds: ["t-adults", "t-young"], active: true },
  { id: "s-cat", name: "Cat Lead", email: "cat@example.org", roles: ["TEAM_LEAD"], teamIds: ["t-young"], active: true },
];

/** An item usable at any time, labelled as the indicators show it (PEER_SUPPORT as "peer support"). */
function item(code: string, modality: Modality, overrides: CatalogueItemOverrides = {}): CatalogueItem {
  return aCatalogueItem(code, modality, { label: code.replace(/_/g, " ").toLowerCase(), definition: `Test item ${code}`, phase: "ANY", ...overrides });
}

export const CATALOGUE = catalogueOf([
  item("OST_METHADONE", "PHARMACOLOGICAL", OPIOID_SUBSTITUTION),
  item("OST_BUPRENORPHINE", "PHARMACOLOGICAL", OPIOID_SUBSTITUTION),
  item("ALCOHOL_DETOX", "PHARMACOLOGICAL"),
  item("CBT", "PSYCHOSOCIAL"),
  item("PEER_SUPPORT", "RECOVERY_SUPPORT"),
  item("MUTUAL_AID", "RECOVERY_SUPPORT"),
  item("AFTERCARE", "RECOVERY_SUPPORT"),
  item("NEEDLE_EXCHANGE", "HARM_REDUCTION"),
]);

export interface PersonOptions {
  readonly dateOfBirth?: IsoDate;
  readonly sex?: Sex;
  readonly ethnicity?: Ethnicity;
  readonly postcode?: string | null;
  readonly enteredInError?: boolean;
}

export interface EpisodeOptions {
  readonly referred: IsoDate;
  readonly teamId?: string;
  readonly keyworkerId?: string | null;
  readonly substances?: readonly Substance[];
  readonly discharged?: { readonly date: IsoDate; readonly reason: DischargeReason };
  readonly enteredInError?: boolean;
}

export interface InterventionOptions {
  readonly code: string;
  readonly start: IsoDate;
  readonly end?: IsoDate | null;
  readonly setting?: InterventionSetting;
  readonly enteredInError?: boolean;
}

export interface TopOptions {
  /** Days used in the past 28, by TOP line; lines not given are 0. */
  readonly days?: Partial<Record<TopSubstance, TopCount>>;
  readonly psychologicalHealth?: TopCount;
  readonly physicalHealth?: TopCount;
  readonly qualityOfLife?: TopCount;
  readonly enteredInError?: boolean;
}

export interface HarmReductionOptions {
  readonly naloxoneIssuedTo?: NaloxoneRecipient | null;
  readonly hepatitisBVaccination?: BbvStatus | null;
  readonly hepatitisCTest?: BbvStatus | null;
  readonly enteredInError?: boolean;
}

/** Builds a ProviderData one record at a time, with readable defaults and sequential ids. */
export class ProviderDataBuilder {
  private readonly serviceUsers: ServiceUser[] = [];
  private readonly episodes: Episode[] = [];
  private readonly interventions: Intervention[] = [];
  private readonly outcomes: OutcomeRecord[] = [];
  private readonly contacts: Contact[] = [];
  private readonly harmReduction: HarmReductionRecord[] = [];
  private readonly plans: RecoveryPlan[] = [];
  private readonly reviews: Review[] = [];
  private nextId = 1;

  private id(prefix: string): string {
    const id = `${prefix}-${String(this.nextId).padStart(3, "0")}`;
    this.nextId += 1;
    return id;
  }

  /** A person aged 39 at the start of Q1 2025, male, White British, living in SO14, unless told otherwise. */
  person(options: PersonOptions = {}): ServiceUser {
    const id = this.id("su");
    const person = aServiceUser({
      id,
      enteredInError: options.enteredInError ? ERROR_MARK : null,
      localReference: id.toUpperCase(),
      firstName: "Test",
      lastName: id,
      dateOfBirth: options.dateOfBirth ?? "1985-06-15",
      sex: options.sex ?? "MALE",
      ethnicity: options.ethnicity ?? "WHITE_BRITISH",
      postcode: options.postcode === undefined ? "SO14 3JA" : options.postcode,
      nhsNumber: null,
      gpPractice: null,
      parentalResponsibility: null,
      childrenLivingWith: null,
      veteran: null,
    });
    this.serviceUsers.push(person);
    return person;
  }

  /** An episode of the Adults team held by Ann, for heroin, open unless `discharged` is given. */
  episode(person: ServiceUser, options: EpisodeOptions): Episode {
    const discharged = options.discharged;
    const episode = anEpisode({
      id: this.id("ep"),
      enteredInError: options.enteredInError ? ERROR_MARK : null,
      serviceUserId: person.id,
      teamId: options.teamId ?? "t-adults",
      keyworkerId: options.keyworkerId === undefined ? "s-ann" : options.keyworkerId,
      status: discharged ? (isSuccessfulCompletion(discharged.reason) ? "COMPLETED" : "CLOSED") : "IN_TREATMENT",
      referral: { receivedDate: options.referred, source: "SELF", referrer: null, reason: "Test referral", urgency: "ROUTINE" },
      triageDate: options.referred,
      problemSubstances: (options.substances ?? ["HEROIN"]).map((substance, index) => ({
        rank: (index + 1) as 1 | 2 | 3,
        substance,
        ageOfFirstUse: null,
        route: null,
      })),
      injectingStatus: null,
      dischargeDate: discharged?.date ?? null,
      dischargeReason: discharged?.reason ?? null,
    });
    this.episodes.push(episode);
    return episode;
  }

  /** An intervention of a catalogue item, in the community and open-ended unless told otherwise. */
  intervention(episode: Episode, options: InterventionOptions): Intervention {
    const intervention = anIntervention({
      id: this.id("iv"),
      enteredInError: options.enteredInError ? ERROR_MARK : null,
      episodeId: episode.id,
      catalogueItemCode: options.code,
      startDate: options.start,
      endDate: options.end ?? null,
      setting: options.setting ?? "COMMUNITY",
      deliveredById: null,
    });
    this.interventions.push(intervention);
    return intervention;
  }

  /** An episode that started structured treatment (a psychosocial intervention) on `start`. */
  treated(person: ServiceUser, options: EpisodeOptions & { readonly start: IsoDate }): Episode {
    const episode = this.episode(person, options);
    this.intervention(episode, { code: "CBT", start: options.start, end: options.discharged?.date ?? null });
    return episode;
  }

  /** A TOP with 0 days of use on every line and scores of 10, unless told otherwise. */
  top(episode: Episode, stage: TopStage, date: IsoDate, options: TopOptions = {}): OutcomeRecord {
    const use = (line: TopSubstance): TopSubstanceUse => ({ days: options.days?.[line] ?? 0, typicalAmount: null });
    const top = anOutcomeRecord({
      id: this.id("top"),
      enteredInError: options.enteredInError ? ERROR_MARK : null,
      episodeId: episode.id,
      stage,
      date,
      substanceUse: Object.fromEntries(TOP_SUBSTANCES.codes.map((line) => [line, use(line)])) as Record<TopSubstance, TopSubstanceUse>,
      crime: { shoplifting: 0, drugSelling: 0, otherTheft: 0, assaultViolence: 0 },
      health: {
        psychologicalHealth: options.psychologicalHealth ?? 10,
        physicalHealth: options.physicalHealth ?? 10,
        qualityOfLife: options.qualityOfLife ?? 10,
        paidWorkDays: 0,
        educationDays: 0,
        acuteHousingProblem: false,
        atRiskOfEviction: false,
      },
    });
    this.outcomes.push(top);
    return top;
  }

  /** A contact held by Bob, whoever the keyworker is, so tests show contacts count under their episode's keyworker. */
  contact(episode: Episode, date: IsoDate, kind: ContactKind, outcome: ContactOutcome, enteredInError = false): Contact {
    const contact = aContact({
      id: this.id("ct"),
      enteredInError: enteredInError ? ERROR_MARK : null,
      episodeId: episode.id,
      date,
      time: null,
      kind,
      outcome,
      staffId: "s-bob",
    });
    this.contacts.push(contact);
    return contact;
  }

  /** A harm-reduction record with only the parts given. */
  harm(episode: Episode, date: IsoDate, options: HarmReductionOptions): HarmReductionRecord {
    const record: HarmReductionRecord = {
      id: this.id("hr"),
      enteredInError: options.enteredInError ? ERROR_MARK : null,
      episodeId: episode.id,
      date,
      naloxoneIssuedTo: options.naloxoneIssuedTo ?? null,
      naloxoneTrainingGiven: false,
      hepatitisBVaccination: options.hepatitisBVaccination ?? null,
      hepatitisCTest: options.hepatitisCTest ?? null,
      hivTest: null,
    };
    this.harmReduction.push(record);
    return record;
  }

  /** A full plan signed off on `signedOff`, reviewed every `intervalWeeks` weeks. */
  plan(episode: Episode, signedOff: IsoDate, options: { readonly intervalWeeks?: number; readonly enteredInError?: boolean } = {}): RecoveryPlan {
    const plan = aPlan({
      id: this.id("plan"),
      enteredInError: options.enteredInError ? ERROR_MARK : null,
      episodeId: episode.id,
      startDate: signedOff,
      goals: [{ id: "goal-1", domain: "SUBSTANCE_USE", description: "Reduce use", targetDate: null, status: "OPEN" }],
      signedOffById: "s-ann",
      signedOffDate: signedOff,
      reviewIntervalWeeks: options.intervalWeeks ?? 12,
    });
    this.plans.push(plan);
    return plan;
  }

  /** A completed review; the schedule derives which due date it satisfied. */
  review(plan: RecoveryPlan, completed: IsoDate, options: { readonly dueDate?: IsoDate; readonly enteredInError?: boolean } = {}): Review {
    const review = aReview({
      id: this.id("rev"),
      enteredInError: options.enteredInError ? ERROR_MARK : null,
      planId: plan.id,
      dueDate: options.dueDate ?? completed,
      completedDate: completed,
      completedById: "s-ann",
      risk: null,
    });
    this.reviews.push(review);
    return review;
  }

  /** The records so far, with the fixed teams, staff, catalogue and default settings. */
  build(): ProviderData {
    return {
      teams: TEAMS,
      staff: STAFF,
      serviceUsers: [...this.serviceUsers],
      episodes: [...this.episodes],
      assessments: [],
      plans: [...this.plans],
      reviews: [...this.reviews],
      interventions: [...this.interventions],
      outcomes: [...this.outcomes],
      contacts: [...this.contacts],
      harmReduction: [...this.harmReduction],
      catalogue: CATALOGUE,
      settings: DEFAULT_SERVICE_SETTINGS,
    };
  }
}

/** The quarter most tests report on. */
export const Q1 = { from: "2025-04-01", to: "2025-06-30" } as const;
