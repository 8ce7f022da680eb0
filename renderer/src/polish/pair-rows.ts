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

/** Lines up the pairs of the two editors under `container`; returns how many rows it aligned. */
export function alignPairRows(container: HTMLElement): number {
  const roots = [...container.querySelectorAll<HTMLElement>('.editor-content')];
  roots.forEach(clear);
  if (roots.length !== 2) return 0;
  const [a, b] = roots as [HTMLElement, HTMLElement];
  const bKids = children(b);
  const bById = new Map(bKids.filter((e) => e.dataset['pairId']).map((e) => [e.dataset['pairId']!, e]));
  let lastB = -1, rows = 0;
  for (const ea of children(a)) {
    const eb = ea.dataset['pairId'] ? bById.get(ea.dataset['pairId']) : undefined;
    if (!eb) continue;
    // Pairs in a different order in the two versions cannot all be rows: keep the order of the first.
    const j = bKids.indexOf(eb);
    if (j <= lastB) continue;
    lastB = j;
    // Twice: a new margin may collapse with the block above it and move less than asked.
    for (let pass = 0; pass < 2; pass++) {
      const d = eb.getBoundingClientRect().top - ea.getBoundingClientRect().top;
      if (Math.abs(d) < 0.5) break;
      const el = d > 0 ? ea : eb;
      const mt = parseFloat(getComputedStyle(el).marginTop) || 0;
      el.style.marginTop = `${mt + Math.abs(d)}px`;
      el.dataset[SHIFTED] = '';
    }
    ea.dataset['pairRow'] = String(rows);
    eb.dataset['pairRow'] = String(rows);
    rows++;
  }
  return rows;
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
