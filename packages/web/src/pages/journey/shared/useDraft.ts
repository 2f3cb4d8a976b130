import { useCallback, useState } from "react";

/**
 * A form's unsaved record. `dirty` turns true at the first change, which arms the guard against leaving the
 * page with unsaved changes.
 */
export function useDraft<T>(initial: () => T): { draft: T; update: (change: (current: T) => T) => void; dirty: boolean } {
  const [draft, setDraft] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const update = useCallback((change: (current: T) => T) => {
    setDraft(change);
    setDirty(true);
  }, []);
  return { draft, update, dirty };
}
