import { describe, expect, it } from 'vitest';
import type { Block, Page } from '../../shared/document/schema';
import { linkAfter, moveInThread, placeStory, threadPlace, threadsOf, unlinkAfter } from '../../shared/layout/threads';
import { liftPages } from '../../shared/layout/page-lift';
import { pageFromTemplate, TEMPLATES } from '../../shared/layout/templates';
import { PAGE_PRESETS } from '../../shared/document/schema';

// Threads with explicit places (issue 10 item 6): the order is what the designer linked,
// never a default from a frame's index on the page, and it survives a page reorder.

const feature = (id: string, n: number): Page => pageFromTemplate(TEMPLATES.find((t) => t.id === 'feature')!, PAGE_PRESETS.broadsheet, id, id, n);
const frames = (p: Page) => p.blocks.filter((b) => b.kind === 'story');
const order = (pages: Page[], story: string) => (threadsOf(pages).get(story) ?? []).map((f) => f.block.id);
const ref = (p: Page, b: Block) => ({ pageId: p.id, blockId: b.id });

describe('threads', () => {
  it('the issue\'s case: top frame threaded to the lower one by the port starts the story in the top frame', () => {
    const p = feature('page-1', 1);
    const [top, low] = frames(p) as [Block, Block];
    let pages = placeStory([p], ref(p, top), 's');
    pages = linkAfter(pages, ref(p, top), ref(p, low))!;
    expect(order(pages, 's')).toEqual([top.id, low.id]);
    expect(threadPlace(pages, ref(p, top))).toMatchObject({ index: 1, count: 2 });
    expect(threadPlace(pages, ref(p, low))).toMatchObject({ index: 2, count: 2 });
    // Linking the other way round makes the lower frame first: the order is the one linked.
    let rev = placeStory([p], ref(p, low), 's');
    rev = linkAfter(rev, ref(p, low), ref(p, top))!;
    expect(order(rev, 's')).toEqual([low.id, top.id]);
  });

  it('the issue\'s inspector steps: the same story given to the top frame, then the lower one, starts at the top', () => {
    const p = feature('page-1', 1);
    const [top, low] = frames(p) as [Block, Block];
    let pages = placeStory([p], ref(p, top), 's');
    pages = placeStory(pages, ref(p, low), 's');
    expect(order(pages, 's')).toEqual([top.id, low.id]);
    expect(frames(pages[0]!).map((f) => f.threadPos)).toEqual([0, 1]);
  });

  it('a thread cannot link a frame to itself, nor from a frame without a story', () => {
    const p = feature('page-1', 1);
    const [top, low] = frames(p) as [Block, Block];
    expect(linkAfter([p], ref(p, top), ref(p, low))).toBeNull();
    const pages = placeStory([p], ref(p, top), 's');
    expect(linkAfter(pages, ref(p, top), ref(p, top))).toBeNull();
  });

  it('links across pages, inserts in the middle, moves and unthreads; places stay dense', () => {
    const a = feature('page-1', 1), b = feature('page-2', 2);
    const [a1, a2] = frames(a) as [Block, Block];
    const [b1] = frames(b) as [Block];
    let pages = placeStory([a, b], ref(a, a1), 's');
    pages = linkAfter(pages, ref(a, a1), ref(b, b1))!;
    pages = linkAfter(pages, ref(a, a1), ref(a, a2))!; // a2 goes in between
    expect(order(pages, 's')).toEqual([a1.id, a2.id, b1.id]);
    expect(pages.flatMap((p) => frames(p).map((f) => f.threadPos))).toEqual([0, 1, 2, undefined]);
    pages = moveInThread(pages, ref(b, b1), 1);
    expect(order(pages, 's')).toEqual([b1.id, a1.id, a2.id]);
    // Reordering the pages leaves the thread as linked.
    expect(order([pages[1]!, pages[0]!], 's')).toEqual([b1.id, a1.id, a2.id]);
    pages = unlinkAfter(pages, ref(a, a1));
    expect(order(pages, 's')).toEqual([b1.id, a1.id]);
    expect(pages[0]!.blocks.find((x) => x.id === a2.id)!.storyId).toBeUndefined();
  });

  it('a frame given another story leaves its old thread, which closes up', () => {
    const p = feature('page-1', 1);
    const [top, low] = frames(p) as [Block, Block];
    let pages = placeStory([p], ref(p, top), 's');
    pages = linkAfter(pages, ref(p, top), ref(p, low))!;
    pages = placeStory(pages, ref(p, top), 't');
    expect(order(pages, 's')).toEqual([low.id]);
    expect(frames(pages[0]!).map((f) => [f.storyId, f.threadPos])).toEqual([['t', 0], ['s', 0]]);
  });
});

describe('lifting old pages', () => {
  it('keeps today\'s order (page by page, then per-page thread, else index) as explicit places, and numbers by the order', () => {
    const a = feature('page-1', 7), b = feature('page-2', 1);
    const [a1, a2] = frames(a) as [Block, Block];
    const [b1] = frames(b) as [Block];
    // The file: top frame unset (its index orders it), lower frame thread 1.
    const old = [
      { ...a, blocks: a.blocks.map((x) => (x.id === a1.id ? { ...x, storyId: 's' } : x.id === a2.id ? { ...x, storyId: 's', thread: 1 } : x)) },
      { ...b, blocks: b.blocks.map((x) => (x.id === b1.id ? { ...x, storyId: 's', thread: 0 } : x)) },
    ];
    const lifted = liftPages(old);
    expect(lifted.map((p) => p.number)).toEqual([1, 2]);
    // Today's engine ordered the lower frame (thread 1) before the top one (index 4): kept, now written down.
    expect(order(lifted, 's')).toEqual([a2.id, a1.id, b1.id]);
    expect(lifted.flatMap((p) => p.blocks.filter((x) => x.storyId).map((x) => [x.threadPos, x.thread]))).toEqual([[1, undefined], [0, undefined], [2, undefined]]);
    // Lifting twice changes nothing.
    expect(liftPages(lifted)).toEqual(lifted);
  });
  it('closes gaps left by a deleted page', () => {
    const a = feature('page-1', 1);
    const [a1] = frames(a) as [Block];
    const lifted = liftPages([{ ...a, blocks: a.blocks.map((x) => (x.id === a1.id ? { ...x, storyId: 's', threadPos: 3 } : x)) }]);
    expect(frames(lifted[0]!)[0]!.threadPos).toBe(0);
  });
});
