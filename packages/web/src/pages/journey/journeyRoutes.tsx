import type { RouteObject } from "react-router";
import { AssessmentPage } from "./assessment/AssessmentPage.js";
import { PlanPage } from "./plan/PlanPage.js";
import { ReferralPage } from "./referral/ReferralPage.js";
import { ReviewPage } from "./review/ReviewPage.js";
import { TriagePage } from "./triage/TriagePage.js";

/**
 * The forms of the journey (DOMAIN §2), each at the record it adds to: a referral opens an episode for a
 * person; triage, assessment, plan and review add to an episode. Only opaque global IDs are in the paths.
 */
export const JOURNEY_ROUTES: RouteObject[] = [
  { path: "people/:serviceUserId/referral", element: <ReferralPage /> },
  { path: "episodes/:episodeId/triage", element: <TriagePage /> },
  { path: "episodes/:episodeId/assessment", element: <AssessmentPage /> },
  { path: "episodes/:episodeId/plan", element: <PlanPage /> },
  { path: "episodes/:episodeId/review", element: <ReviewPage /> },
];
