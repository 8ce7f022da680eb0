import { useSyncExternalStore } from 'react';

// A search result on its way into a desk (issue 16): the archive box closes, the app opens
// the result's edition and desk, and that desk, once its data is loaded, takes the intent
// and acts on it (selects the story and its paragraph, the page, the photo, or places the
// photo on the current page). One intent at a time; the desk that acts clears it, so a
// remount later does not act twice.

export type DeskIntent =
  | { kind: 'story'; edition: string; storyId: string; para: number; lang: 'zh' | 'en'; snippet: string }
  | { kind: 'page'; edition: string; pageId: string }
  | { kind: 'photo'; libraryId: string }
  | { kind: 'place'; edition: string; libraryId: string | null; from: { edition: string; photoId: string } | null };

let current: (DeskIntent & { seq: number }) | null = null;
let seq = 0;
const listeners = new Set<() => void>();
const emit = () => { for (const l of listeners) l(); };

export function setDeskIntent(intent: DeskIntent): void {
  current = { ...intent, seq: ++seq };
  emit();
}

/** Clears the intent once acted on (only that one: a newer intent stays). */
export function doneDeskIntent(n: number): void {
  if (current?.seq !== n) return;
  current = null;
  emit();
}

const subscribe = (l: () => void) => { listeners.add(l); return () => { listeners.delete(l); }; };

/** The pending intent of one kind, or null. */
export function useDeskIntent<K extends DeskIntent['kind']>(kind: K): (Extract<DeskIntent, { kind: K }> & { seq: number }) | null {
  const v = useSyncExternalStore(subscribe, () => current);
  return v && v.kind === kind ? (v as Extract<DeskIntent, { kind: K }> & { seq: number }) : null;
}
