import type { Severity } from '../../../../shared/proof/types';

// Proofreading underlines for the blocks near the screen only (issue 15). Chromium keeps
// a marker for every range of every CSS highlight and re-validates them all whenever the
// document changes, so a story with thousands of findings paid for all of them on each
// keystroke (in the 对照 view at 200,000 characters, 37 ms to the next frame against 18 ms
// with no highlights). An IntersectionObserver on the blocks that have findings tells which
// are within a screen of the visible part of the scroller; only their ranges are registered.
// The findings themselves (the panel, the counts) are all still there.

type HighlightCtor = new (...ranges: Range[]) => unknown;
const registry = (): Map<string, unknown> | null => (globalThis.CSS as unknown as { highlights?: Map<string, unknown> } | undefined)?.highlights ?? null;
const HighlightClass = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;

export interface BlockRanges { el: HTMLElement; ranges: { severity: Severity; range: Range }[] }

function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY;
    if (o === 'auto' || o === 'scroll') return p;
  }
  return null;
}

export class VisibleHighlights {
  private blocks = new Map<Element, BlockRanges>();
  private readonly near = new Set<Element>();
  private readonly io: IntersectionObserver | null;

  constructor(private readonly root: HTMLElement, private readonly severities: readonly Severity[]) {
    this.io = typeof IntersectionObserver === 'undefined' ? null : new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) this.near.add(e.target); else this.near.delete(e.target);
      this.paint();
    }, { root: scrollParent(root), rootMargin: '100% 0px' });
  }

  /** This editor's findings, per block; replaces the last set. */
  set(blocks: readonly BlockRanges[]): void {
    const next = new Map(blocks.map((b) => [b.el as Element, b]));
    for (const el of this.blocks.keys()) if (!next.has(el)) { this.io?.unobserve(el); this.near.delete(el); }
    for (const el of next.keys()) if (!this.blocks.has(el)) this.io?.observe(el);
    this.blocks = next;
    // Without an IntersectionObserver every block counts as near.
    if (!this.io) for (const el of next.keys()) this.near.add(el);
    this.paint();
  }

  dispose(): void {
    this.io?.disconnect();
    this.blocks = new Map();
    this.near.clear();
    this.paint();
  }

  /** One highlight per severity, named per severity; other editors' ranges (对照) are kept. */
  private paint(): void {
    const reg = registry();
    if (!reg || !HighlightClass) return;
    const mine = new Map<Severity, Range[]>(this.severities.map((s) => [s, []]));
    for (const el of this.near) for (const { severity, range } of this.blocks.get(el)?.ranges ?? []) mine.get(severity)?.push(range);
    for (const s of this.severities) {
      const name = `proof-${s}`;
      const prev = reg.get(name) as Set<Range> | undefined;
      const keep = prev ? [...prev].filter((r) => !this.root.contains(r.startContainer)) : [];
      reg.set(name, new HighlightClass(...keep, ...mine.get(s)!));
    }
  }
}
