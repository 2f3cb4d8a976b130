import { MODALITIES, PHASES, type Catalogue, type Modality, type Phase } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { Button } from "../../../components/Button.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { Select, TextArea, TextInput } from "../../../components/Field.js";
import { useUnsavedChangesGuard } from "../../../components/useUnsavedChangesGuard.js";
import { fieldErrorsOf, type FieldErrors, type UserError } from "../../../graphql/userErrors.js";
import { draftErrors, inFormOrder, type CatalogueDraft } from "./catalogueDraft.js";
import type { CatalogueItemRecord } from "./catalogueQueries.js";
import { RuleSwitches } from "./RuleSwitches.js";
import { SubTypesEditor } from "./SubTypesEditor.js";

export const CATALOGUE_FORM_ID = "catalogue-item";

const MODALITY_OPTIONS = MODALITIES.entries.map((entry) => ({ value: entry.code, label: entry.label }));
const PHASE_OPTIONS = PHASES.entries.map((entry) => ({ value: entry.code, label: entry.label }));

/**
 * The form for adding or changing a catalogue item: what it is, when it may be recorded, its rule switches and
 * its sub-types. Core's R-CAT-1 checks run before sending; what the server still refuses is shown the same way.
 * `onSave` resolves to the server's refusals, or to null once the item is saved.
 */
export function CatalogueItemForm(props: {
  initial: CatalogueDraft;
  before?: CatalogueItemRecord;
  catalogue: Catalogue;
  submitLabel: string;
  onSave: (draft: CatalogueDraft) => Promise<readonly UserError[] | null>;
}) {
  const { initial, before, catalogue, submitLabel, onSave } = props;
  const [draft, setDraft] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  useUnsavedChangesGuard(!saving && JSON.stringify(draft) !== JSON.stringify(saved));
  const fixed = before?.inUse ?? false;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = draftErrors(draft, catalogue, before);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const refused = await onSave(draft);
    setSaving(false);
    if (refused) setErrors(inFormOrder(fieldErrorsOf(refused.length > 0 ? refused : [{ field: "", message: "The item could not be saved. Try again." }])));
    else setSaved(draft);
  };
  const set = <K extends keyof CatalogueDraft>(key: K, value: CatalogueDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary errors={errors} formId={CATALOGUE_FORM_ID} />
      <TextInput formId={CATALOGUE_FORM_ID} name="label" label="Label" hint="The name keyworkers see when they record it." value={draft.label} error={errors.label} onChange={(label) => set("label", label)} />
      {fixed ? (
        <div className="form-group" id={`${CATALOGUE_FORM_ID}-code`}>
          <p className="label">Code</p>
          <p>
            <code>{draft.code}</code> <span className="secondary">Fixed: interventions are recorded against this code.</span>
          </p>
          {errors.code && <p className="error-message">{errors.code}</p>}
        </div>
      ) : (
        <TextInput
          formId={CATALOGUE_FORM_ID}
          name="code"
          label="Code"
          hint="A stable code in capital letters, digits and underscores, for example PEER_MENTORING. Reports use it, and it cannot change once the item is in use or be given to another item."
          width="full"
          value={draft.code}
          error={errors.code}
          onChange={(code) => set("code", code)}
        />
      )}
      <TextArea
        formId={CATALOGUE_FORM_ID}
        name="definition"
        label="Definition"
        hint="What counts as this intervention, in plain words. Keyworkers read it when choosing what to record."
        value={draft.definition}
        error={errors.definition}
        onChange={(definition) => set("definition", definition)}
      />
      {fixed ? (
        <div className="form-group" id={`${CATALOGUE_FORM_ID}-modality`}>
          <p className="label">Modality</p>
          <p>
            {draft.modality ? MODALITIES.labelOf(draft.modality) : "—"} <span className="secondary">Fixed: interventions are recorded against this item.</span>
          </p>
          {errors.modality && <p className="error-message">{errors.modality}</p>}
        </div>
      ) : (
        <Select
          formId={CATALOGUE_FORM_ID}
          name="modality"
          label="Modality"
          hint="Pharmacological and psychosocial items start structured treatment when first recorded."
          options={MODALITY_OPTIONS}
          value={draft.modality}
          error={errors.modality}
          onChange={(modality) => set("modality", modality as Modality | "")}
        />
      )}
      <Select
        formId={CATALOGUE_FORM_ID}
        name="phase"
        label="When it may be recorded"
        hint="During treatment, only after a planned completion (aftercare), or at any time."
        options={PHASE_OPTIONS}
        value={draft.phase}
        error={errors.phase}
        onChange={(phase) => set("phase", phase as Phase | "")}
      />
      <RuleSwitches formId={CATALOGUE_FORM_ID} switches={draft.switches} errors={errors} onChange={(switches) => set("switches", switches)} />
      <SubTypesEditor formId={CATALOGUE_FORM_ID} subTypes={draft.subTypes} errors={errors} onChange={(subTypes) => set("subTypes", subTypes)} />
      <Button type="submit" busy={saving}>
        {submitLabel}
      </Button>
    </form>
  );
}
