import type { RouteObject } from "react-router";
import { AppLayout } from "./layout/AppLayout.js";
import { HomePage } from "./pages/HomePage.js";
import { NotFoundPage } from "./pages/NotFoundPage.js";
import { SessionExpiredPage } from "./pages/SessionExpiredPage.js";
import { SignInPage } from "./pages/SignInPage.js";
import { RequireSignIn } from "./session/RequireSignIn.js";

/**
 * Every screen. Addresses carry only opaque record IDs, never a name, NHS number or other personal data,
 * since URLs end up in browser history, proxies and logs.
 */
export const SIGNED_IN_ROUTES: RouteObject[] = [{ index: true, element: <HomePage /> }];

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
