import type { Block, Edition, Page, Story } from '../../../../../shared/document/schema';
import { flowContent, type FlowPara } from '../../../../../shared/layout/flow-content';
import type { FrameFit, PageReport, PlacedPhoto } from '../../../../../shared/layout/report';
import { flowThread, type FlowOptions, type ThreadFrame } from './flow-dom';
import { shownText } from './block-text';

// Lays out one page's story threads and reports what the page holds: copyfit per frame,
// each photo's placed size and crop (for effective ppi), and blocks that show nothing.

const PX_PER_MM = 96 / 25.4;
export const COLUMN_GAP_MM = 4;

/** A story's copy for a page language; the English page falls back to the Chinese. */
export function storyContent(story: Story | undefined, lang: 'zh' | 'en'): FlowPara[] {
  if (!story) return [];
  const state = lang === 'en' ? story.en ?? story.zh : story.zh;
  return flowContent(state, lang);
}

/** The frames of each story on the page, in thread order (续排). */
export function threadsOf(page: Page): Map<string, Block[]> {
  const out = new Map<string, Block[]>();
  page.blocks.forEach((b) => {
    if (b.kind !== 'story' || !b.storyId) return;
    const list = out.get(b.storyId) ?? [];
    list.push(b);
    out.set(b.storyId, list);
  });
  for (const list of out.values()) {
    const index = new Map(list.map((b, i) => [b.id, i]));
    list.sort((a, b) => (a.thread ?? index.get(a.id)!) - (b.thread ?? index.get(b.id)!) || index.get(a.id)! - index.get(b.id)!);
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

export function flowPage(sheet: HTMLElement, page: Page, edition: Edition, stories: Record<string, Story>, lang: 'zh' | 'en', opts: FlowOptions, scale = 1): PageReport {
  const frames: FrameFit[] = [];
  const empty: string[] = [];
  const el = (id: string) => sheet.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(id)}"]`);
  for (const [storyId, blocks] of threadsOf(page)) {
    const thread: ThreadFrame[] = [];
    const ids: string[] = [];
    for (const b of blocks) {
      const frame = el(b.id);
      const box = frame?.querySelector<HTMLElement>('.story-box');
      if (!frame || !box) continue;
      thread.push({ frame, box, cols: b.cols ?? b.span, gapPx: COLUMN_GAP_MM * PX_PER_MM });
      ids.push(b.id);
    }
    const results = flowThread(thread, storyContent(stories[storyId], lang), opts, scale);
    results.forEach((r, i) => {
      const blockId = ids[i]!;
      el(blockId)?.setAttribute('data-fit', r.status);
      frames.push({ blockId, storyId, threadIndex: i, last: i === results.length - 1, status: r.status, overChars: r.overChars, lines: r.lines });
      if (r.status === 'empty') empty.push(blockId);
    });
  }
  const untranslated: string[] = [];
  if (lang === 'en') {
    for (const b of page.blocks) {
      if (b.kind === 'story' && b.storyId && stories[b.storyId] && !stories[b.storyId]!.en) untranslated.push(b.id);
      else if (['kicker', 'label', 'headline', 'deck', 'caption', 'footer'].includes(b.kind) && b.text?.trim() && !b.textEn?.trim()) untranslated.push(b.id);
    }
  }
  const photos: PlacedPhoto[] = [];
  for (const b of page.blocks) {
    if (b.kind === 'story' && !b.storyId) empty.push(b.id);
    else if (b.kind === 'photo') {
      const e = el(b.id);
      const placed = e && placedPhoto(e, b, edition);
      if (placed) photos.push(placed); else empty.push(b.id);
    } else if (['masthead', 'kicker', 'label', 'headline', 'deck', 'caption', 'footer'].includes(b.kind)) {
      const t = shownText(b, lang);
      if (!t.zh && !t.en) empty.push(b.id);
    } else if (b.kind === 'credits' && !(b.credits ?? []).length) empty.push(b.id);
  }
  return { id: page.id, number: page.number, frames, photos, emptyBlocks: empty, ...(untranslated.length ? { untranslated } : {}) };
}

/** Every distinct character drawn on the sheets, for the missing-glyph check. */
export function drawnChars(sheets: HTMLElement[]): string {
  const set = new Set<string>();
  for (const s of sheets) for (const ch of s.textContent ?? '') set.add(ch);
  return [...set].join('');
}
