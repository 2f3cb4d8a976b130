import { CHOOSABLE_COLUMNS, DEFAULT_HIDDEN_COLUMNS, type CaseloadColumnId } from "./caseloadColumns.js";

/** How many rows a page holds: the server caps a page at 100; 50 is the default. */
export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** A user's choices for the caseload table. Preferences only: never a name, reference or search. */
export interface CaseloadPreferences {
  readonly hiddenColumns: readonly CaseloadColumnId[];
  readonly pageSize: PageSize;
}

export const DEFAULT_PREFERENCES: CaseloadPreferences = { hiddenColumns: DEFAULT_HIDDEN_COLUMNS, pageSize: 50 };

/** The storage key holds the staff member's opaque ID and nothing else, so choices follow the user on this browser. */
export function preferencesKey(staffId: string): string {
  return `waymark.caseload.preferences.${staffId}`;
}

const CHOOSABLE = new Set<string>(CHOOSABLE_COLUMNS.map((column) => column.id));

/** The user's saved choices, or the defaults when none are saved or what is saved cannot be read. */
export function loadPreferences(staffId: string): CaseloadPreferences {
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(preferencesKey(staffId)) ?? "null");
    if (typeof saved !== "object" || saved === null) return DEFAULT_PREFERENCES;
    const { hiddenColumns, pageSize } = saved as { hiddenColumns?: unknown; pageSize?: unknown };
    return {
      hiddenColumns: Array.isArray(hiddenColumns) ? hiddenColumns.filter((id): id is CaseloadColumnId => typeof id === "string" && CHOOSABLE.has(id)) : DEFAULT_PREFERENCES.hiddenColumns,
      pageSize: PAGE_SIZES.find((size) => size === pageSize) ?? DEFAULT_PREFERENCES.pageSize,
    };
  } catch {
    // Storage switched off or a hand-edited value: the defaults serve.
    return DEFAULT_PREFERENCES;
  }
}

export function savePreferences(staffId: string, preferences: CaseloadPreferences): void {
  try {
    window.localStorage.setItem(preferencesKey(staffId), JSON.stringify({ hiddenColumns: preferences.hiddenColumns, pageSize: preferences.pageSize }));
  } catch {
    // Without storage the choice lasts for this visit only.
  }
}
