import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { Provider as GraphQLProvider } from "urql";
import { createGraphQLClient } from "./graphql/client.js";
import { ROUTES } from "./routes.js";
import { SessionProvider } from "./session/SessionProvider.js";
import "./styles.css";

const router = createBrowserRouter(ROUTES);
let redirecting = false;
const client = createGraphQLClient(() => {
  // The first request to find the session over sends the user to the signed-out page once, not per query.
  if (redirecting || window.location.pathname === "/sign-in" || window.location.pathname === "/signed-out") return;
  redirecting = true;
  void router.navigate("/signed-out").then(() => (redirecting = false));
});

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element");

createRoot(root).render(
  <StrictMode>
    <GraphQLProvider value={client}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </GraphQLProvider>
  </StrictMode>,
);
