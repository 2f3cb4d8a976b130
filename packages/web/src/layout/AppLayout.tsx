import { NavLink, Outlet, useNavigate } from "react-router";
import { gql, useMutation } from "urql";
import { hasRole, isClinician, useSession } from "../session/SessionContext.js";

const LOGOUT = gql`
  mutation Logout {
    logout {
      signedOut
    }
  }
`;

interface NavItem {
  readonly to: string;
  readonly label: string;
}

/** The frame of every signed-in page: skip link, header with the sections this person's roles allow, sign out. */
export function AppLayout() {
  const { staff, refresh } = useSession();
  const navigate = useNavigate();
  const [, logout] = useMutation(LOGOUT);
  const clinical: NavItem[] = isClinician(staff)
    ? [
        { to: "/caseload", label: "Caseload" },
        { to: "/people", label: "People" },
        { to: "/reviews", label: "Review schedule" },
        { to: "/exceptions", label: "Exceptions" },
      ]
    : [];
  // The indicators are for analysts (the whole provider) and team leads (their own teams).
  const indicators: NavItem[] = hasRole(staff, "ANALYST") || hasRole(staff, "TEAM_LEAD") ? [{ to: "/indicators", label: "Indicators" }] : [];
  const admin: NavItem[] = hasRole(staff, "ADMIN")
    ? [
        { to: "/admin/catalogue", label: "Intervention catalogue" },
        { to: "/admin/teams", label: "Teams and staff" },
        { to: "/admin/audit", label: "Audit log" },
      ]
    : [];
  const signOut = async () => {
    await logout({});
    await refresh();
    navigate("/sign-in");
  };
  return (
    <>
      <a href="#main-content" className="skip-link">
        Skip to main content
      </a>
      <header className="header">
        <div className="header__container">
          <NavLink to="/" className="header__name">
            Waymark
          </NavLink>
          {staff && (
            <div className="header__account">
              <span>{staff.name}</span>
              <button type="button" className="header__sign-out" onClick={() => void signOut()}>
                Sign out
              </button>
            </div>
          )}
        </div>
        {staff && (
          <nav className="header__nav" aria-label="Main">
            <ul>
              {[...clinical, ...indicators, ...admin].map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className={({ isActive }) => (isActive ? "header__link header__link--active" : "header__link")}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main-content" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
