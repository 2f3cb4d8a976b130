import { INPUT_CODES, problemSubstanceViolations, type IsoDate, type ProblemSubstance, type Route, type Substance, type Violation } from "@waymark/core";

/** One row of the problem-substances table as typed: rank is the row's position. */
export interface SubstanceRow {
  readonly substance: Substance | "";
  readonly ageOfFirstUse: string;
  readonly route: Route | "";
}

export const EMPTY_SUBSTANCE_ROWS: readonly SubstanceRow[] = [1, 2, 3].map(() => ({ substance: "", ageOfFirstUse: "", route: "" }));

const field = (index: number, part: keyof SubstanceRow) => `problemSubstances.${index}.${part}`;

/**
 * The ranked problem substances from the three rows, with what is wrong with them: the main substance is
 * required, a lower rank needs the ones above it (so a row's rank and its index stay the same for the
 * server's messages), an age is a whole number. Core's problemSubstanceViolations then checks the rest.
 */
export function problemSubstancesOf(rows: readonly SubstanceRow[], dateOfBirth: IsoDate, onDate: IsoDate): { substances: ProblemSubstance[]; violations: Violation[] } {
  const violations: Violation[] = [];
  const substances: ProblemSubstance[] = [];
  rows.forEach((row, index) => {
    const used = row.substance !== "" || row.ageOfFirstUse.trim() !== "" || row.route !== "";
    if (!used) return;
    if (row.substance === "") {
      violations.push({ code: INPUT_CODES.required, field: field(index, "substance"), message: `Choose substance ${index + 1}, or clear its age and route.` });
      return;
    }
    const age = row.ageOfFirstUse.trim();
    if (age !== "" && !/^\d+$/.test(age)) {
      violations.push({ code: INPUT_CODES.invalidValue, field: field(index, "ageOfFirstUse"), message: "Enter the age of first use as a whole number of years, for example 16." });
    }
    substances.push({ rank: (index + 1) as ProblemSubstance["rank"], substance: row.substance, ageOfFirstUse: /^\d+$/.test(age) ? Number(age) : null, route: row.route || null });
  });
  if (rows[0]?.substance === "" && !violations.some((violation) => violation.field === field(0, "substance"))) {
    violations.unshift({ code: INPUT_CODES.required, field: field(0, "substance"), message: "Record at least the main problem substance." });
  }
  if (rows[1]?.substance === "" && rows[2]?.substance !== "") {
    violations.push({ code: INPUT_CODES.invalidValue, field: field(1, "substance"), message: "Record the second substance before a third, or move the third up." });
  }
  if (violations.length > 0) return { substances, violations };
  return { substances, violations: problemSubstanceViolations(substances, dateOfBirth, onDate) };
}
