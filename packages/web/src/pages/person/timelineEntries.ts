import {
  ASSESSMENT_KINDS,
  BBV_STATUSES,
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  DISCHARGE_REASONS,
  exitCategoryOf,
  GOAL_STATUSES,
  INTERVENTION_SETTINGS,
  MODALITIES,
  NALOXONE_RECIPIENTS,
  NEED_DOMAINS,
  NEED_LEVELS,
  PLAN_KINDS,
  REFERRAL_SOURCES,
  TOP_STAGES,
  type ContactOutcome,
  type IsoDate,
} from "@waymark/core";
import { displayDate } from "../../components/formatting.js";
import type { TagTone } from "../../components/Tag.js";
import type { AssessmentNode, EpisodeLists, EpisodeRecord, PlanNode, ReviewNode, RiskAnswers } from "./episodeRecordQuery.js";
import { factorsPresent, riskInBrief } from "./riskWords.js";

/** The kinds of record on a timeline, in the order of the journey (which also orders records of one day). */
export const TIMELINE_KINDS = [
  { kind: "referral", label: "Referral" },
  { kind: "assessment", label: "Triage and assessments" },
  { kind: "plan", label: "Recovery plans" },
  { kind: "review", label: "Reviews" },
  { kind: "intervention", label: "Interventions" },
  { kind: "outcome", label: "TOPs" },
  { kind: "contact", label: "Contacts" },
  { kind: "harmReduction", label: "Harm reduction" },
  { kind: "discharge", label: "Discharge" },
] as const;

export type TimelineKind = (typeof TIMELINE_KINDS)[number]["kind"];

export interface TimelineEntry {
  readonly key: string;
  readonly date: IsoDate;
  readonly kind: TimelineKind;
  readonly title: string;
  readonly tags: readonly { readonly text: string; readonly tone: TagTone }[];
  readonly lines: readonly { readonly label: string; readonly value: string }[];
}

const KIND_ORDER = new Map<TimelineKind, number>(TIMELINE_KINDS.map((entry, index) => [entry.kind, index]));

type Line = { label: string; value: string | null | undefined | false };
const lines = (...candidates: Line[]) => candidates.filter((line): line is { label: string; value: string } => typeof line.value === "string" && line.value !== "");

const nodes = <K extends keyof EpisodeLists>(episode: Pick<EpisodeLists, K>, name: K) => episode[name].edges.map((edge) => edge.node) as EpisodeLists[K]["edges"][number]["node"][];

const OUTCOME_TONE: Record<ContactOutcome, TagTone> = {
  ATTENDED: "green",
  DID_NOT_ATTEND: "red",
  CANCELLED_BY_SERVICE_USER: "grey",
  CANCELLED_BY_SERVICE: "grey",
  REARRANGED: "grey",
};

function riskLines(risk: RiskAnswers | null): Line[] {
  if (!risk) return [];
  const factors = factorsPresent(risk);
  return [
    { label: "Risk", value: riskInBrief(risk) },
    { label: "Suicide-risk factors", value: factors.length > 0 ? factors.join("; ") : "None" },
    { label: "Notes on risk", value: risk.notes },
  ];
}

const needLine = (need: AssessmentNode["needs"][number]) => `${NEED_DOMAINS.labelOf(need.domain)}: ${NEED_LEVELS.labelOf(need.level).toLowerCase()}`;

function goalLine(goal: PlanNode["goals"][number]): string {
  const target = goal.targetDate ? `, target ${displayDate(goal.targetDate)}` : "";
  return `${NEED_DOMAINS.labelOf(goal.domain)}: ${goal.description} (${GOAL_STATUSES.labelOf(goal.status).toLowerCase()}${target})`;
}

function progressLine(progress: ReviewNode["goalProgress"][number]): string {
  return `${progress.goal?.description ?? "A goal"}: ${GOAL_STATUSES.labelOf(progress.status).toLowerCase()}${progress.note ? ` (${progress.note})` : ""}`;
}

const pounds = (pence: number) => (pence / 100).toLocaleString("en-GB", { style: "currency", currency: "GBP" });

/**
 * Everything recorded in an episode as one list of dated entries: the referral, assessments, plans,
 * reviews, interventions (start and end), TOPs, contacts, harm reduction and the discharge. Sorted by date,
 * and within a day in the order of the journey; `newestFirst` reverses it.
 */
export function timelineEntries(episode: Omit<EpisodeRecord, keyof EpisodeLists>, lists: EpisodeLists, newestFirst = false): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const referral = episode.referral;
  entries.push({
    key: `referral-${episode.id}`,
    date: referral.receivedDate,
    kind: "referral",
    title: "Referral received",
    tags: referral.urgency === "URGENT" ? [{ text: "Urgent", tone: "red" }] : [],
    lines: lines(
      { label: "Source", value: REFERRAL_SOURCES.labelOf(referral.source) },
      { label: "Referrer", value: referral.referrer },
      { label: "Reason", value: referral.reason },
      { label: "Team", value: episode.team.name },
    ),
  });
  for (const assessment of nodes(lists, "assessments")) {
    const needs = assessment.needs.filter((need) => need.level !== "NONE");
    entries.push({
      key: assessment.id,
      date: assessment.date,
      kind: "assessment",
      title: ASSESSMENT_KINDS.labelOf(assessment.kind),
      tags: assessment.risk && factorsPresent(assessment.risk).length > 0 ? [{ text: "Suicide-risk factor", tone: "red" }] : [],
      lines: lines(
        { label: "Assessor", value: assessment.assessor?.name },
        { label: "Needs", value: assessment.needs.length === 0 ? "" : needs.length === 0 ? "No needs found" : needs.map(needLine).join("; ") },
        ...riskLines(assessment.risk),
        { label: "Recovery capital (BARC-10)", value: assessment.recoveryCapital && `${assessment.recoveryCapital.total} out of 60` },
      ),
    });
  }
  for (const plan of nodes(lists, "recoveryPlans")) {
    entries.push({
      key: plan.id,
      date: plan.startDate,
      kind: "plan",
      title: `${PLAN_KINDS.labelOf(plan.kind)} started`,
      tags: plan.kind === "FULL" && !plan.signedOffDate ? [{ text: "Not signed off", tone: "orange" }] : [],
      lines: lines(
        // Only a full plan needs a sign-off (R-PLAN-1); an interim plan shows one only if it has it.
        { label: "Signed off", value: plan.signedOffDate ? `${displayDate(plan.signedOffDate)}${plan.signedOffBy ? ` by ${plan.signedOffBy.name}` : ""}` : plan.kind === "FULL" && "Not yet" },
        { label: "Agreed with the person", value: plan.agreedWithServiceUser ? "Yes" : "No" },
        { label: "Goals", value: plan.goals.length === 0 ? "None" : plan.goals.map(goalLine).join("; ") },
        // Once the episode has ended no review falls due, whatever the plan's schedule says.
        {
          label: "Reviews",
          value: plan.signedOffDate ? `Every ${plan.reviewIntervalWeeks} weeks${plan.nextReviewDue && !episode.dischargeDate ? `; next due ${displayDate(plan.nextReviewDue)}` : ""}` : "",
        },
        { label: "Personal budget", value: plan.personalBudget && `${pounds(plan.personalBudget.spentPence)} planned of ${pounds(plan.personalBudget.allocatedPence)} allocated` },
      ),
    });
  }
  for (const review of nodes(lists, "reviews")) {
    entries.push({
      key: review.id,
      date: review.completedDate,
      kind: "review",
      title: "Plan review completed",
      tags: [review.onTime ? { text: "On time", tone: "green" } : { text: "Late", tone: "orange" }],
      lines: lines(
        { label: "Was due", value: displayDate(review.dueDate) },
        { label: "Completed by", value: review.completedBy?.name },
        { label: "Goal progress", value: review.goalProgress.map(progressLine).join("; ") },
        ...riskLines(review.risk),
      ),
    });
  }
  for (const intervention of nodes(lists, "interventions")) {
    const item = intervention.catalogueItem;
    const subTypes = intervention.subTypes.map((code) => item.subTypes.find((subType) => subType.code === code)?.label ?? code);
    entries.push({
      key: intervention.id,
      date: intervention.startDate,
      kind: "intervention",
      title: `${item.label} started`,
      tags: [{ text: MODALITIES.labelOf(item.modality), tone: item.modality === "RECOVERY_SUPPORT" ? "purple" : "blue" }],
      lines: lines(
        { label: "Setting", value: INTERVENTION_SETTINGS.labelOf(intervention.setting) },
        { label: "Delivered by", value: intervention.deliveredBy?.name ?? "Another agency" },
        { label: "Sub-types", value: subTypes.join("; ") },
        { label: "Planned end", value: intervention.plannedEndDate && displayDate(intervention.plannedEndDate) },
        { label: "Planned sessions", value: intervention.plannedSessions !== null && String(intervention.plannedSessions) },
        { label: "Ended", value: intervention.endDate ? displayDate(intervention.endDate) : "Still running" },
        { label: "Notes", value: intervention.notes },
      ),
    });
    if (intervention.endDate) {
      entries.push({ key: `${intervention.id}-end`, date: intervention.endDate, kind: "intervention", title: `${item.label} ended`, tags: [], lines: [] });
    }
  }
  for (const outcome of nodes(lists, "outcomes")) {
    const score = (value: number | null) => (value === null ? "not disclosed" : `${value} out of 20`);
    entries.push({
      key: outcome.id,
      date: outcome.date,
      kind: "outcome",
      title: `Treatment Outcomes Profile: ${TOP_STAGES.labelOf(outcome.stage).toLowerCase()}`,
      tags: [],
      lines: lines(
        { label: "Psychological health", value: score(outcome.health.psychologicalHealth) },
        { label: "Physical health", value: score(outcome.health.physicalHealth) },
        { label: "Quality of life", value: score(outcome.health.qualityOfLife) },
      ),
    });
  }
  for (const contact of nodes(lists, "contacts")) {
    entries.push({
      key: contact.id,
      date: contact.date,
      kind: "contact",
      title: `${CONTACT_KINDS.labelOf(contact.kind)}${contact.time ? ` at ${contact.time}` : ""}`,
      tags: [{ text: CONTACT_OUTCOMES.labelOf(contact.outcome), tone: OUTCOME_TONE[contact.outcome] }],
      lines: lines({ label: "Staff", value: contact.staff?.name }, { label: "Notes", value: contact.notes }),
    });
  }
  for (const record of nodes(lists, "harmReduction")) {
    const bbv = (status: typeof record.hivTest) => status && BBV_STATUSES.labelOf(status);
    entries.push({
      key: record.id,
      date: record.date,
      kind: "harmReduction",
      title: "Harm reduction",
      tags: [],
      lines: lines(
        { label: "Naloxone issued to", value: record.naloxoneIssuedTo && NALOXONE_RECIPIENTS.labelOf(record.naloxoneIssuedTo) },
        { label: "Naloxone training", value: record.naloxoneTrainingGiven && "Given" },
        { label: "Hepatitis B vaccination", value: bbv(record.hepatitisBVaccination) },
        { label: "Hepatitis C test", value: bbv(record.hepatitisCTest) },
        { label: "HIV test", value: bbv(record.hivTest) },
      ),
    });
  }
  if (episode.dischargeDate) {
    const reason = episode.dischargeReason;
    const category = reason ? exitCategoryOf(reason) : null;
    entries.push({
      key: `discharge-${episode.id}`,
      date: episode.dischargeDate,
      kind: "discharge",
      title: "Discharged",
      tags: category ? [{ text: category === "PLANNED" ? "Planned completion" : category === "TRANSFERRED" ? "Transfer" : "Unplanned exit", tone: category === "PLANNED" ? "green" : "grey" }] : [],
      lines: lines({ label: "Reason", value: reason && DISCHARGE_REASONS.labelOf(reason) }),
    });
  }
  entries.sort((a, b) => (a.date === b.date ? (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) : a.date < b.date ? -1 : 1));
  return newestFirst ? entries.reverse() : entries;
}
