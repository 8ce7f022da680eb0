import { useEffect, type RefObject } from 'react';
import { alignPairRows, blocksOf, clearPairRows, setExtra, type PairRow } from './pair-rows-align';

// Keeps the 对照 rows lined up (issue 15) with work in proportion to the edit. Typing only
// changes the height of the block typed in, now and then (a line more or less); a
// ResizeObserver on every block reports that height change after layout, and the one row
// below it in that column takes the difference out of (or adds it to) its top margin, so
// every row after it stays where it was: no reads of layout, no walk over the story. The
// full pass (pair-rows-align.ts: one read of every top, then the writes) runs only when
// blocks come and go, a pair id changes, or the column width changes.

const FULL_DELAY_MS = 120;
/** More changed heights than this at once (a font arriving, a reflow): align everything. */
const MAX_LOCAL_CHANGES = 64;

/**
 * Moves the rows below blocks whose height changed by `delta` px and returns the rows it
 * moved; null when a change is outside the rows as last aligned (the caller then aligns everything).
 */
export function adjustPairRows(rows: readonly PairRow[], changes: readonly { el: Element; delta: number }[]): PairRow[] | null {
  if (rows.length === 0) return [];
  const colA = rows[0]!.ea.parentElement;
  const colB = rows[0]!.eb.parentElement;
  // The signed shift each row needs, summed over the changes above it: + when column A moved down.
  const shift = new Map<number, number>();
  for (const { el, delta } of changes) {
    const sign = el.parentElement === colA ? 1 : el.parentElement === colB ? -1 : 0;
    if (sign === 0) continue; // not a block of either column (the container, a nested element)
    let next = el.nextElementSibling;
    while (next instanceof HTMLElement && next.dataset['pairRow'] === undefined) next = next.nextElementSibling;
    if (!(next instanceof HTMLElement)) continue; // below the last row: nothing to line up
    const r = Number(next.dataset['pairRow']);
    const row = rows[r];
    if (!row || (row.ea !== next && row.eb !== next)) return null;
    shift.set(r, (shift.get(r) ?? 0) + sign * delta);
  }
  for (const [r, d] of shift) {
    const row = rows[r]!;
    // s > 0: column B's block needs that much more margin than A's; one of the two gets it.
    const s = row.extraB - row.extraA + d;
    row.extraA = s <= -0.5 ? -s : 0;
    row.extraB = s >= 0.5 ? s : 0;
    setExtra(row.ea, row.ga, row.extraA);
    setExtra(row.eb, row.gb, row.extraB);
  }
  return [...shift.keys()].map((r) => rows[r]!);
}

/** Whether each of these rows starts on one line in both columns (two reads a row). */
function stillAligned(moved: readonly PairRow[]): boolean {
  return moved.every((r) => Math.abs(r.ea.getBoundingClientRect().top - r.eb.getBoundingClientRect().top) < 0.5);
}

/** Keeps the rows aligned while `enabled`: as blocks change height, when blocks come and go, and on resize. */
export function usePairRows(container: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    const el = container.current;
    if (!el || !enabled) return;
    let rows: PairRow[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const heights = new WeakMap<Element, number>();
    let observed = new Set<Element>();
    let width = -1;

    const ro = new ResizeObserver((entries) => {
      const changes: { el: Element; delta: number }[] = [];
      for (const e of entries) {
        const box = e.borderBoxSize[0];
        if (e.target === el) {
          const w = box?.inlineSize ?? e.contentRect.width;
          if (width >= 0 && Math.abs(w - width) >= 0.5) soon();
          width = w;
          continue;
        }
        const h = box?.blockSize ?? e.contentRect.height;
        const was = heights.get(e.target);
        // A change under half a pixel is not applied, so the height it is measured from stays
        // too: small changes add up until they are applied instead of being lost one by one.
        if (was === undefined || Math.abs(h - was) >= 0.5) heights.set(e.target, h);
        if (was !== undefined && Math.abs(h - was) >= 0.5) changes.push({ el: e.target, delta: h - was });
      }
      if (changes.length === 0 || timer) return; // a full pass is coming anyway
      const moved = changes.length > MAX_LOCAL_CHANGES ? null : adjustPairRows(rows, changes);
      if (!moved) { soon(); return; }
      // The rows just moved are checked in the next frame (two reads each, not a walk over the
      // story); one still off (a change the deltas did not explain, seen under heavy load in
      // CI) gets the full pass.
      if (moved.length > 0) requestAnimationFrame(() => { if (!timer && !stillAligned(moved)) soon(); });
    });

    const full = () => {
      timer = null;
      rows = alignPairRows(el);
      // Observe the blocks there are now; the first report of a new one only records its height.
      const now = new Set<Element>();
      for (const root of el.querySelectorAll<HTMLElement>('.editor-content')) for (const b of blocksOf(root)) now.add(b);
      for (const b of observed) if (!now.has(b)) ro.unobserve(b);
      for (const b of now) if (!observed.has(b)) ro.observe(b);
      observed = now;
    };
    function soon() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(full, FULL_DELAY_MS);
    }
    soon();
    ro.observe(el);
    // Blocks added or removed (a child of an editor root), an editor mounted, a pair id set:
    // the rows themselves change. Text inside a block does not concern this observer.
    const mo = new MutationObserver((records) => {
      const hasEditor = (nodes: NodeList) => [...nodes].some((n) => n instanceof HTMLElement && (n.matches('.editor-content') || n.querySelector('.editor-content') !== null));
      const structural = records.some((r) => r.type === 'attributes'
        || (r.target instanceof HTMLElement && r.target.classList.contains('editor-content'))
        || hasEditor(r.addedNodes) || hasEditor(r.removedNodes));
      if (structural) soon();
    });
    mo.observe(el, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-pair-id'] });
    return () => {
      mo.disconnect(); ro.disconnect();
      if (timer) clearTimeout(timer);
      el.querySelectorAll<HTMLElement>('.editor-content').forEach(clearPairRows);
    };
  }, [container, enabled]);
}
