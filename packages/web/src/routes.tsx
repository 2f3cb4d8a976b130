import type { RouteObject } from "react-router";
import { AppLayout } from "./layout/AppLayout.js";
import { HomePage } from "./pages/HomePage.js";
import { NotFoundPage } from "./pages/NotFoundPage.js";
import { SessionExpiredPage } from "./pages/SessionExpiredPage.js";
import { SignInPage } from "./pages/SignInPage.js";
import { RequireSignIn } from "./session/RequireSignIn.js";
import { CaseloadPage } from "./pages/caseload/CaseloadPage.js";
import { PeopleSearchPage } from "./pages/people/PeopleSearchPage.js";
import { RegisterPersonPage } from "./pages/people/RegisterPersonPage.js";
import { EditPersonPage } from "./pages/person/EditPersonPage.js";
import { PersonRecordPage } from "./pages/person/PersonRecordPage.js";
import { ADMIN_ROUTES } from "./pages/admin/adminRoutes.js";
import { ExceptionsPage } from "./pages/exceptions/ExceptionsPage.js";
import { IndicatorsPage } from "./pages/indicators/IndicatorsPage.js";
import { ReviewSchedulePage } from "./pages/reviews/ReviewSchedulePage.js";
import { JOURNEY_ROUTES } from "./pages/journey/journeyRoutes.js";
import { RECORD_FORM_ROUTES } from "./pages/recordFormRoutes.js";

/**
 * Every screen. Addresses carry only opaque record IDs, never a name, NHS number or other personal data,
 * since URLs end up in browser history, proxies and logs.
 */
export const SIGNED_IN_ROUTES: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: "caseload", element: <CaseloadPage /> },
  { path: "people", element: <PeopleSearchPage /> },
  { path: "people/new", element: <RegisterPersonPage /> },
  { path: "people/:id", element: <PersonRecordPage /> },
  { path: "people/:id/edit", element: <EditPersonPage /> },
  { path: "reviews", element: <ReviewSchedulePage /> },
  { path: "exceptions", element: <ExceptionsPage /> },
  { path: "indicators", element: <IndicatorsPage /> },
  ADMIN_ROUTES,
  ...JOURNEY_ROUTES,
  ...RECORD_FORM_ROUTES,
];

export const ROUTES: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { path: "sign-in", element: <SignInPage /> },
      { path: "signed-out", element: <SessionExpiredPage /> },
      { element: <RequireSignIn />, children: SIGNED_IN_ROUTES },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
