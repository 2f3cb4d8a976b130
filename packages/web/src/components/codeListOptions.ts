import type { CodeListEntry } from "@waymark/core";
import type { Option } from "./Field.js";

/** A core code list's entries as the options of a Select or ChoiceGroup: the code is the value, the label is shown. */
export function optionsOf(list: { readonly entries: readonly CodeListEntry[] }): Option[] {
  return list.entries.map((entry) => ({ value: entry.code, label: entry.label }));
}
