import { describe, expect, it } from 'vitest';
import { PAGE_PRESETS, SCHEMA_VERSION, type Edition, type Page, type Photo } from '../../shared/document/schema';
import { effectivePpi, missingGlyphs, preflight, type GlyphCoverage } from '../../shared/layout/preflight';
import { preflightMessage } from '../../shared/layout/preflight-messages';
import type { PageReport, PrintReport } from '../../shared/layout/report';

// The preflight is pure: a report as the print route would give it, an edition, and the
// coverage table; every finding checked with its numbers and both languages' sentences.

const photo = (id: string, width: number, height: number, meta: Partial<Photo['meta']> = {}): Photo => ({
  id,
  asset: { file: `assets/${id}.jpg`, sha256: 'a'.repeat(64), width, height, bytes: 1000 },
  meta: {
    caption: { zh: '沁源县城一角', en: 'A corner of Qinyuan' }, headline: '', creator: '张三', credit: '', source: '', copyright: '',
    dateCreated: '', location: { city: '', sublocation: '' }, keywords: [], ...meta,
  },
});

const edition = (photos: Photo[]): Edition => ({
  schemaVersion: SCHEMA_VERSION, id: 'e', title: 'T', paper: 'P', paperEn: '', issueDate: '2026-02-26',
  pageSize: PAGE_PRESETS.broadsheet, pages: ['p1'], photos,
});

const page: Page = {
  id: 'p1', name: '一版', number: 1,
  grid: { columns: 8, gutterMm: 4, margins: { top: 18, right: 15, bottom: 18, left: 15 } },
  blocks: [
    { id: 'b-story', kind: 'story', col: 0, span: 8, yMm: 0, hMm: 100, lang: 'zh', storyId: 's1' },
    { id: 'b-photo', kind: 'photo', col: 0, span: 2, yMm: 100, hMm: 46, lang: 'zh', photoId: 'ph1' },
    { id: 'b-empty', kind: 'photo', col: 2, span: 2, yMm: 100, hMm: 46, lang: 'zh' },
  ],
};

const COVERAGE: GlyphCoverage = { 'Noto Serif SC': [[32, 126], [0x4e00, 0x9fff]], 'Noto Sans SC': [[0x3000, 0x303f]], 'LXGW WenKai': [[0xff01, 0xff5e]] };

function report(p: Partial<PageReport>, chars = '沁源', lang: 'zh' | 'en' = 'zh'): PrintReport {
  return {
    pageSizeMm: { width: 390, height: 545 }, bleedMm: 0, lang, chars,
    pages: [{ id: 'p1', number: 1, frames: [], photos: [], emptyBlocks: [], ...p }],
  };
}

describe('preflight', () => {
  it('finds nothing on a clean page', () => {
    const r = report({ frames: [{ blockId: 'b-story', storyId: 's1', threadIndex: 0, last: true, status: 'fit', overChars: 0, lines: 0 }] });
    expect(preflight({ edition: edition([]), pages: [page], report: r, coverage: COVERAGE })).toEqual([]);
  });

  it('reports an overset thread on its last frame only, as an error with its counts', () => {
    const r = report({ frames: [
      { blockId: 'a', storyId: 's1', threadIndex: 0, last: false, status: 'over', overChars: 99, lines: 9 },
      { blockId: 'b-story', storyId: 's1', threadIndex: 1, last: true, status: 'over', overChars: 120, lines: 4 },
    ] });
    const f = preflight({ edition: edition([]), pages: [page], report: r, coverage: COVERAGE });
    expect(f).toEqual([{ id: 'overset', severity: 'error', pageId: 'p1', blockId: 'b-story', params: { page: 1, story: 's1', over: 120, lines: 4 } }]);
    expect(preflightMessage(f[0]!, 'zh-CN')).toBe('第 1 版：稿件超出文本框，超 120 字 / 4 行。');
    expect(preflightMessage(f[0]!, 'en')).toBe('Page 1: the story is overset by 120 characters / 4 lines.');
  });

  it('computes effective ppi from visible pixels over placed inches, the lower axis counting', () => {
    // 2000 px over 50.8 mm (2 in) = 1000 ppi; half visible → 500.
    expect(effectivePpi({ width: 2000, height: 1000 }, { widthMm: 50.8, heightMm: 25.4, visibleW: 0.5, visibleH: 1 })).toBe(500);
    expect(effectivePpi({ width: 2000, height: 1000 }, { widthMm: 50.8, heightMm: 25.4, visibleW: 1, visibleH: 0.1 })).toBeCloseTo(100);
  });

  it('warns below 200 ppi, not at 200', () => {
    const at = (px: number) => preflight({
      edition: edition([photo('ph1', px, px)]), pages: [page], coverage: COVERAGE,
      report: report({ photos: [{ blockId: 'b-photo', photoId: 'ph1', widthMm: 25.4 * 4, heightMm: 25.4 * 4, visibleW: 1, visibleH: 1 }] }),
    });
    expect(at(800)).toEqual([]);
    const low = at(796);
    expect(low).toEqual([{ id: 'low-ppi', severity: 'warning', pageId: 'p1', blockId: 'b-photo', params: { page: 1, photo: 'ph1.jpg', photoId: 'ph1', ppi: 199 } }]);
    expect(preflightMessage(low[0]!, 'zh-CN')).toContain('199 ppi');
  });

  it('wants a caption in the page language and a creator or credit line', () => {
    const placed = { photos: [{ blockId: 'b-photo', photoId: 'ph1', widthMm: 10, heightMm: 10, visibleW: 1, visibleH: 1 }] };
    const noEn = edition([photo('ph1', 4000, 4000, { caption: { zh: '有说明', en: ' ' }, creator: '', credit: '' })]);
    const zh = preflight({ edition: noEn, pages: [page], report: report(placed), coverage: COVERAGE });
    expect(zh.map((f) => f.id)).toEqual(['no-credit']);
    const en = preflight({ edition: noEn, pages: [page], report: report(placed, 'A', 'en'), coverage: COVERAGE });
    expect(en.map((f) => f.id)).toEqual(['no-caption', 'no-credit']);
    expect(preflightMessage(en[0]!, 'zh-CN')).toBe('第 1 版：图片「ph1.jpg」没有英文图片说明。');
    expect(preflightMessage(en[0]!, 'en')).toBe('Page 1: photo "ph1.jpg" has no English caption.');
    const credited = edition([photo('ph1', 4000, 4000, { creator: '', credit: '新华社' })]);
    expect(preflight({ edition: credited, pages: [page], report: report(placed), coverage: COVERAGE })).toEqual([]);
  });

  it('names the kind of an empty frame; an empty photo frame is an error, an empty credits block a warning', () => {
    const withEmpty: Page = { ...page, blocks: [...page.blocks,
      { id: 'b-cr', kind: 'credits', col: 6, span: 2, yMm: 150, hMm: 30, lang: 'zh', credits: [] },
      { id: 'b-frame', kind: 'story', col: 0, span: 4, yMm: 200, hMm: 30, lang: 'zh' },
    ] };
    const f = preflight({ edition: edition([]), pages: [withEmpty], report: report({ emptyBlocks: ['b-empty', 'b-cr', 'b-frame'] }), coverage: COVERAGE });
    expect(f).toEqual([
      { id: 'photo-empty', severity: 'error', pageId: 'p1', blockId: 'b-empty', params: { page: 1 } },
      { id: 'credits-empty', severity: 'warning', pageId: 'p1', blockId: 'b-cr', params: { page: 1 } },
      { id: 'empty-frame', severity: 'warning', pageId: 'p1', blockId: 'b-frame', params: { page: 1, kind: 'story' } },
    ]);
    expect(preflightMessage(f[0]!, 'zh-CN')).toBe('第 1 版：图片框没有图片，印出来是空框。');
    expect(preflightMessage(f[0]!, 'en')).toBe('Page 1: a photo frame has no photo and would print empty.');
    expect(preflightMessage(f[1]!, 'zh-CN')).toBe('第 1 版：署名框是空的（策划、文字、图片、版式）。');
    expect(preflightMessage(f[2]!, 'zh-CN')).toBe('第 1 版：正文框是空的。');
    expect(preflightMessage(f[2]!, 'en')).toBe('Page 1: a story frame is empty.');
  });

  it('warns of a thread short by more than 3 lines (差 N 行 > 3), on its last frame; the limit can be set', () => {
    const short = (lines: number, last = true) => ({ blockId: 'b-story', storyId: 's1', threadIndex: 0, last, status: 'short' as const, overChars: 0, lines });
    const run = (lines: number, undersetLines?: number, last = true) =>
      preflight({ edition: edition([]), pages: [page], report: report({ frames: [short(lines, last)] }), coverage: COVERAGE, ...(undersetLines !== undefined ? { undersetLines } : {}) });
    expect(run(3)).toEqual([]);
    expect(run(9, undefined, false)).toEqual([]);
    const f = run(4);
    expect(f).toEqual([{ id: 'underset', severity: 'warning', pageId: 'p1', blockId: 'b-story', params: { page: 1, story: 's1', lines: 4, limit: 3 } }]);
    expect(preflightMessage(f[0]!, 'zh-CN')).toBe('第 1 版：稿件差 4 行，文本框底部留白（超过 3 行）。');
    expect(preflightMessage(f[0]!, 'en')).toBe('Page 1: the story is 4 lines short, leaving white at the foot of its frame (more than 3).');
    expect(run(2, 1).map((x) => x.id)).toEqual(['underset']);
  });

  it('stops template placeholder words as an error, naming the block and the words', () => {
    const withHead: Page = { ...page, blocks: [...page.blocks, { id: 'b-head', kind: 'headline', col: 0, span: 8, yMm: 0, hMm: 20, lang: 'zh', text: '主标题' }] };
    const f = preflight({ edition: edition([]), pages: [withHead], report: report({ placeholders: [{ blockId: 'b-head', text: '主标题' }] }), coverage: COVERAGE });
    expect(f).toEqual([{ id: 'placeholder', severity: 'error', pageId: 'p1', blockId: 'b-head', params: { page: 1, kind: 'headline', text: '主标题' } }]);
    expect(preflightMessage(f[0]!, 'zh-CN')).toBe('第 1 版：标题仍是模板占位文字「主标题」。');
    expect(preflightMessage(f[0]!, 'en')).toBe('Page 1: the headline still shows the template\'s placeholder "主标题".');
  });

  it('warns where the English version of a page still shows Chinese', () => {
    const f = preflight({ edition: edition([]), pages: [page], report: report({ untranslated: ['b-story'] }, 'abc', 'en'), coverage: COVERAGE });
    expect(f).toEqual([{ id: 'untranslated', severity: 'warning', pageId: 'p1', blockId: 'b-story', params: { page: 1, kind: 'story' } }]);
    expect(preflightMessage(f[0]!, 'zh-CN')).toBe('第 1 版英文版：正文框没有英文，仍显示中文。');
    expect(preflightMessage(f[0]!, 'en')).toBe('Page 1, English version: a story frame has no English and shows the Chinese.');
  });

  it('lists characters no bundled family covers, ignoring whitespace and invisible controls', () => {
    // 𠀀 (U+20000, CJK Ext. B) and ☃ are outside the table; spaces, tab, NBSP, ZWSP, BOM are not glyphs.
    expect(missingGlyphs('沁源 \t\n\u00a0\u200b\ufeff。！☃𠀀☃A', COVERAGE)).toEqual(['☃', '𠀀']);
    const f = preflight({ edition: edition([]), pages: [page], report: report({}, '沁☃𠀀'), coverage: COVERAGE });
    expect(f).toEqual([{ id: 'missing-glyph', severity: 'error', params: { count: 2, chars: '☃ (U+2603) 𠀀 (U+20000)' } }]);
    expect(preflightMessage(f[0]!, 'zh-CN')).toBe('内置字体缺少 2 个字符：☃ (U+2603) 𠀀 (U+20000)');
  });

  it('merges ranges across families (a char covered by any family counts)', () => {
    expect(missingGlyphs('。！', COVERAGE)).toEqual([]);
    expect(missingGlyphs('ab', { A: [[97, 97]], B: [[98, 98]] })).toEqual([]);
  });

  it('counts open proofreading findings when given', () => {
    const r = report({});
    expect(preflight({ edition: edition([]), pages: [page], report: r, coverage: COVERAGE, openProofFindings: 0 })).toEqual([]);
    const f = preflight({ edition: edition([]), pages: [page], report: r, coverage: COVERAGE, openProofFindings: 3 });
    expect(f).toEqual([{ id: 'proof-open', severity: 'warning', params: { count: 3 } }]);
    expect(preflightMessage(f[0]!, 'en')).toBe('3 proofreading findings are still open.');
  });
});
