import { checkCatalogueDelete, violationsOf } from "@waymark/core";
import { useState } from "react";
import { useMutation } from "urql";
import { Button } from "../../../components/Button.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { fieldErrorsOf, type FieldErrors } from "../../../graphql/userErrors.js";
import { draftOf, itemOf } from "./catalogueDraft.js";
import { DELETE_CATALOGUE_ITEM, RETIRE_CATALOGUE_ITEM, UPDATE_CATALOGUE_ITEM, type CatalogueItemRecord } from "./catalogueQueries.js";

const FORM_ID = "catalogue-item-status";

/**
 * Retiring, offering again and deleting an item. Retiring is always allowed; deleting only while no
 * intervention uses the item (R-CAT-1), so an item in use is offered retirement instead. The server has the
 * last word: an item that came into use since the page loaded is refused with CATALOGUE_ITEM_IN_USE.
 */
export function RetireOrDelete({ item, onChanged, onDeleted, onRefused }: { item: CatalogueItemRecord; onChanged: (item: CatalogueItemRecord, banner: string) => void; onDeleted: () => void; onRefused: () => void }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [{ fetching: retiring }, retire] = useMutation(RETIRE_CATALOGUE_ITEM);
  const [{ fetching: reinstating }, update] = useMutation(UPDATE_CATALOGUE_ITEM);
  const [{ fetching: deleting }, remove] = useMutation(DELETE_CATALOGUE_ITEM);
  const refusedInUse = violationsOf(checkCatalogueDelete(itemOf(draftOf(item), item.retired), item.inUse))[0]?.message;

  const refuse = (found: readonly { field: string; message: string }[] | undefined) => {
    setErrors(fieldErrorsOf(found && found.length > 0 ? found.map((error) => ({ ...error, field: "" })) : [{ field: "", message: "The change could not be saved. Try again." }]));
    onRefused();
  };
  const retireItem = async () => {
    setErrors({});
    const payload = (await retire({ input: { id: item.id, version: item.version } })).data?.retireCatalogueItem;
    if (payload?.catalogueItem) onChanged(payload.catalogueItem, `${payload.catalogueItem.label} is retired`);
    else refuse(payload?.userErrors);
  };
  const offerAgain = async () => {
    setErrors({});
    const payload = (await update({ input: { id: item.id, version: item.version, retired: false } })).data?.updateCatalogueItem;
    if (payload?.catalogueItem) onChanged(payload.catalogueItem, `${payload.catalogueItem.label} is offered for new records again`);
    else refuse(payload?.userErrors);
  };
  const deleteItem = async () => {
    setErrors({});
    setConfirmingDelete(false);
    const payload = (await remove({ input: { id: item.id } }, { additionalTypenames: ["CatalogueItem"] })).data?.deleteCatalogueItem;
    if (payload?.deletedCatalogueItemId) onDeleted();
    else refuse(payload?.userErrors);
  };

  return (
    <section className="danger-zone" aria-labelledby={`${FORM_ID}-heading`}>
      <h2 id={`${FORM_ID}-heading`}>{item.retired ? "Offer it again" : item.inUse ? "Retire this item" : "Retire or delete this item"}</h2>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      {item.retired ? (
        <>
          <p>This item is retired: keyworkers cannot choose it for new records, and records that use it keep it.</p>
          <Button type="button" variant="secondary" busy={reinstating} onClick={() => void offerAgain()}>
            Offer it for new records again
          </Button>
        </>
      ) : (
        <>
          <p>Retiring stops the item being offered for new records. Records that already use it keep it and still read the same.</p>
          <Button type="button" variant="secondary" busy={retiring} onClick={() => void retireItem()}>
            Retire item
          </Button>
        </>
      )}
      {item.inUse ? (
        // After a refused delete the error summary already says this.
        Object.keys(errors).length === 0 && <p className="inset">{refusedInUse}</p>
      ) : confirmingDelete ? (
        <div className="inset" role="group" aria-labelledby={`${FORM_ID}-confirm`}>
          <p id={`${FORM_ID}-confirm`}>
            <strong>Delete {item.label} for good?</strong> Nothing uses it yet, so nothing is lost, but it cannot be undone.
          </p>
          <Button type="button" variant="warning" busy={deleting} onClick={() => void deleteItem()}>
            Yes, delete it
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirmingDelete(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <>
          <p>Nothing records this item yet, so it can also be deleted, for example if it was added by mistake.</p>
          <Button type="button" variant="warning" onClick={() => setConfirmingDelete(true)}>
            Delete item
          </Button>
        </>
      )}
    </section>
  );
}
