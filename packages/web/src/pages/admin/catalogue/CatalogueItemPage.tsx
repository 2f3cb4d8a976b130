import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { SuccessBanner } from "../../../components/Banner.js";
import { Tag } from "../../../components/Tag.js";
import { catalogueFrom, draftOf, updateInputOf } from "./catalogueDraft.js";
import { CatalogueItemForm } from "./CatalogueItemForm.js";
import type { CatalogueBanner } from "./CatalogueListPage.js";
import { CATALOGUE_ITEM, UPDATE_CATALOGUE_ITEM, type CatalogueItemRecord } from "./catalogueQueries.js";
import { RetireOrDelete } from "./RetireOrDelete.js";
import { useCatalogue } from "./useCatalogue.js";
import "../../../components/lists.css";
import "./catalogue.css";

const isCatalogueItem = (node: unknown): node is CatalogueItemRecord => typeof node === "object" && node !== null && (node as { __typename?: string }).__typename === "CatalogueItem";

/** One catalogue item: change it, retire it or offer it again, or delete it while nothing uses it. */
export function CatalogueItemPage() {
  const { itemId = "" } = useParams();
  const [result, reload] = useQuery({ query: CATALOGUE_ITEM, variables: { id: itemId } });
  const { items } = useCatalogue();
  const [, update] = useMutation(UPDATE_CATALOGUE_ITEM);
  const [banner, setBanner] = useState<string | null>(null);
  const navigate = useNavigate();
  const node = result.data?.node;

  if (!node) {
    if (result.fetching) return <p aria-live="polite">Loading…</p>;
    return (
      <div className="narrow">
        <h1>Catalogue item not found</h1>
        <p>
          It may have been deleted. <Link to="/admin/catalogue">Go back to the catalogue</Link>.
        </p>
      </div>
    );
  }
  if (!isCatalogueItem(node)) return <h1>Catalogue item not found</h1>;
  const item = node;

  return (
    <div className="narrow-wide">
      <Link to="/admin/catalogue" className="back-link">
        Back to the catalogue
      </Link>
      {banner && <SuccessBanner title={banner} />}
      <h1>
        {item.label} {item.retired ? <Tag tone="grey">Retired</Tag> : null} {item.inUse ? <Tag tone="green">In use</Tag> : <Tag tone="grey">Not used yet</Tag>}
      </h1>
      {items ? (
        <CatalogueItemForm
          key={item.version}
          initial={draftOf(item)}
          before={item}
          catalogue={catalogueFrom(items)}
          submitLabel="Save changes"
          onSave={async (draft) => {
            setBanner(null);
            const payload = (await update({ input: updateInputOf(draft, item) })).data?.updateCatalogueItem;
            if (!payload?.catalogueItem) return payload?.userErrors ?? [];
            setBanner("Changes saved");
            return null;
          }}
        />
      ) : (
        <p aria-live="polite">Loading…</p>
      )}
      <RetireOrDelete
        item={item}
        onChanged={(changed, words) => {
          setBanner(words);
          if (changed.version !== item.version) reload({ requestPolicy: "network-only" });
        }}
        onRefused={() => {
          setBanner(null);
          reload({ requestPolicy: "network-only" });
        }}
        onDeleted={() => {
          const state: CatalogueBanner = { banner: `${item.label} deleted from the catalogue` };
          navigate("/admin/catalogue", { state });
        }}
      />
    </div>
  );
}
