import type { Block, Edition, Page, Story } from '../../../../../shared/document/schema';
import { flowContent, type FlowPara } from '../../../../../shared/layout/flow-content';
import { placeholderShown } from '../../../../../shared/layout/placeholder';
import type { FrameFit, PageReport, PlacedPhoto } from '../../../../../shared/layout/report';
import { flowThread, type FlowOptions, type ThreadFrame } from './flow-dom';
import { headContext, shownText } from './block-text';
import { threadsOf, type PlacedFrame } from '../../../../../shared/layout/threads';
import { shownParts, type StoryPart } from '../../../../../shared/layout/story-parts';

// Lays out one page's story threads and reports what the page holds: copyfit per frame,
// each photo's placed size and crop (for effective ppi), and blocks that show nothing.

const PX_PER_MM = 96 / 25.4;
export const COLUMN_GAP_MM = 4;

/** A story's copy for a page language; the English page falls back to the Chinese. `skip`: parts shown by blocks elsewhere on the page. */
export function storyContent(story: Story | undefined, lang: 'zh' | 'en', skip?: ReadonlySet<StoryPart>): FlowPara[] {
  if (!story) return [];
  const state = lang === 'en' ? story.en ?? story.zh : story.zh;
  const content = flowContent(state, lang);
  return skip?.size ? content.filter((p) => !(skip as ReadonlySet<string>).has(p.kind)) : content;
}

export { threadsOf, type PlacedFrame };

/** Where a frame's thread comes from or goes on to on another page: the pages' numbers, for the jump lines. */
export interface Jump { next?: number; prev?: number }

export function jumpsOf(pages: Page[]): Map<string, Jump> {
  const out = new Map<string, Jump>();
  for (const frames of threadsOf(pages).values()) {
    frames.forEach((f, i) => {
      const next = frames[i + 1]?.page, prev = frames[i - 1]?.page;
      const j: Jump = {
        ...(next && next.id !== f.page.id ? { next: next.number } : {}),
        ...(prev && prev.id !== f.page.id ? { prev: prev.number } : {}),
      };
      if (j.next || j.prev) out.set(f.block.id, j);
    });
  }
  return out;
}

function placedPhoto(el: HTMLElement, b: Block, edition: Edition): PlacedPhoto | null {
  const p = edition.photos.find((ph) => ph.id === b.photoId);
  const box = el.querySelector<HTMLElement>('.ph-box');
  if (!p || !box) return null;
  const w = box.offsetWidth, h = box.offsetHeight;
  if (w === 0 || h === 0) return null;
  const img = p.asset.width / p.asset.height, frame = w / h;
  const zoom = b.zoom ?? 1;
  return {
    blockId: b.id, photoId: p.id,
    widthMm: w / PX_PER_MM, heightMm: h / PX_PER_MM,
    visibleW: (img > frame ? frame / img : 1) / zoom,
    visibleH: (img > frame ? 1 : img / frame) / zoom,
  };
}

/** The story threads of `pages` (in edition order), set across all their frames. */
export function flowThreads(
  sheets: ReadonlyMap<string, HTMLElement>, pages: Page[], stories: Record<string, Story>, lang: 'zh' | 'en', opts: FlowOptions, scale = 1,
  only?: ReadonlySet<string>,
): Map<string, FrameFit[]> {
  const byPage = new Map<string, FrameFit[]>(pages.map((p) => [p.id, []]));
  const parts = shownParts(pages);
  for (const [storyId, placed] of threadsOf(pages)) {
    if (only && !only.has(storyId)) continue;
    const thread: ThreadFrame[] = [];
    const at: PlacedFrame[] = [];
    for (const f of placed) {
      const frame = sheets.get(f.page.id)?.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(f.block.id)}"]`);
      const box = frame?.querySelector<HTMLElement>('.story-box');
      if (!frame || !box) continue;
      thread.push({ frame, box, cols: f.block.cols ?? f.block.span, gapPx: COLUMN_GAP_MM * PX_PER_MM });
      at.push(f);
    }
    const results = flowThread(thread, storyContent(stories[storyId], lang, parts.get(storyId)), opts, scale);
    results.forEach((r, i) => {
      const { page, block } = at[i]!;
      const next = at[i + 1]?.page;
      const prev = at[i - 1]?.page;
      thread[i]!.frame.setAttribute('data-fit', r.status);
      byPage.get(page.id)!.push({
        blockId: block.id, storyId, threadIndex: i, last: i === results.length - 1, status: r.status, overChars: r.overChars, lines: r.lines,
        ...(next && next.id !== page.id ? { nextPage: next.number } : {}),
        ...(prev && prev.id !== page.id ? { prevPage: prev.number } : {}),
      });
    });
  }
  return byPage;
}

/** Everything but the copyfit: photos as placed, empty blocks, Chinese left on an English page. */
export function pageReport(sheet: HTMLElement, page: Page, edition: Edition, stories: Record<string, Story>, lang: 'zh' | 'en', frames: FrameFit[]): PageReport {
  const empty = frames.filter((f) => f.status === 'empty').map((f) => f.blockId);
  const el = (id: string) => sheet.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(id)}"]`);
  const untranslated: string[] = [];
  if (lang === 'en') {
    for (const b of page.blocks) {
      if (b.kind === 'story' && b.storyId && stories[b.storyId] && !stories[b.storyId]!.en) untranslated.push(b.id);
      else if (['kicker', 'label', 'headline', 'deck', 'caption', 'footer'].includes(b.kind) && b.text?.trim() && !b.textEn?.trim()) untranslated.push(b.id);
    }
  }
  const photos: PlacedPhoto[] = [];
  const placeholders: { blockId: string; text: string }[] = [];
  for (const b of page.blocks) {
    if (b.kind === 'story' && !b.storyId) empty.push(b.id);
    else if (b.kind === 'photo') {
      const e = el(b.id);
      const placed = e && placedPhoto(e, b, edition);
      if (placed) photos.push(placed); else empty.push(b.id);
    } else if (['masthead', 'kicker', 'label', 'headline', 'deck', 'caption', 'footer'].includes(b.kind)) {
      const t = shownText(b, lang, { heads: headContext(edition, page), stories });
      if (!t.zh && !t.en) empty.push(b.id);
      const words = placeholderShown(b, [t.zh, t.en]);
      if (words) placeholders.push({ blockId: b.id, text: words });
    } else if (b.kind === 'credits' && !(b.credits ?? []).length) empty.push(b.id);
  }
  return {
    id: page.id, number: page.number, frames, photos, emptyBlocks: empty,
    ...(untranslated.length ? { untranslated } : {}), ...(placeholders.length ? { placeholders } : {}),
  };
}

/** Every distinct character drawn on the sheets, for the missing-glyph check. */
export function drawnChars(sheets: HTMLElement[]): string {
  const set = new Set<string>();
  for (const s of sheets) for (const ch of s.textContent ?? '') set.add(ch);
  return [...set].join('');
}
