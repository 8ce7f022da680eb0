import { useCallback, useMemo } from 'react';
import type { Block, Edition, Page, Story } from '../../../../../shared/document/schema';
import { clampBlock, columnWidthMm } from '../../../../../shared/layout/geometry';
import { emptyFrame, linkAfter, moveInThread, nextFrame, placeStory, threadPlace, unlinkAfter, type FrameRef } from '../../../../../shared/layout/threads';
import { adoptStoryParts } from '../../../../../shared/layout/story-parts';
import { call } from '../../../api/client';
import { useI18n } from '../../../i18n';
import type { ThreadUi } from './ThreadPort';
import type { StoryDropAt } from './story-drop';

// The composer's thread and story-placement edits, over the whole edition: a thread may
// run through frames on other pages, so every edit is computed on all pages at once
// (shared/layout/threads.ts) and split: this page goes through the composer's history
// and save, other pages that changed are saved together (page:put-many).

interface Args {
  editionRef: string;
  edition: Edition;
  page: Page;
  allPages: Page[];
  stories: Record<string, Story>;
  setStories(f: (s: Record<string, Story>) => Record<string, Story>): void;
  change(p: Page): void;
  onOtherPages(pages: Page[]): void;
  threading: FrameRef | null;
  onThreading(r: FrameRef | null): void;
  newId(kind: string): string;
  select(id: string | null): void;
  onError(e: unknown): void;
}

export function useThreads(a: Args) {
  const { t } = useI18n();
  const { page, allPages } = a;
  const pages = useMemo(() => allPages.map((p) => (p.id === page.id ? page : p)), [allPages, page]);
  const ref = useCallback((b: Block): FrameRef => ({ pageId: page.id, blockId: b.id }), [page.id]);
  const placeholders = [t('block.kicker'), t('block.headline'), t('block.deck')];

  const apply = (next: Page[], curOverride?: Page) => {
    const cur = curOverride ?? next.find((p) => p.id === page.id);
    if (cur && cur !== page) a.change(cur);
    const others = next.filter((p) => p.id !== page.id && p !== allPages.find((o) => o.id === p.id));
    if (others.length) a.onOtherPages(others);
  };

  const storyFor = async (id: string): Promise<Story | undefined> => {
    if (a.stories[id]) return a.stories[id];
    try {
      const s = await call('story:get', { edition: a.editionRef, storyId: id });
      a.setStories((m) => ({ ...m, [s.id]: s }));
      return s;
    } catch (e) { a.onError(e); return undefined; }
  };

  /** Puts a story into a frame of this page; the page's placeholder kicker/headline/deck take its parts. */
  const placeIn = async (blockId: string, storyId: string | undefined) => {
    if (!storyId) { apply(emptyFrame(pages, { pageId: page.id, blockId })); return; }
    const story = await storyFor(storyId);
    const next = placeStory(pages, { pageId: page.id, blockId }, storyId);
    const cur = next.find((p) => p.id === page.id)!;
    apply(next, adoptStoryParts(cur, story, placeholders));
  };

  const dropStory = async (storyId: string, at: StoryDropAt) => {
    if ('blockId' in at) { await placeIn(at.blockId, storyId); a.select(at.blockId); return; }
    // Empty page: a new frame at the point, on whole columns, 3 columns wide.
    const { grid } = page;
    const pitch = columnWidthMm(grid, a.edition.pageSize.widthMm) + grid.gutterMm;
    const col = Math.max(0, Math.min(grid.columns - 1, Math.floor((at.xMm - grid.margins.left) / pitch)));
    const b: Block = clampBlock(grid, a.edition.pageSize, {
      id: a.newId('story'), kind: 'story' as const, col, span: Math.min(3, grid.columns - col), yMm: Math.max(0, Math.round(at.yMm - grid.margins.top)), hMm: 100, lang: 'zh' as const,
    });
    const story = await storyFor(storyId);
    const withFrame = pages.map((p) => (p.id === page.id ? { ...page, blocks: [...page.blocks, b] } : p));
    const next = placeStory(withFrame, { pageId: page.id, blockId: b.id }, storyId);
    apply(next, adoptStoryParts(next.find((p) => p.id === page.id)!, story, placeholders));
    a.select(b.id);
  };

  /** 续排到新框: a new frame below the selected one, next in its thread. */
  const threadIntoNew = (b: Block) => {
    const below = clampBlock(page.grid, a.edition.pageSize, { ...b, id: a.newId('story'), yMm: b.yMm + b.hMm + 4, hMm: Math.min(b.hMm, 80) });
    const { storyId: _s, threadPos: _p, ...empty } = below;
    const withFrame = pages.map((p) => (p.id === page.id ? { ...page, blocks: [...page.blocks, empty] } : p));
    const next = linkAfter(withFrame, ref(b), { pageId: page.id, blockId: below.id });
    if (next) { apply(next); a.select(below.id); }
  };

  const onTarget = (b: Block) => {
    const from = a.threading;
    if (!from) return;
    const next = linkAfter(pages, from, ref(b));
    a.onThreading(null);
    if (next) { apply(next); a.select(b.id); }
  };

  const threadUi: ThreadUi = {
    place: (b) => threadPlace(pages, ref(b)),
    hasNext: (b) => !!nextFrame(pages, ref(b)),
    source: a.threading?.pageId === page.id ? a.threading.blockId : null,
    active: !!a.threading,
    onPort: (b) => a.onThreading(ref(b)),
    onUnthread: (b) => apply(unlinkAfter(pages, ref(b))),
    onCancel: () => a.onThreading(null),
  };

  /** Every other story frame of the edition, for the inspector's keyboard way to thread (续排到). */
  const linkTargets = (b: Block) => pages.flatMap((p, pi) => p.blocks.filter((x) => x.kind === 'story').flatMap((x, k) => (
    p.id === page.id && x.id === b.id ? [] : [{ pageId: p.id, blockId: x.id, label: t('compose.frameLabel', { page: pi + 1, k: k + 1, state: x.storyId ? '' : t('compose.frameEmpty') }) }]
  )));
  const linkTo = (b: Block, to: FrameRef) => {
    const next = linkAfter(pages, ref(b), to);
    if (next) apply(next);
  };

  return {
    pages, threadUi, onTarget, placeIn, dropStory, threadIntoNew, linkTargets, linkTo,
    moveTo: (b: Block, place: number) => apply(moveInThread(pages, ref(b), place)),
    placeOf: (b: Block) => threadPlace(pages, ref(b)),
  };
}
