import type { Block, Page } from '../document/schema';
import { normalizeThreads } from './threads';

// Pages as the edition's order makes them, applied on every read of an edition's pages
// (edition-store readPages), so the composer, print, export and preflight all agree:
//
// - Page numbers follow the order in edition.json. The number in a page file is only a
//   cache: a reorder rewrites edition.json alone, and the next read renumbers, so there
//   is never a second truth to keep in step (and no typed number to go stale).
// - Threads get explicit places. Files written before issue 10 ordered a story's frames
//   page by page, and on a page by the optional per-page `thread` number, else the
//   frame's index on the page. That order is kept (so nothing printed before moves) and
//   written down as `threadPos`; `thread` is dropped. Frames that already have a place
//   keep it; a frame without one (a hand-edited file) goes to the end of its thread.

type Keyed = { pi: number; bi: number; key: number };

function legacyOrder(pages: readonly Page[]): Map<string, Map<string, number>> {
  const byStory = new Map<string, Array<Keyed & { pageId: string; blockId: string; explicit: boolean }>>();
  pages.forEach((p, pi) => p.blocks.forEach((b, bi) => {
    if (b.kind !== 'story' || !b.storyId) return;
    const list = byStory.get(b.storyId) ?? [];
    list.push({ pageId: p.id, blockId: b.id, pi, bi, key: b.threadPos ?? b.thread ?? bi, explicit: b.threadPos !== undefined });
    byStory.set(b.storyId, list);
  }));
  const out = new Map<string, Map<string, number>>();
  for (const list of byStory.values()) {
    const explicit = list.filter((f) => f.explicit).sort((a, b) => a.key - b.key || a.pi - b.pi || a.bi - b.bi);
    const legacy = list.filter((f) => !f.explicit).sort((a, b) => a.pi - b.pi || a.key - b.key || a.bi - b.bi);
    [...explicit, ...legacy].forEach((f, i) => {
      const m = out.get(f.pageId) ?? new Map<string, number>();
      m.set(f.blockId, i);
      out.set(f.pageId, m);
    });
  }
  return out;
}

/** Whether any frame still needs lifting (saves a rewrite of every page on each read). */
function needsLift(pages: readonly Page[]): boolean {
  return pages.some((p) => p.blocks.some((b) => b.thread !== undefined || (b.kind === 'story' && !!b.storyId) !== (b.threadPos !== undefined)));
}

/** `pages` in edition order → numbered by that order, every thread explicit and dense. */
export function liftPages(pages: readonly Page[]): Page[] {
  let out = pages.map((p, i) => (p.number === i + 1 ? p : { ...p, number: i + 1 }));
  if (needsLift(out)) {
    const order = legacyOrder(out);
    out = out.map((p) => ({
      ...p,
      blocks: p.blocks.map((b): Block => {
        const { thread: _legacy, threadPos: _old, ...rest } = b;
        const pos = order.get(p.id)?.get(b.id);
        return pos === undefined ? rest : { ...rest, threadPos: pos };
      }),
    }));
  }
  return normalizeThreads(out);
}
