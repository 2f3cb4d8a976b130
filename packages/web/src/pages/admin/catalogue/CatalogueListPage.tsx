import { MODALITIES, PHASES } from "@waymark/core";
import { Link, useLocation } from "react-router";
import { SuccessBanner } from "../../../components/Banner.js";
import { Tag } from "../../../components/Tag.js";
import { SWITCH_NAMES } from "./catalogueDraft.js";
import type { CatalogueItemRecord } from "./catalogueQueries.js";
import { SWITCH_WORDS } from "./RuleSwitches.js";
import { useCatalogue } from "./useCatalogue.js";
import "../../../components/lists.css";
import "./catalogue.css";

/** A banner carried over from the screen that made the change, in navigation state (never in the address). */
export interface CatalogueBanner {
  readonly banner?: string;
}

function CatalogueTable({ caption, items }: { caption: string; items: readonly CatalogueItemRecord[] }) {
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Modality</th>
          <th scope="col">When it may be recorded</th>
          <th scope="col">Rules</th>
          <th scope="col">Sub-types</th>
          <th scope="col">Use</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const rules = SWITCH_NAMES.filter((name) => item[name]);
          return (
            <tr key={item.id}>
              <td>
                <Link to={`/admin/catalogue/${item.id}`}>{item.label}</Link>
                <div className="secondary">
                  <code>{item.code}</code>
                </div>
              </td>
              <td>{MODALITIES.labelOf(item.modality)}</td>
              <td>{PHASES.labelOf(item.phase)}</td>
              <td>{rules.length === 0 ? <span className="secondary">None</span> : rules.map((name) => <Tag key={name} tone="grey">{SWITCH_WORDS[name].short}</Tag>)}</td>
              <td className="table__numeric">{item.subTypes.length}</td>
              <td className="nowrap">{item.inUse ? <Tag tone="green">In use</Tag> : <Tag tone="grey">Not used yet</Tag>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The intervention catalogue (R-CAT-1) for admins: the items offered to keyworkers, then the retired ones that
 * old records still use. Each item opens its edit screen.
 */
export function CatalogueListPage() {
  const { items, failed } = useCatalogue();
  const banner = (useLocation().state as CatalogueBanner | null)?.banner;
  const current = items?.filter((item) => !item.retired) ?? [];
  const retired = items?.filter((item) => item.retired) ?? [];
  return (
    <>
      {banner && <SuccessBanner title={banner} />}
      <h1>Intervention catalogue</h1>
      <p className="lead">The interventions keyworkers can record, with the rules Waymark checks for each. An item in use is never deleted: retire it and it stops being offered, while old records keep its meaning.</p>
      <Link to="/admin/catalogue/new" className="button button--primary">
        Add an item
      </Link>
      {!items ? (
        failed ? <p className="error-message">The catalogue could not be loaded. Refresh the page to try again.</p> : <p aria-live="polite">Loading the catalogue…</p>
      ) : (
        <>
          <h2>
            Offered for new records <span className="secondary">({current.length})</span>
          </h2>
          <CatalogueTable caption="Offered for new records" items={current} />
          <h2>
            Retired items <span className="secondary">({retired.length})</span>
          </h2>
          {retired.length === 0 ? <p>No items are retired.</p> : <CatalogueTable caption="Retired items" items={retired} />}
        </>
      )}
    </>
  );
}
