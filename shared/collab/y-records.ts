import * as Y from 'yjs';

// The pieces edition-y.ts builds its documents from, in the manner of page-y.ts: a record
// is a Y.Map of fields (one key per field, so two people changing different fields of one
// record both keep theirs), and an order is a Y.Array of ids changed by the smallest edit
// (so a page added on one desk while another deletes one keeps both).

export type Fields = Record<string, unknown>;

export const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Writes the fields that changed between prev and next (and any the map lacks); drops removed ones. */
export function writeFields(map: Y.Map<unknown>, prev: Fields | undefined, next: Fields): void {
  const keys = new Set([...Object.keys(prev ?? {}), ...Object.keys(next)]);
  for (const key of keys) {
    const value = next[key];
    if (value === undefined) {
      if (map.has(key) && (prev === undefined || prev[key] !== undefined)) map.delete(key);
    } else if (!map.has(key) || !same(prev?.[key], value)) {
      map.set(key, value);
    }
  }
}

/** Records keyed by id: removed ones deleted, new ones created, changed fields written. */
export function applyRecords(map: Y.Map<Y.Map<unknown>>, prev: Map<string, Fields> | null, next: Map<string, Fields>): void {
  for (const id of prev?.keys() ?? []) {
    if (!next.has(id) && map.has(id)) map.delete(id);
  }
  for (const [id, fields] of next) {
    const existing = map.get(id);
    if (existing instanceof Y.Map) {
      writeFields(existing, prev?.get(id), fields);
    } else {
      const fresh = new Y.Map<unknown>();
      map.set(id, fresh);
      writeFields(fresh, undefined, fields);
    }
  }
}

const isSubsequence = (a: string[], b: string[]): boolean => {
  let i = 0;
  for (const x of b) if (x === a[i]) i++;
  return i === a.length;
};

/**
 * Brings an order to `next` by the smallest edit from what this desk last saw (`prev`):
 * ids removed here are deleted, ids added here go after their predecessor, and only a real
 * reorder rewrites the list (keeping ids someone else added meanwhile, at the end).
 */
export function applyOrder(arr: Y.Array<string>, prev: string[] | null, next: string[]): void {
  const before = prev ?? [];
  const nextSet = new Set(next);
  const removed = new Set(before.filter((id) => !nextSet.has(id)));
  for (let i = arr.length - 1; i >= 0; i--) {
    if (removed.has(arr.get(i))) arr.delete(i, 1);
  }
  const beforeSet = new Set(before);
  const kept = next.filter((id) => beforeSet.has(id));
  const keptBefore = before.filter((id) => nextSet.has(id));
  if (!isSubsequence(keptBefore, kept) || !same(keptBefore, kept)) {
    // A reorder on this desk: its order wins, what others added meanwhile stays (at the end).
    const others = arr.toArray().filter((id) => !nextSet.has(id) && !beforeSet.has(id));
    arr.delete(0, arr.length);
    arr.insert(0, [...next, ...others]);
    return;
  }
  for (let i = 0; i < next.length; i++) {
    const id = next[i]!;
    const current = arr.toArray();
    if (current.includes(id)) continue;
    // After the nearest earlier id of `next` the array has, else at the start.
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const k = current.indexOf(next[j]!);
      if (k >= 0) { at = k + 1; break; }
    }
    arr.insert(at, [id]);
  }
}

/** The ids of an order, each once, only those `keep` accepts. */
export function readOrder(arr: Y.Array<unknown>, keep: (id: string) => boolean): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of arr.toArray()) {
    if (typeof id === 'string' && !seen.has(id) && keep(id)) { seen.add(id); out.push(id); }
  }
  return out;
}
