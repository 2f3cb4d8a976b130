import { useCallback, useState } from "react";

/** Where the reader is in a keyset-paged list, and how to move. */
export interface CursorPages {
  /** The cursor to pass as `after` for the page on show; null for the first page. */
  readonly after: string | null;
  /** 1 for the first page. */
  readonly pageNumber: number;
  readonly hasPrevious: boolean;
  /** Moves on to the page after the one whose last cursor is `endCursor`. */
  next(endCursor: string): void;
  previous(): void;
}

interface Position {
  readonly listKey: string;
  readonly stack: readonly (string | null)[];
}

const FIRST_PAGE: readonly (string | null)[] = [null];

/**
 * Keyset paging over a Relay connection. The server only pages forward, so the cursors of the pages already
 * seen are kept as a stack to step back. `listKey` names the list as sorted, filtered and searched: when it
 * changes, paging starts again from the first page in the same render, so an old cursor is never sent with a
 * new order. Cursors live in memory only: one can carry the sort key, which for a list sorted by name is part
 * of a person's name, so it never goes into the address or browser storage.
 */
export function useCursorPages(listKey: string): CursorPages {
  const [position, setPosition] = useState<Position>({ listKey, stack: FIRST_PAGE });
  const stack = position.listKey === listKey ? position.stack : FIRST_PAGE;
  const next = useCallback(
    (endCursor: string) => setPosition((current) => ({ listKey, stack: [...(current.listKey === listKey ? current.stack : FIRST_PAGE), endCursor] })),
    [listKey],
  );
  const previous = useCallback(
    () => setPosition((current) => ({ listKey, stack: current.listKey === listKey && current.stack.length > 1 ? current.stack.slice(0, -1) : FIRST_PAGE })),
    [listKey],
  );
  return { after: stack[stack.length - 1] ?? null, pageNumber: stack.length, hasPrevious: stack.length > 1, next, previous };
}
