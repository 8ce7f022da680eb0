import { useCallback, useRef, useState } from 'react';

// Undo/redo over whole page states (a page is a few KB; a desk session makes hundreds of
// edits, not millions). `set` with `commit: false` is a live preview (a drag in progress)
// that does not make an undo step until the drag commits.
export function useHistory<T>(initial: T) {
  const [present, setPresent] = useState(initial);
  const past = useRef<T[]>([]);
  const future = useRef<T[]>([]);
  const base = useRef<T>(initial);

  const reset = useCallback((v: T) => { past.current = []; future.current = []; base.current = v; setPresent(v); }, []);
  // A page changed elsewhere (a shared edition, issue 12): shown at once, and the next undo
  // step starts from it, so an undo never brings back what someone else replaced.
  const replace = useCallback((v: T) => { base.current = v; setPresent(v); }, []);
  const set = useCallback((v: T, commit = true) => {
    setPresent(v);
    if (!commit) return;
    past.current.push(base.current);
    if (past.current.length > 200) past.current.shift();
    future.current = [];
    base.current = v;
  }, []);
  const undo = useCallback((): T | null => {
    const prev = past.current.pop();
    if (prev === undefined) return null;
    future.current.push(base.current);
    base.current = prev;
    setPresent(prev);
    return prev;
  }, []);
  const redo = useCallback((): T | null => {
    const next = future.current.pop();
    if (next === undefined) return null;
    past.current.push(base.current);
    base.current = next;
    setPresent(next);
    return next;
  }, []);
  return { present, set, reset, replace, undo, redo };
}
