// 对照 as rows (issue 17): the Chinese and English editors stay two editors (undo, IME
// and saving per version), but each pair of blocks (same pair id) starts on one line, so
// a long Chinese paragraph and its English sit side by side as one row of a two-column
// grid. The block that would start higher is pushed down by a top margin; the margins
// are style only, never in the stored story, and Lexical ignores attribute changes.

const SHIFTED = 'pairShift';

/** One row as last aligned: its two blocks, the natural gap above each, and the extra margin each got. */
export interface PairRow { ea: HTMLElement; eb: HTMLElement; ga: number; gb: number; extraA: number; extraB: number }

export function blocksOf(root: HTMLElement): HTMLElement[] {
  return [...root.children].filter((c): c is HTMLElement => c instanceof HTMLElement);
}

export function clearPairRows(root: HTMLElement): void {
  for (const el of blocksOf(root)) {
    if (el.dataset[SHIFTED] !== undefined) { el.style.removeProperty('margin-top'); delete el.dataset[SHIFTED]; }
    delete el.dataset['pairRow'];
  }
}

/** Gives a block `extra` px above its natural gap `gap` (0: its own margin again). */
export function setExtra(el: HTMLElement, gap: number, extra: number): void {
  if (extra >= 0.5) {
    el.style.marginTop = `${gap + extra}px`;
    el.dataset[SHIFTED] = '';
  } else if (el.dataset[SHIFTED] !== undefined) {
    el.style.removeProperty('margin-top');
    delete el.dataset[SHIFTED];
  }
}

/**
 * Lines up the pairs of the two editors under `container`; returns the rows it aligned.
 *
 * One layout for the whole story (issue 15): every top and margin is read first, then the
 * margins are written. A block pushed down by d pushes every block after it in its column
 * down by d, so each column's offset so far is carried along instead of measured again; the
 * version that measured each row after writing the last forced a layout per row, 20 s and
 * more for a 对照 story of 1,500 pairs. This full pass runs when blocks come and go or the
 * width changes; typing adjusts only the row below a block that changed height (pair-rows.ts).
 */
export function alignPairRows(container: HTMLElement): PairRow[] {
  const roots = [...container.querySelectorAll<HTMLElement>('.editor-content')];
  roots.forEach(clearPairRows);
  if (roots.length !== 2) return [];
  const [a, b] = roots as [HTMLElement, HTMLElement];
  const aKids = blocksOf(a);
  const bKids = blocksOf(b);
  const bIndex = new Map<string, number>();
  bKids.forEach((e, j) => { const id = e.dataset['pairId']; if (id && !bIndex.has(id)) bIndex.set(id, j); });
  // The rows, in the order of the first version (pairs out of order in the second cannot all be rows).
  const pairs: [HTMLElement, HTMLElement][] = [];
  let lastB = -1;
  for (const ea of aKids) {
    const j = ea.dataset['pairId'] ? bIndex.get(ea.dataset['pairId']) : undefined;
    if (j === undefined || j <= lastB) continue;
    lastB = j;
    pairs.push([ea, bKids[j]!]);
  }
  // Reads: tops, and the gap above each block as laid out (its margin-top collapsed with
  // the margin-bottom of the block before it).
  const gapAbove = (el: HTMLElement): number => {
    const mt = parseFloat(getComputedStyle(el).marginTop) || 0;
    const prev = el.previousElementSibling;
    const mb = prev instanceof HTMLElement ? parseFloat(getComputedStyle(prev).marginBottom) || 0 : 0;
    return Math.max(mt, mb);
  };
  const measured = pairs.map(([ea, eb]) => ({ ea, eb, ta: ea.getBoundingClientRect().top, tb: eb.getBoundingClientRect().top, ga: gapAbove(ea), gb: gapAbove(eb) }));
  // Writes: a margin that makes the gap above the block d larger moves it, and all after it, by d.
  let offA = 0, offB = 0;
  return measured.map(({ ea, eb, ta, tb, ga, gb }, row) => {
    const d = (tb + offB) - (ta + offA);
    const extraA = d >= 0.5 ? d : 0;
    const extraB = d <= -0.5 ? -d : 0;
    if (extraA) { setExtra(ea, ga, extraA); offA += d; }
    if (extraB) { setExtra(eb, gb, extraB); offB -= d; }
    ea.dataset['pairRow'] = String(row);
    eb.dataset['pairRow'] = String(row);
    return { ea, eb, ga, gb, extraA, extraB };
  });
}
