import type { Block, Page } from '../document/schema';

// Threads (续排) as designers make them: every story frame of a thread carries its place
// in the story's thread across the whole edition (`threadPos`, 0 = where the story starts).
// There is no hidden default order: the frames are set exactly in that order, whatever
// page they sit on and wherever the pages move. Every edit here renumbers the thread it
// touches densely (0, 1, 2, …), so two frames never share a place and none is skipped.
// Pure functions over the edition's pages: the composer and the tests use the same ones.

/** A story frame and the page it sits on. */
export interface PlacedFrame { page: Page; block: Block }
export interface FrameRef { pageId: string; blockId: string }

const isFrame = (b: Block): boolean => b.kind === 'story' && !!b.storyId;

/**
 * The frames of each story in thread order. Ties (only in files not yet lifted) fall
 * back to page order, then the frame's place on its page, so the result is stable.
 */
export function threadsOf(pages: readonly Page[]): Map<string, PlacedFrame[]> {
  const keyed = new Map<string, Array<PlacedFrame & { k: [number, number, number] }>>();
  pages.forEach((page, pi) => page.blocks.forEach((block, bi) => {
    if (!isFrame(block)) return;
    const list = keyed.get(block.storyId!) ?? [];
    list.push({ page, block, k: [block.threadPos ?? Number.MAX_SAFE_INTEGER, pi, bi] });
    keyed.set(block.storyId!, list);
  }));
  const out = new Map<string, PlacedFrame[]>();
  for (const [id, list] of keyed) {
    list.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2]);
    out.set(id, list.map(({ page, block }) => ({ page, block })));
  }
  return out;
}

/** Where a frame stands in its thread: 1-based place and the thread's length ("2/3"). */
export function threadPlace(pages: readonly Page[], ref: FrameRef): { index: number; count: number; storyId: string } | null {
  const block = pages.find((p) => p.id === ref.pageId)?.blocks.find((b) => b.id === ref.blockId);
  if (!block || !isFrame(block)) return null;
  const frames = threadsOf(pages).get(block.storyId!) ?? [];
  const i = frames.findIndex((f) => f.page.id === ref.pageId && f.block.id === ref.blockId);
  return i < 0 ? null : { index: i + 1, count: frames.length, storyId: block.storyId! };
}

/** The frame after `ref` in its thread, if any. */
export function nextFrame(pages: readonly Page[], ref: FrameRef): PlacedFrame | null {
  const place = threadPlace(pages, ref);
  if (!place) return null;
  return threadsOf(pages).get(place.storyId)![place.index] ?? null;
}

/** Rewrites the blocks of `pages` by `edit` (called per block with its page), keeping untouched pages identical. */
function mapBlocks(pages: readonly Page[], edit: (b: Block, page: Page) => Block): Page[] {
  return pages.map((p) => {
    let changed = false;
    const blocks = p.blocks.map((b) => { const n = edit(b, p); if (n !== b) changed = true; return n; });
    return changed ? { ...p, blocks } : p;
  });
}

/** Sets threadPos 0..n-1 along `order` (the frames of one story, in their new order). */
function renumber(pages: readonly Page[], order: readonly FrameRef[]): Page[] {
  const pos = new Map(order.map((r, i) => [`${r.pageId}\u0000${r.blockId}`, i]));
  return mapBlocks(pages, (b, p) => {
    const i = pos.get(`${p.id}\u0000${b.id}`);
    return i === undefined || b.threadPos === i ? b : { ...b, threadPos: i };
  });
}

const refOf = (f: PlacedFrame): FrameRef => ({ pageId: f.page.id, blockId: f.block.id });

/** Takes a frame out of whatever thread it is in (it becomes an empty frame) and closes the gap. */
export function emptyFrame(pages: readonly Page[], ref: FrameRef): Page[] {
  const place = threadPlace(pages, ref);
  const cleared = mapBlocks(pages, (b, p) => {
    if (p.id !== ref.pageId || b.id !== ref.blockId || b.kind !== 'story') return b;
    const { storyId: _s, threadPos: _t, thread: _l, ...rest } = b;
    return rest;
  });
  if (!place) return cleared;
  return renumber(cleared, (threadsOf(cleared).get(place.storyId) ?? []).map(refOf));
}

/** Puts `storyId` into a story frame: the frame leaves its old thread and ends the story's thread. */
export function placeStory(pages: readonly Page[], ref: FrameRef, storyId: string): Page[] {
  const place = threadPlace(pages, ref);
  if (place?.storyId === storyId) return [...pages];
  const freed = emptyFrame(pages, ref);
  const end = (threadsOf(freed).get(storyId) ?? []).length;
  return mapBlocks(freed, (b, p) => (p.id === ref.pageId && b.id === ref.blockId && b.kind === 'story' ? { ...b, storyId, threadPos: end } : b));
}

/**
 * InDesign's out-port: `to` becomes the frame right after `from` in from's thread. `to`
 * leaves the thread it was in (or moves within this one); the frames that followed `from`
 * follow `to`. Returns null when the link makes no sense (same frame, no story to thread,
 * not a story frame), so a reversed or circular thread cannot be made.
 */
export function linkAfter(pages: readonly Page[], from: FrameRef, to: FrameRef): Page[] | null {
  if (from.pageId === to.pageId && from.blockId === to.blockId) return null;
  const src = threadPlace(pages, from);
  const target = pages.find((p) => p.id === to.pageId)?.blocks.find((b) => b.id === to.blockId);
  if (!src || !target || target.kind !== 'story') return null;
  const freed = emptyFrame(pages, to);
  const frames = (threadsOf(freed).get(src.storyId) ?? []).map(refOf);
  const at = frames.findIndex((r) => r.pageId === from.pageId && r.blockId === from.blockId);
  frames.splice(at + 1, 0, to);
  const withStory = mapBlocks(freed, (b, p) => (p.id === to.pageId && b.id === to.blockId ? { ...b, storyId: src.storyId } : b));
  return renumber(withStory, frames);
}

/**
 * Unthread at `from`'s out-port (断开续排): the story stops in `from` (its overset shows
 * there) and the frames that followed it are left empty, as InDesign leaves them.
 */
export function unlinkAfter(pages: readonly Page[], from: FrameRef): Page[] {
  const place = threadPlace(pages, from);
  if (!place) return [...pages];
  const after = (threadsOf(pages).get(place.storyId) ?? []).slice(place.index);
  return after.reduce<Page[]>((acc, f) => emptyFrame(acc, refOf(f)), [...pages]);
}

/** Moves a frame to 1-based place `to` in its thread (the inspector's 续排位置). */
export function moveInThread(pages: readonly Page[], ref: FrameRef, to: number): Page[] {
  const place = threadPlace(pages, ref);
  if (!place) return [...pages];
  const frames = (threadsOf(pages).get(place.storyId) ?? []).map(refOf);
  const [me] = frames.splice(place.index - 1, 1);
  frames.splice(Math.max(0, Math.min(frames.length, to - 1)), 0, me!);
  return renumber(pages, frames);
}

/** Every thread renumbered densely in its current order (after a page was deleted, say). */
export function normalizeThreads(pages: readonly Page[]): Page[] {
  let out = [...pages];
  for (const frames of threadsOf(pages).values()) out = renumber(out, frames.map(refOf));
  return out;
}
