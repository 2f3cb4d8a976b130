/** One entry of a code list: the stored code and the label a person reads. */
export interface CodeListEntry<C extends string = string> {
  readonly code: C;
  readonly label: string;
}

/** A closed list of codes with labels, in display order. */
export interface CodeList<C extends string, E extends CodeListEntry<C> = CodeListEntry<C>> {
  readonly entries: readonly E[];
  readonly codes: readonly C[];
  /** True when `value` is one of this list's codes (narrows unknown input). */
  includes(value: unknown): value is C;
  labelOf(code: C): string;
  entryOf(code: C): E;
}

/**
 * Builds a code list from its entries. Codes are SCREAMING_CASE so they can be GraphQL enum values and
 * database values unchanged.
 */
export function defineCodeList<const E extends readonly CodeListEntry[]>(
  entries: E,
): CodeList<E[number]["code"], E[number]> {
  type C = E[number]["code"];
  const byCode = new Map<string, E[number]>(entries.map((entry) => [entry.code, entry]));
  if (byCode.size !== entries.length) {
    throw new Error("A code list has a repeated code");
  }
  return {
    entries,
    codes: entries.map((entry) => entry.code) as C[],
    includes: (value: unknown): value is C => typeof value === "string" && byCode.has(value),
    labelOf: (code: C) => byCode.get(code)?.label ?? code,
    entryOf: (code: C) => {
      const entry = byCode.get(code);
      if (!entry) throw new Error(`Unknown code ${code}`);
      return entry;
    },
  };
}

/** The code type of a code list. */
export type CodeOf<L> = L extends { readonly codes: readonly (infer C)[] } ? C : never;
