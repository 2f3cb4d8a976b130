import type { RouteObject } from "react-router";
import { AuditLogPage } from "./audit/AuditLogPage.js";
import { CatalogueItemPage } from "./catalogue/CatalogueItemPage.js";
import { CatalogueListPage } from "./catalogue/CatalogueListPage.js";
import { NewCatalogueItemPage } from "./catalogue/NewCatalogueItemPage.js";
import { RequireAdmin } from "./RequireAdmin.js";
import { NewStaffMemberPage } from "./teams/NewStaffMemberPage.js";
import { StaffMemberPage } from "./teams/StaffMemberPage.js";
import { EditTeamPage, NewTeamPage } from "./teams/TeamPage.js";
import { TeamsAndStaffPage } from "./teams/TeamsAndStaffPage.js";

/**
 * The configuration screens under /admin, for admins only. Staff accounts sit under /admin/teams so the
 * "Teams and staff" section stays marked in the navigation. Addresses carry only opaque record IDs.
 */
export const ADMIN_ROUTES: RouteObject = {
  path: "admin",
  element: <RequireAdmin />,
  children: [
    { path: "catalogue", element: <CatalogueListPage /> },
    { path: "catalogue/new", element: <NewCatalogueItemPage /> },
    { path: "catalogue/:itemId", element: <CatalogueItemPage /> },
    { path: "teams", element: <TeamsAndStaffPage /> },
    { path: "teams/new", element: <NewTeamPage /> },
    { path: "teams/staff/new", element: <NewStaffMemberPage /> },
    { path: "teams/staff/:staffId", element: <StaffMemberPage /> },
    { path: "teams/:teamId", element: <EditTeamPage /> },
    { path: "audit", element: <AuditLogPage /> },
  ],
};
