import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { CatalogueReference } from "./CatalogueReference.js";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element");

createRoot(root).render(
  <StrictMode>
    <header className="masthead">
      <span className="masthead__name">Waymark</span>
    </header>
    <main id="main-content" className="page">
      <CatalogueReference />
    </main>
  </StrictMode>,
);
