import type { RouteObject } from "react-router";
import { RecordContactPage } from "./contacts/RecordContactPage.js";
import { RecordHarmReductionPage } from "./contacts/RecordHarmReductionPage.js";
import { DischargePage } from "./discharge/DischargePage.js";
import { MarkEnteredInErrorPage } from "./enteredInError/MarkEnteredInErrorPage.js";
import { EndInterventionPage } from "./interventions/EndInterventionPage.js";
import { RecordInterventionPage } from "./interventions/RecordInterventionPage.js";
import { ReassignKeyworkerPage } from "./keyworker/ReassignKeyworkerPage.js";
import { RecordOutcomePage } from "./outcomes/RecordOutcomePage.js";

/**
 * The forms that record what happens during an episode, linked from the person's record: interventions
 * (recovery support included) and ending them, TOPs, contacts, harm reduction, discharge, the keyworker, and
 * marking any record as entered in error. Addresses carry only opaque IDs.
 */
export const RECORD_FORM_ROUTES: RouteObject[] = [
  { path: "episodes/:episodeId/intervention", element: <RecordInterventionPage /> },
  { path: "episodes/:episodeId/interventions/:interventionId/end", element: <EndInterventionPage /> },
  { path: "episodes/:episodeId/outcome", element: <RecordOutcomePage /> },
  { path: "episodes/:episodeId/contact", element: <RecordContactPage /> },
  { path: "episodes/:episodeId/harm-reduction", element: <RecordHarmReductionPage /> },
  { path: "episodes/:episodeId/discharge", element: <DischargePage /> },
  { path: "episodes/:episodeId/keyworker", element: <ReassignKeyworkerPage /> },
  { path: "records/:recordId/entered-in-error", element: <MarkEnteredInErrorPage /> },
];
