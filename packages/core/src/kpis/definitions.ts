import type { KpiId } from "../rules/ruleIds.js";

/** A target an indicator is held to: a share (0..1) or a number of days. */
export interface KpiTarget {
  readonly value: number;
  readonly unit: "FRACTION" | "DAYS";
  /** How the target reads in the product. */
  readonly text: string;
}

/** The written definition of an indicator, shown in the product beside the figure. */
export interface KpiDefinition {
  readonly id: KpiId;
  readonly title: string;
  /** What the indicator measures, in plain English for a commissioner. */
  readonly definition: string;
  /** What is counted on top of the fraction, or the count itself for an indicator that is not a fraction. */
  readonly numerator: string;
  /** What the count is divided by, or null for an indicator that is a count. */
  readonly denominator: string | null;
  readonly target: KpiTarget | null;
}

/**
 * Each indicator's definition as the product shows it. The wording follows what the reference implementations
 * in this folder count, so the tooltip and the figure cannot drift apart.
 */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: "K-1",
    title: "Numbers in treatment",
    definition:
      "How many episodes of care were in structured treatment at some point in the period, split by substance " +
      "group (cohort), age band, sex and ethnicity. Treatment counts from the day the first medical or talking " +
      "treatment started until the day of discharge.",
    numerator: "Episodes whose first structured intervention started by the last day of the period and that were not discharged before its first day.",
    denominator: null,
    target: null,
  },
  {
    id: "K-2",
    title: "Waiting time",
    definition:
      "Of the people whose first structured intervention started in the period, the share who waited no longer " +
      "than their team's target from the day the referral arrived, and the median wait in days.",
    numerator: "First interventions that started within the team's waiting-time target of the referral date (a wait equal to the target meets it).",
    denominator: "First interventions that started in the period.",
    target: { value: 21, unit: "DAYS", text: "Each team's waiting-time target: 21 days unless the team has set another." },
  },
  {
    id: "K-3",
    title: "Reviews on time",
    definition:
      "Of the recovery-plan reviews that fell due in the period, the share completed on or before their due date. " +
      "Reviews still due today are not judged yet; reviews missed or overdue count against the figure.",
    numerator: "Reviews due in the period that were completed on or before their due date.",
    denominator: "Reviews due in the period that have been completed, were missed, or are overdue.",
    target: { value: 0.8, unit: "FRACTION", text: "80% of reviews on time." },
  },
  {
    id: "K-4",
    title: "TOP compliance",
    definition:
      "Of the Treatment Outcomes Profiles due in the period (at the start of treatment, at each review point and " +
      "at exit), the share that were recorded. A TOP still inside its recording window is not judged until the " +
      "window closes.",
    numerator: "TOPs due in the period that were recorded.",
    denominator: "TOPs due in the period that were recorded or are now missing.",
    target: null,
  },
  {
    id: "K-5",
    title: "Successful completions",
    definition:
      "Episodes that ended with a successful completion in the period and where the person did not come back " +
      "to treatment within six months, as a share of all episodes in treatment in the period, shown for each " +
      "substance group. Someone whose six months are not over yet counts as not having come back.",
    numerator: "Successful completions in the period with no new referral of the same person within 182 days (as known on the report date).",
    denominator: "Episodes in treatment at any time in the period.",
    target: null,
  },
  {
    id: "K-6",
    title: "Re-presentations",
    definition:
      "Of the successful completions in the period, the share where the same person was referred again within six " +
      "months of leaving. Recent completions can still re-present, so the figure may rise when run again later.",
    numerator: "Successful completions in the period followed by a new referral of the same person within 182 days.",
    denominator: "Successful completions in the period.",
    target: null,
  },
  {
    id: "K-7",
    title: "Exits",
    definition:
      "Everyone discharged in the period, by the reason recorded and grouped into planned exits (treatment " +
      "completed), transfers and unplanned exits, with the share that were planned.",
    numerator: "Discharges in the period with a planned (treatment completed) reason.",
    denominator: "All discharges in the period.",
    target: null,
  },
  {
    id: "K-8",
    title: "Long-term opioid substitution",
    definition:
      "People in treatment on the report date who have been on opioid substitution medication without a break " +
      "for two years or more, and for six years or more. Long spells on substitution lower the chance of recovery, " +
      "so these people are due a review of their treatment.",
    numerator: "People on opioid substitution continuously for at least two years (and, separately, six years) on the report date.",
    denominator: "People in treatment and on opioid substitution on the report date.",
    target: null,
  },
  {
    id: "K-9",
    title: "Shared care",
    definition:
      "Of the medical (pharmacological) interventions under way in the period, the share delivered in primary " +
      "care through GP shared care.",
    numerator: "Pharmacological interventions under way in the period delivered in primary care.",
    denominator: "Pharmacological interventions under way at any time in the period.",
    target: { value: 0.5, unit: "FRACTION", text: "50% delivered in primary care." },
  },
  {
    id: "K-10",
    title: "Did not attend",
    definition:
      "Of the appointments, home visits and group sessions booked for the period that went ahead as planned, the " +
      "share the person did not attend. Appointments cancelled or rearranged are left out.",
    numerator: "Appointments in the period the person did not attend.",
    denominator: "Appointments in the period that were attended or not attended.",
    target: null,
  },
  {
    id: "K-11",
    title: "Caseload size",
    definition:
      "How many open episodes each keyworker holds on the report date, the average across keyworkers who hold " +
      "cases, and how many open episodes have no keyworker.",
    numerator: "Open episodes with a keyworker on the report date.",
    denominator: "Keyworkers holding at least one open episode.",
    target: null,
  },
  {
    id: "K-12",
    title: "Outcomes",
    definition:
      "For people with a start TOP and a later review or exit TOP in the period: the share of those using their " +
      "main substance at the start who reported not using it at all in the 28 days before the later TOP, and the " +
      "average change in their psychological health, physical health and quality of life scores.",
    numerator: "People who used their main substance at the start and reported no use at their latest review or exit TOP.",
    denominator: "People who used their main substance at the start and answered the question at their latest review or exit TOP.",
    target: null,
  },
  {
    id: "K-13",
    title: "Recovery support coverage",
    definition:
      "Of the episodes in treatment in the period, the share that had at least one recovery-support (ROSC) " +
      "intervention in the period, overall and for each kind of recovery support.",
    numerator: "Episodes in treatment with at least one recovery-support intervention under way in the period.",
    denominator: "Episodes in treatment at any time in the period.",
    target: null,
  },
  {
    id: "K-14",
    title: "Harm reduction",
    definition:
      "Of the episodes in treatment in the period, the share where, by the end of the period, naloxone had been " +
      "issued, and hepatitis B vaccination and hepatitis C testing had been offered and accepted.",
    numerator: "Episodes in treatment with a record of naloxone issued, or the vaccination or test offered or accepted, by the end of the period.",
    denominator: "Episodes in treatment at any time in the period.",
    target: null,
  },
];

/** The definition of one indicator. */
export function kpiDefinitionOf(id: KpiId): KpiDefinition {
  const definition = KPI_DEFINITIONS.find((candidate) => candidate.id === id);
  if (!definition) throw new Error(`No definition for ${id}`);
  return definition;
}
