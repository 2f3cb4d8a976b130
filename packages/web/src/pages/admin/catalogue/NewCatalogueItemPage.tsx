import { Link, useNavigate } from "react-router";
import { useMutation } from "urql";
import { catalogueFrom, createInputOf, EMPTY_DRAFT } from "./catalogueDraft.js";
import { CatalogueItemForm } from "./CatalogueItemForm.js";
import type { CatalogueBanner } from "./CatalogueListPage.js";
import { CREATE_CATALOGUE_ITEM } from "./catalogueQueries.js";
import { useCatalogue } from "./useCatalogue.js";
import "./catalogue.css";

/** Adds an item to the catalogue; once saved, the admin returns to the list with a confirmation. */
export function NewCatalogueItemPage() {
  const { items, failed } = useCatalogue();
  const [, create] = useMutation(CREATE_CATALOGUE_ITEM);
  const navigate = useNavigate();
  return (
    <div className="narrow-wide">
      <Link to="/admin/catalogue" className="back-link">
        Back to the catalogue
      </Link>
      <h1>Add an item to the catalogue</h1>
      {!items ? (
        failed ? <p className="error-message">The catalogue could not be loaded. Refresh the page to try again.</p> : <p aria-live="polite">Loading…</p>
      ) : (
        <CatalogueItemForm
          initial={EMPTY_DRAFT}
          catalogue={catalogueFrom(items)}
          submitLabel="Add item"
          onSave={async (draft) => {
            const result = await create({ input: createInputOf(draft) });
            const payload = result.data?.createCatalogueItem;
            if (!payload?.catalogueItem) return payload?.userErrors ?? [];
            const state: CatalogueBanner = { banner: `${payload.catalogueItem.label} added to the catalogue` };
            navigate("/admin/catalogue", { state });
            return null;
          }}
        />
      )}
    </div>
  );
}
