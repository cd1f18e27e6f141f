/**
 * Cursor paging for tables: the cursors of the pages seen so far, so "previous" needs no
 * cursor of its own from the API.
 */
import { useState } from 'react';

export function useCursorPages<C>(first: C) {
  const [stack, setStack] = useState<C[]>([first]);
  const cursor = stack[stack.length - 1] as C;
  return {
    cursor,
    page: stack.length,
    hasPrevious: stack.length > 1,
    next: (c: C) => setStack((s) => [...s, c]),
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    reset: () => setStack([first]),
  };
}
