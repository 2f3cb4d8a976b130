/** What a form that leaves for the person's record passes along, so the record can confirm the save. */
export interface SavedBanner {
  readonly title: string;
  readonly body?: string;
}

/** Navigation state for `navigate("/people/:id", { state })` after a save. */
export function savedBannerState(title: string, body?: string): { savedBanner: SavedBanner } {
  return { savedBanner: body ? { title, body } : { title } };
}

/** The banner in a location's state, if a form left one there. */
export function savedBannerOf(state: unknown): SavedBanner | null {
  if (typeof state !== "object" || state === null || !("savedBanner" in state)) return null;
  const banner = (state as { savedBanner: unknown }).savedBanner;
  if (typeof banner !== "object" || banner === null || typeof (banner as SavedBanner).title !== "string") return null;
  return banner as SavedBanner;
}
