/**
 * Cell values for CSV files opened in spreadsheets. A cell that starts with `=`, `+`, `-` or `@` (or a tab or
 * carriage return, which some spreadsheets skip before reading a formula) would run as a formula when the
 * file is opened, so such a cell is prefixed with an apostrophe and stays text (OWASP "CSV injection").
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** The value as a cell, neutralised when a spreadsheet would read it as a formula. */
export function neutraliseCell(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** Lists of plain values share one cell, separated like this (a separator unlikely to appear in a code). */
export const LIST_SEPARATOR = "; ";

/**
 * A GraphQL or database value as a CSV cell: null and undefined become an empty cell, booleans `true`/`false`,
 * dates ISO 8601, lists of plain values joined with LIST_SEPARATOR. Numbers are written as they are (a
 * negative number is data, not a formula; only text is neutralised).
 */
export function cellOf(value: unknown): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return neutraliseCell(value.map((item) => String(cellOf(item))).join(LIST_SEPARATOR));
  if (typeof value === "object") return neutraliseCell(JSON.stringify(value));
  return neutraliseCell(String(value));
}
