import { allowedActions, isOpen, type EpisodeStatus } from "@waymark/core";

/** True while an episode is on the journey: referred, triaged, assessed or in treatment. */
export function isOpenStatus(status: EpisodeStatus): boolean {
  return isOpen({ status });
}

/** What the record knows about an episode to decide which forms can be used on it. */
export interface EpisodeActionFacts {
  readonly id: string;
  readonly status: EpisodeStatus;
  /** Structured treatment has begun (a first pharmacological or psychosocial intervention). */
  readonly treatmentStarted: boolean;
  /** A recovery plan is signed off, so its reviews can be recorded (R-REV-3). */
  readonly hasSignedOffPlan: boolean;
  /** Allocating a keyworker is a team lead's job. */
  readonly viewerIsTeamLead: boolean;
}

export interface EpisodeAction {
  readonly to: string;
  readonly label: string;
  /** Says what the form is for, for those who need the detail. */
  readonly hint: string;
}

/**
 * The journey forms the episode's state allows, in the order of the journey. The journey itself (core's
 * allowedActions) decides triage, plans and discharge; the other rules decide the rest: reviews need a
 * signed-off plan of an open episode (R-REV-3), a TOP needs treatment to have begun (R-TOP-2), contacts and
 * harm reduction belong to an open episode, and interventions also follow a planned completion
 * (aftercare and relapse prevention, R-ROSC-4/5).
 */
export function episodeActions(episode: EpisodeActionFacts): EpisodeAction[] {
  const journey = allowedActions(episode.status);
  const open = isOpenStatus(episode.status);
  const triaged = open && episode.status !== "REFERRED";
  const base = `/episodes/${episode.id}`;
  const actions: (EpisodeAction | false)[] = [
    journey.includes("TRIAGE") && { to: `${base}/triage`, label: "Record triage", hint: "The initial assessment, risk assessment and interim plan." },
    triaged && { to: `${base}/assessment`, label: "Record an assessment", hint: "A comprehensive assessment or a reassessment, with the risk assessment." },
    journey.includes("SIGN_OFF_FULL_PLAN") && { to: `${base}/plan`, label: "Agree a recovery plan", hint: "Goals, personal budget and sign-off." },
    triaged && episode.hasSignedOffPlan && { to: `${base}/review`, label: "Record a plan review", hint: "Progress on goals and a fresh risk assessment." },
    (open || episode.status === "COMPLETED") && {
      to: `${base}/intervention`,
      label: "Record an intervention",
      hint: episode.status === "COMPLETED" ? "Aftercare or relapse-prevention support after the planned completion." : "Treatment and recovery support.",
    },
    episode.treatmentStarted && { to: `${base}/outcome`, label: "Record a TOP", hint: "A Treatment Outcomes Profile." },
    open && { to: `${base}/contact`, label: "Record a contact or missed appointment", hint: "Appointments, calls, letters, texts and home visits." },
    open && { to: `${base}/harm-reduction`, label: "Record harm reduction", hint: "Naloxone, and blood-borne-virus vaccination and tests." },
    open && episode.viewerIsTeamLead && { to: `${base}/keyworker`, label: "Change keyworker", hint: "Allocate the episode to a member of the team." },
    journey.includes("DISCHARGE") && { to: `${base}/discharge`, label: "Discharge", hint: "Close the episode with a reason." },
  ];
  return actions.filter((action): action is EpisodeAction => action !== false);
}
