import { useEffect, type RefObject } from 'react';

// 对照 as rows (issue 17): the Chinese and English editors stay two editors (undo, IME
// and saving per version), but each pair of blocks (same pair id) starts on one line, so
// a long Chinese paragraph and its English sit side by side as one row of a two-column
// grid. The block that would start higher is pushed down by a top margin; the margins
// are style only, never in the stored story, and Lexical ignores attribute changes.

const SHIFTED = 'pairShift';

function children(root: HTMLElement): HTMLElement[] {
  return [...root.children].filter((c): c is HTMLElement => c instanceof HTMLElement);
}

function clear(root: HTMLElement): void {
  for (const el of children(root)) {
    if (el.dataset[SHIFTED] !== undefined) { el.style.removeProperty('margin-top'); delete el.dataset[SHIFTED]; }
    delete el.dataset['pairRow'];
  }
}

/**
 * Lines up the pairs of the two editors under `container`; returns how many rows it aligned.
 *
 * One layout for the whole story (issue 15): every top and margin is read first, then the
 * margins are written. A block pushed down by d pushes every block after it in its column
 * down by d, so each column's offset so far is carried along instead of measured again; the
 * version that measured each row after writing the last forced a layout per row, 20 s and
 * more for a 对照 story of 1,500 pairs, after every pause in typing.
 */
export function alignPairRows(container: HTMLElement): number {
  const roots = [...container.querySelectorAll<HTMLElement>('.editor-content')];
  roots.forEach(clear);
  if (roots.length !== 2) return 0;
  const [a, b] = roots as [HTMLElement, HTMLElement];
  const aKids = children(a);
  const bKids = children(b);
  const bIndex = new Map<string, number>();
  bKids.forEach((e, j) => { const id = e.dataset['pairId']; if (id && !bIndex.has(id)) bIndex.set(id, j); });
  // The rows, in the order of the first version (pairs out of order in the second cannot all be rows).
  const rows: [HTMLElement, HTMLElement][] = [];
  let lastB = -1;
  for (const ea of aKids) {
    const j = ea.dataset['pairId'] ? bIndex.get(ea.dataset['pairId']) : undefined;
    if (j === undefined || j <= lastB) continue;
    lastB = j;
    rows.push([ea, bKids[j]!]);
  }
  // Reads: tops, and the gap above each block as laid out (its margin-top collapsed with
  // the margin-bottom of the block before it).
  const gapAbove = (el: HTMLElement): number => {
    const mt = parseFloat(getComputedStyle(el).marginTop) || 0;
    const prev = el.previousElementSibling;
    const mb = prev instanceof HTMLElement ? parseFloat(getComputedStyle(prev).marginBottom) || 0 : 0;
    return Math.max(mt, mb);
  };
  const measured = rows.map(([ea, eb]) => ({ ea, eb, ta: ea.getBoundingClientRect().top, tb: eb.getBoundingClientRect().top, ga: gapAbove(ea), gb: gapAbove(eb) }));
  // Writes: a margin that makes the gap above the block d larger moves it, and all after it, by d.
  let offA = 0, offB = 0;
  measured.forEach(({ ea, eb, ta, tb, ga, gb }, row) => {
    const d = (tb + offB) - (ta + offA);
    if (Math.abs(d) >= 0.5) {
      const [el, gap] = d > 0 ? [ea, ga] : [eb, gb];
      el.style.marginTop = `${gap + Math.abs(d)}px`;
      el.dataset[SHIFTED] = '';
      if (d > 0) offA += d; else offB -= d;
    }
    ea.dataset['pairRow'] = String(row);
    eb.dataset['pairRow'] = String(row);
  });
  return rows.length;
}

/** Keeps the rows aligned while `enabled`: after typing pauses, when blocks come and go, and on resize. */
export function usePairRows(container: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    const el = container.current;
    if (!el || !enabled) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => { if (timer) clearTimeout(timer); timer = setTimeout(() => alignPairRows(el), 120); };
    soon();
    // Text and blocks only: the margins this sets are attribute changes and must not re-trigger it.
    const mo = new MutationObserver(soon);
    mo.observe(el, { childList: true, characterData: true, subtree: true });
    const ro = new ResizeObserver(soon);
    ro.observe(el);
    return () => {
      mo.disconnect(); ro.disconnect();
      if (timer) clearTimeout(timer);
      el.querySelectorAll<HTMLElement>('.editor-content').forEach(clear);
    };
  }, [container, enabled]);
}
