import { Details } from "../../components/Details.js";
import { ChoiceGroup } from "../../components/Field.js";
import { CHOOSABLE_COLUMNS, type CaseloadColumnId } from "./caseloadColumns.js";

/** Which columns the table shows. A choice takes effect at once and is remembered for this user. */
export function ColumnChooser({ hidden, onChange }: { hidden: readonly CaseloadColumnId[]; onChange: (hidden: CaseloadColumnId[]) => void }) {
  const shown = CHOOSABLE_COLUMNS.filter((column) => !hidden.includes(column.id)).map((column) => column.id);
  return (
    <Details summary="Choose columns">
      <ChoiceGroup
        formId="caseload-columns"
        name="columns"
        label="Columns to show"
        hint="The person's name and reference are always shown. Your choice is remembered on this browser."
        type="checkbox"
        options={CHOOSABLE_COLUMNS.map((column) => ({ value: column.id, label: column.label }))}
        selected={shown}
        onChange={(selected) => onChange(CHOOSABLE_COLUMNS.filter((column) => !selected.includes(column.id)).map((column) => column.id))}
      />
    </Details>
  );
}
