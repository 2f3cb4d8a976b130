import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { StrictMode, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { DEFAULT_QUERY } from "./defaultQuery.js";
import { keepEditorsLabelled } from "./editorLabels.js";
import { QueryCostSummary } from "./QueryCost.js";
import { waymarkFetcher, type QueryCost } from "./waymarkFetcher.js";
import "./graphiql.css";

/** GraphiQL, bundled and served by Waymark itself, talking to this server's /graphql as the signed-in user. */
function WaymarkGraphiQL() {
  const [cost, setCost] = useState<QueryCost | null>(null);
  const fetcher = useMemo(() => waymarkFetcher(setCost), []);
  return (
    // Headers may hold an API token: they stay in the editor for this page only, never in the browser's storage.
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} shouldPersistHeaders={false}>
      <GraphiQL.Logo>
        <a href="/" className="waymark-graphiql__home">
          Waymark
        </a>{" "}
        GraphiQL
      </GraphiQL.Logo>
      <GraphiQL.Footer>
        <QueryCostSummary cost={cost} />
      </GraphiQL.Footer>
    </GraphiQL>
  );
}

const root = document.getElementById("graphiql");
if (!root) throw new Error("The page has no #graphiql element");
keepEditorsLabelled(root);

createRoot(root).render(
  <StrictMode>
    <WaymarkGraphiQL />
  </StrictMode>,
);
