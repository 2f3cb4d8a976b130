import { AGE_BANDS, KPI_BREAKDOWNS, type AgeBand, type Cohort, type Ethnicity, type IsoDate, type KpiBreakdown, type Sex } from "@waymark/core";
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CohortEnum, EthnicityEnum, SexEnum } from "../enums.js";
import { DateScalar } from "../scalars.js";

/*
 * How small numbers are shown (DOMAIN §7). Every count is a pair of fields: `x: Int`, the number itself, null
 * when it is hidden from you, and `xShown: String!`, what to print: the number, or "<5" for a count of 1..4
 * people, or "SUPPRESSED" for a count that would give a small count away by difference. Every fraction is
 * `value: Float` (0..1, null when hidden or when nothing was counted) and `valueShown: String!`: a percentage
 * with one decimal ("82.5%"), "N/A" when nothing was counted, or "SUPPRESSED". Analysts always get the
 * suppressed figures; team leads see their own teams' figures in full, so their `x` and `xShown` agree.
 */

export const KpiBreakdownEnum = Object.fromEntries(KPI_BREAKDOWNS.map((dimension) => [dimension, dimension])) as Record<KpiBreakdown, KpiBreakdown>;

registerEnumType(KpiBreakdownEnum, {
  name: "KpiBreakdown",
  description: "A dimension the indicators can be split by. A record falls in its episode's group.",
  valuesConfig: {
    TEAM: { description: "The episode's current team." },
    KEYWORKER: { description: "The episode's current keyworker; episodes with none form the group NOT_ALLOCATED." },
    COHORT: { description: "The episode's cohort from its problem substances (R-COH-1); none recorded forms NOT_RECORDED." },
    AGE_BAND: { description: "The person's age band on the first day of the period." },
    SEX: { description: "The person's recorded sex." },
    ETHNICITY: { description: "The person's recorded ethnic group." },
    POSTCODE_DISTRICT: { description: "The outward code of the person's postcode (SO14); a missing or unusable postcode forms NOT_RECORDED." },
  },
});

export const AgeBandEnum = Object.fromEntries(AGE_BANDS.codes.map((band) => [band, band])) as Record<AgeBand, AgeBand>;

registerEnumType(AgeBandEnum, {
  name: "AgeBand",
  description: "An age band indicators are reported in, by the person's age on the first day of the period.",
  valuesConfig: Object.fromEntries(AGE_BANDS.entries.map((entry) => [entry.code, { description: entry.label }])) as never,
});

@InputType({ description: "A reporting period; both days are included, so a quarter is 2025-04-01..2025-06-30. At most five years long." })
export class KpiPeriodInput {
  @Field(() => DateScalar, { description: "The first day of the period." })
  from!: IsoDate;

  @Field(() => DateScalar, { description: "The last day of the period; not before `from`." })
  to!: IsoDate;
}

@InputType({
  description:
    "Narrows the population before anything is counted. Each list given must contain the value of the episode a counted record belongs to; " +
    "lists left out do not filter. A null in a list that allows it matches an episode with no value.",
})
export class KpiFilterInput {
  @Field(() => [ID], { nullable: true, description: "Only episodes of these teams (Team IDs). A team lead's figures are always limited to their own teams." })
  teamIds?: string[] | null;

  @Field(() => [ID], { nullable: "itemsAndList", description: "Only episodes held by these keyworkers (StaffMember IDs); null matches episodes with no keyworker." })
  keyworkerIds?: (string | null)[] | null;

  @Field(() => [CohortEnum], { nullable: "itemsAndList", description: "Only episodes in these cohorts; null matches episodes with no problem substance recorded." })
  cohorts?: (Cohort | null)[] | null;

  @Field(() => [AgeBandEnum], { nullable: true, description: "Only people in these age bands on the first day of the period." })
  ageBands?: AgeBand[] | null;

  @Field(() => [SexEnum], { nullable: true, description: "Only people of these recorded sexes." })
  sexes?: Sex[] | null;

  @Field(() => [EthnicityEnum], { nullable: true, description: "Only people of these ethnic groups." })
  ethnicities?: Ethnicity[] | null;

  @Field(() => [String], {
    nullable: "itemsAndList",
    description: "Only people whose postcode is in these districts (outward codes such as SO14, any case); null matches a missing or unusable postcode.",
  })
  postcodeDistricts?: (string | null)[] | null;
}

@ObjectType({ description: "The period a report covers; both days included." })
export class KpiPeriod {
  @Field(() => DateScalar, { description: "The first day of the period." })
  from!: IsoDate;

  @Field(() => DateScalar, { description: "The last day of the period." })
  to!: IsoDate;
}

@ObjectType({ description: "A target an indicator is held to." })
export class KpiTarget {
  @Field(() => Float, { description: "The target: a fraction from 0 to 1 when `unit` is FRACTION, a number of days when it is DAYS." })
  value!: number;

  @Field(() => String, { description: "FRACTION or DAYS." })
  unit!: string;

  @Field(() => String, { description: "How the target reads in the product." })
  text!: string;
}

/** The fields every indicator carries, whatever it counts. */
@ObjectType("KpiIndicatorFields", { description: "The fields every indicator carries (a base, not itself part of the schema)." })
export abstract class KpiIndicatorFields {
  @Field(() => String, { description: "The indicator's ID in DOMAIN §7 (K-1..K-14)." })
  id!: string;

  @Field(() => String, { description: "The indicator's short name." })
  title!: string;

  @Field(() => String, { description: "What the indicator measures, in plain English, as the product shows it beside the figure." })
  definition!: string;

  @Field(() => String, { description: "What is counted on top of the fraction, or the count itself for an indicator that is a count." })
  numeratorDefinition!: string;

  @Field(() => String, { nullable: true, description: "What the count is divided by; null for an indicator that is a count." })
  denominatorDefinition!: string | null;

  @Field(() => KpiTarget, { nullable: true, description: "The target DOMAIN §7 sets for the indicator; null when it sets none." })
  target!: KpiTarget | null;
}

/** A proportion as the schema shows it, with suppression applied for analysts. */
@ObjectType("KpiRatioFields", { description: "A proportion with suppression applied (a base, not itself part of the schema)." })
export abstract class KpiRatioFields {
  @Field(() => Int, { nullable: true, description: "What was counted on top of the fraction; null when hidden (see numeratorShown)." })
  numerator!: number | null;

  @Field(() => String, { description: 'The numerator as it may be printed: the number, "<5", or "SUPPRESSED" when it would give a small count away.' })
  numeratorShown!: string;

  @Field(() => Int, { nullable: true, description: "What the numerator is a share of; null when hidden (see denominatorShown)." })
  denominator!: number | null;

  @Field(() => String, { description: 'The denominator as it may be printed: the number or "<5".' })
  denominatorShown!: string;

  @Field(() => Float, { nullable: true, description: "numerator / denominator, from 0 to 1; null when nothing was counted or when hidden." })
  value!: number | null;

  @Field(() => String, { description: 'The fraction as a percentage with one decimal ("82.5%"), "N/A" when nothing was counted, or "SUPPRESSED".' })
  valueShown!: string;
}

@ObjectType({ description: "One group of a breakdown or one line of a split, as a proportion." })
export class KpiGroup extends KpiRatioFields {
  @Field(() => String, { description: "The group's stored code or ID (a Team or StaffMember ID for those breakdowns; NOT_RECORDED or NOT_ALLOCATED for no value)." })
  key!: string;

  @Field(() => String, { description: "The group as a person reads it." })
  label!: string;
}

@ObjectType({ description: "One group of a breakdown or one line of a split, as a count." })
export class KpiCount {
  @Field(() => String, { description: "The group's stored code or ID (a Team or StaffMember ID for those breakdowns; NOT_RECORDED or NOT_ALLOCATED for no value)." })
  key!: string;

  @Field(() => String, { description: "The group as a person reads it." })
  label!: string;

  @Field(() => Int, { nullable: true, description: "How many; null when hidden (see countShown)." })
  count!: number | null;

  @Field(() => String, { description: 'The count as it may be printed: the number or "<5".' })
  countShown!: string;
}

/** The fields of an indicator that is a proportion: its definition and its overall figure. */
@ObjectType("KpiRatioIndicatorFields", { description: "An indicator that is a proportion (a base, not itself part of the schema)." })
export abstract class KpiRatioIndicatorFields extends KpiRatioFields {
  @Field(() => String, { description: "The indicator's ID in DOMAIN §7 (K-1..K-14)." })
  id!: string;

  @Field(() => String, { description: "The indicator's short name." })
  title!: string;

  @Field(() => String, { description: "What the indicator measures, in plain English, as the product shows it beside the figure." })
  definition!: string;

  @Field(() => String, { description: "What the numerator counts." })
  numeratorDefinition!: string;

  @Field(() => String, { nullable: true, description: "What the denominator counts." })
  denominatorDefinition!: string | null;

  @Field(() => KpiTarget, { nullable: true, description: "The target DOMAIN §7 sets for the indicator; null when it sets none." })
  target!: KpiTarget | null;
}

@ObjectType({ description: "K-1 Numbers in treatment: episodes in structured treatment at any time in the period." })
export class NumbersInTreatmentKpi extends KpiIndicatorFields {
  @Field(() => Int, { nullable: true, description: "Episodes in structured treatment at any time in the period; null when hidden." })
  count!: number | null;

  @Field(() => String, { description: 'The count as it may be printed: the number or "<5".' })
  countShown!: string;

  @Field(() => Int, { nullable: true, description: "Distinct people behind those episodes; null when hidden." })
  people!: number | null;

  @Field(() => String, { description: 'The number of people as it may be printed: the number or "<5".' })
  peopleShown!: string;

  @Field(() => [KpiCount], { description: "By cohort (R-COH-1), always given." })
  byCohort!: KpiCount[];

  @Field(() => [KpiCount], { description: "By age band on the first day of the period, always given." })
  byAgeBand!: KpiCount[];

  @Field(() => [KpiCount], { description: "By sex, always given." })
  bySex!: KpiCount[];

  @Field(() => [KpiCount], { description: "By ethnic group, always given." })
  byEthnicity!: KpiCount[];

  @Field(() => [KpiCount], { description: "By the breakdown asked for; empty without one." })
  groups!: KpiCount[];
}

@ObjectType({ description: "One group of K-2, with its own median wait." })
export class WaitingTimeGroup extends KpiGroup {
  @Field(() => Float, { nullable: true, description: "The median wait in days of the group; null when no one is in it or when the group's count is hidden." })
  medianWaitDays!: number | null;
}

@ObjectType({ description: "K-2 Waiting time: the share of first interventions in the period that started within the team's target, and the median wait." })
export class WaitingTimeKpi extends KpiRatioIndicatorFields {
  @Field(() => Float, { nullable: true, description: "The median wait in days from referral to first intervention; null when no one started or when the count is hidden." })
  medianWaitDays!: number | null;

  @Field(() => [WaitingTimeGroup], { description: "By the breakdown asked for; empty without one." })
  groups!: WaitingTimeGroup[];
}

@ObjectType({ description: "K-3 Reviews on time (R-REV-2): the share of reviews due in the period, and settled as of `asOf`, that were completed on or before their due date." })
export class ReviewsOnTimeKpi extends KpiRatioIndicatorFields {
  @Field(() => [KpiCount], { description: "The denominator by status: completed on time, completed late, missed, overdue." })
  byStatus!: KpiCount[];

  @Field(() => [KpiGroup], { description: "By the breakdown asked for; empty without one." })
  groups!: KpiGroup[];
}

@ObjectType({ description: "K-4 TOP compliance (R-TOP-2): the share of START, REVIEW and EXIT TOPs due in the period, and settled as of `asOf`, that were recorded." })
export class TopComplianceKpi extends KpiRatioIndicatorFields {
  @Field(() => [KpiGroup], { description: "START, REVIEW and EXIT, each as its own proportion." })
  byStage!: KpiGroup[];

  @Field(() => [KpiGroup], { description: "By the breakdown asked for; empty without one." })
  groups!: KpiGroup[];
}

@ObjectType({ description: "K-5 Successful completions: episodes completed successfully in the period and not re-presented (R-REP-1), as a share of the episodes in treatment." })
export class SuccessfulCompletionsKpi extends KpiRatioIndicatorFields {
  @Field(() => [KpiGroup], { description: "By cohort (R-COH-1), always given." })
  byCohort!: KpiGroup[];

  @Field(() => [KpiGroup], { description: "By the breakdown asked for; empty without one." })
  groups!: KpiGroup[];
}

@ObjectType({ description: "K-6 Re-presentations: the share of successful completions in the period followed by a new referral within 182 days (R-REP-1)." })
export class RepresentationsKpi extends KpiRatioIndicatorFields {
  @Field(() => Int, { nullable: true, description: "Completions not re-presented so far whose 182 days run past `asOf`, so the figure can still rise; null when hidden." })
  windowStillOpen!: number | null;

  @Field(() => String, { description: 'windowStillOpen as it may be printed: the number or "<5".' })
  windowStillOpenShown!: string;

  @Field(() => [KpiGroup], { description: "By the breakdown asked for; empty without one." })
  groups!: KpiGroup[];
}

@ObjectType({ description: "K-7 Exits: discharges in the period by reason and category; the proportion is planned exits over all exits." })
export class ExitsKpi extends KpiRatioIndicatorFields {
  @Field(() => [KpiCount], { description: "Every discharge reason in code-list order, zeros included." })
  byReason!: KpiCount[];

  @Field(() => [KpiCount], { description: "Planned, transferred and unplanned." })
  byCategory!: KpiCount[];

  @Field(() => [KpiGroup], { description: "Planned share by the breakdown asked for; empty without one." })
  groups!: KpiGroup[];
}

@ObjectType({ description: "A proportion without a key, for a second figure over an indicator's denominator." })
export class KpiShare extends KpiRatioFields {
  @Field(() => String, { description: "What the numerator counts, as a person reads it." })
  label!: string;
}

@ObjectType({ description: "One group of K-8, with its count at six years or more." })
export class LongTermOstGroup extends KpiGroup {
  @Field(() => Int, { nullable: true, description: "Of the group, people on OST for six years or more; null when hidden." })
  atLeastSixYears!: number | null;

  @Field(() => String, { description: 'atLeastSixYears as it may be printed: the number, "<5" or "SUPPRESSED".' })
  atLeastSixYearsShown!: string;
}

@ObjectType({ description: "K-8 Long-term OST (R-OST-1): of the people in treatment and on opioid substitution at the end of `asOf`, the share on it for 2 years or more." })
export class LongTermOstKpi extends KpiRatioIndicatorFields {
  @Field(() => DateScalar, { description: "The day the snapshot is taken at the end of." })
  asOf!: IsoDate;

  @Field(() => KpiShare, { description: "People on OST for 6 years or more, over the same denominator." })
  atLeastSixYears!: KpiShare;

  @Field(() => [LongTermOstGroup], { description: "By the breakdown asked for; empty without one." })
  groups!: LongTermOstGroup[];
}

@ObjectType({ description: "K-9 Shared care: the share of pharmacological interventions under way in the period that were delivered in primary care." })
export class SharedCareKpi extends KpiRatioIndicatorFields {
  @Field(() => [KpiGroup], { description: "By the breakdown asked for; empty without one." })
  groups!: KpiGroup[];
}

@ObjectType({ description: "K-10 Did not attend: the share of appointments in the period that went ahead as booked and were not attended." })
export class DidNotAttendKpi extends KpiRatioIndicatorFields {
  @Field(() => [KpiGroup], { description: "By the breakdown asked for; empty without one." })
  groups!: KpiGroup[];
}

@ObjectType({ description: "One keyworker's caseload on the snapshot day." })
export class KeyworkerCaseload {
  @Field(() => ID, { description: "The keyworker (a StaffMember ID)." })
  keyworkerId!: string;

  @Field(() => String, { description: "The keyworker's name." })
  label!: string;

  @Field(() => Int, { nullable: true, description: "Open episodes they hold; null when hidden." })
  openEpisodes!: number | null;

  @Field(() => String, { description: 'openEpisodes as it may be printed: the number or "<5".' })
  openEpisodesShown!: string;
}

@ObjectType({
  description:
    "One group of K-11: numerator = allocated open episodes in the group, denominator = distinct keyworkers holding them, value = their mean caseload " +
    "(not a fraction, so valueShown is the mean with one decimal).",
})
export class CaseloadGroup extends KpiGroup {}

@ObjectType({ description: "K-11 Caseload size: open episodes per keyworker at the end of `asOf`." })
export class CaseloadSizeKpi extends KpiIndicatorFields {
  @Field(() => DateScalar, { description: "The day the snapshot is taken at the end of." })
  asOf!: IsoDate;

  @Field(() => Int, { nullable: true, description: "Open episodes, allocated or not; null when hidden." })
  openEpisodes!: number | null;

  @Field(() => String, { description: 'openEpisodes as it may be printed: the number or "<5".' })
  openEpisodesShown!: string;

  @Field(() => Int, { nullable: true, description: "Open episodes with no keyworker; null when hidden." })
  unallocated!: number | null;

  @Field(() => String, { description: 'unallocated as it may be printed: the number or "<5".' })
  unallocatedShown!: string;

  @Field(() => Int, { description: "Keyworkers holding at least one open episode (staff, so never hidden)." })
  keyworkers!: number;

  @Field(() => Float, { nullable: true, description: "Allocated open episodes over keyworkers holding any; null when no one holds any or when the count is hidden." })
  meanCaseload!: number | null;

  @Field(() => [KeyworkerCaseload], { description: "Each keyworker's count, largest first (ties by name)." })
  caseloads!: KeyworkerCaseload[];

  @Field(() => [CaseloadGroup], { description: "Mean caseload by the breakdown asked for; empty without one." })
  groups!: CaseloadGroup[];
}

@ObjectType({ description: "The mean change of one TOP score (0..20) between the START TOP and the follow-up TOP; positive is better." })
export class KpiScoreChange {
  @Field(() => String, { description: "PSYCHOLOGICAL_HEALTH, PHYSICAL_HEALTH or QUALITY_OF_LIFE." })
  key!: string;

  @Field(() => String, { description: "The score as a person reads it." })
  label!: string;

  @Field(() => Int, { nullable: true, description: "Pairs that gave the score both times; null when hidden." })
  count!: number | null;

  @Field(() => String, { description: 'count as it may be printed: the number or "<5".' })
  countShown!: string;

  @Field(() => Float, { nullable: true, description: "The mean of follow-up minus START; null when no pair gave the score or when the count is hidden." })
  meanChange!: number | null;
}

@ObjectType({ description: "One group of K-12." })
export class OutcomesGroup extends KpiGroup {
  @Field(() => Int, { nullable: true, description: "Episodes of the group with a START and a follow-up TOP; null when hidden." })
  pairs!: number | null;

  @Field(() => String, { description: 'pairs as it may be printed: the number or "<5".' })
  pairsShown!: string;

  @Field(() => [KpiScoreChange], { description: "The mean change of each score in the group." })
  scoreChanges!: KpiScoreChange[];
}

@ObjectType({ description: "K-12 Outcomes: between the START TOP and the latest REVIEW or EXIT TOP in the period, the share abstinent from the main substance and the mean change in three scores." })
export class OutcomesKpi extends KpiRatioIndicatorFields {
  @Field(() => Int, { nullable: true, description: "Episodes with a START TOP and a follow-up TOP in the period; null when hidden." })
  pairs!: number | null;

  @Field(() => String, { description: 'pairs as it may be printed: the number or "<5".' })
  pairsShown!: string;

  @Field(() => [KpiScoreChange], { description: "Psychological health, physical health and quality of life." })
  scoreChanges!: KpiScoreChange[];

  @Field(() => [OutcomesGroup], { description: "By the breakdown asked for; empty without one." })
  groups!: OutcomesGroup[];
}

@ObjectType({ description: "K-13 ROSC coverage: the share of episodes in treatment with a recovery-support intervention under way in the period." })
export class RoscCoverageKpi extends KpiRatioIndicatorFields {
  @Field(() => [KpiGroup], { description: "One line per recovery-support catalogue item (retired ones included), over the same denominator." })
  byItem!: KpiGroup[];

  @Field(() => [KpiGroup], { description: "By the breakdown asked for; empty without one." })
  groups!: KpiGroup[];
}

@ObjectType({ description: "One measure of K-14, as a share of the episodes in treatment." })
export class HarmReductionMeasure extends KpiRatioFields {
  @Field(() => String, { description: "NALOXONE_ISSUED, HEPATITIS_B_VACCINATION_OFFERED, HEPATITIS_B_VACCINATION_ACCEPTED, HEPATITIS_C_TEST_OFFERED or HEPATITIS_C_TEST_ACCEPTED." })
  key!: string;

  @Field(() => String, { description: "The measure as a person reads it." })
  label!: string;

  @Field(() => [KpiGroup], { description: "By the breakdown asked for; empty without one." })
  groups!: KpiGroup[];
}

@ObjectType({ description: "K-14 Harm reduction: naloxone issued, hepatitis B vaccination and hepatitis C testing offered and accepted, as shares of the episodes in treatment." })
export class HarmReductionKpi extends KpiIndicatorFields {
  @Field(() => Int, { nullable: true, description: "Episodes in treatment in the period; null when hidden." })
  denominator!: number | null;

  @Field(() => String, { description: 'denominator as it may be printed: the number or "<5".' })
  denominatorShown!: string;

  @Field(() => [HarmReductionMeasure], { description: "Each measure in turn." })
  measures!: HarmReductionMeasure[];
}

@ObjectType({ description: "The fourteen performance indicators of DOMAIN §7 for one period, population and breakdown." })
export class KpiReport {
  @Field(() => KpiPeriod, { description: "The period reported on." })
  period!: KpiPeriod;

  @Field(() => DateScalar, { description: "The day the schedule-based and snapshot indicators (K-3, K-4, K-5, K-6, K-8, K-11) are read as of." })
  asOf!: IsoDate;

  @Field(() => KpiBreakdownEnum, { nullable: true, description: "The breakdown of every indicator's `groups`; null when none was asked for." })
  breakdown!: KpiBreakdown | null;

  @Field(() => Boolean, { description: 'True when small counts are hidden ("<5") because you see them as an analyst.' })
  suppressed!: boolean;

  @Field(() => [ID], { nullable: true, description: "The teams the figures are limited to (Team IDs); null when they cover the whole provider." })
  teamIds!: string[] | null;

  @Field(() => NumbersInTreatmentKpi, { description: "K-1 Numbers in treatment." })
  numbersInTreatment!: NumbersInTreatmentKpi;

  @Field(() => WaitingTimeKpi, { description: "K-2 Waiting time." })
  waitingTime!: WaitingTimeKpi;

  @Field(() => ReviewsOnTimeKpi, { description: "K-3 Reviews on time." })
  reviewsOnTime!: ReviewsOnTimeKpi;

  @Field(() => TopComplianceKpi, { description: "K-4 TOP compliance." })
  topCompliance!: TopComplianceKpi;

  @Field(() => SuccessfulCompletionsKpi, { description: "K-5 Successful completions." })
  successfulCompletions!: SuccessfulCompletionsKpi;

  @Field(() => RepresentationsKpi, { description: "K-6 Re-presentations." })
  representations!: RepresentationsKpi;

  @Field(() => ExitsKpi, { description: "K-7 Exits." })
  exits!: ExitsKpi;

  @Field(() => LongTermOstKpi, { description: "K-8 Long-term OST." })
  longTermOst!: LongTermOstKpi;

  @Field(() => SharedCareKpi, { description: "K-9 Shared care." })
  sharedCare!: SharedCareKpi;

  @Field(() => DidNotAttendKpi, { description: "K-10 Did not attend." })
  didNotAttend!: DidNotAttendKpi;

  @Field(() => CaseloadSizeKpi, { description: "K-11 Caseload size." })
  caseloadSize!: CaseloadSizeKpi;

  @Field(() => OutcomesKpi, { description: "K-12 Outcomes." })
  outcomes!: OutcomesKpi;

  @Field(() => RoscCoverageKpi, { description: "K-13 ROSC coverage." })
  roscCoverage!: RoscCoverageKpi;

  @Field(() => HarmReductionKpi, { description: "K-14 Harm reduction." })
  harmReduction!: HarmReductionKpi;
}
