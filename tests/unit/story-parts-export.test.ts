import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { paragraph, rootState, textNode } from '../../shared/document/lexical-state';
import { PAGE_PRESETS, SCHEMA_VERSION, type Edition, type Page, type Story } from '../../shared/document/schema';
import { webArticleHtml } from '../../shared/export/html';
import { readEdition, readPages } from '../../electron/services/edition-store';
import { writeSampleEdition } from '../../electron/services/sample';
import { RESOURCES, tempDir } from './helpers';

// Story parts and running heads reach every output, not only the composer: the web
// article shows the story's headline in the headline block (once, not again in the copy)
// and fills 第{page}版; an old page file on disk is lifted to explicit thread places.

const node = (type: string, text: string) => ({ ...paragraph([textNode(text)]), type });
const story: Story = {
  id: 's1', title: '稿', updatedAt: '',
  zh: rootState([node('kicker', '聚焦两会'), node('headline', '稿件的主标题'), node('deck', '稿件的副题'), paragraph([textNode('正文第一段。')])]),
  en: null,
};
const edition: Edition = {
  schemaVersion: SCHEMA_VERSION, id: 'demo', title: '沁源两会特刊', paper: '长治日报', paperEn: '', issueDate: '2026-03-05',
  pageSize: PAGE_PRESETS.broadsheet, pages: ['p1', 'p2'], photos: [],
};
const page: Page = {
  id: 'p2', name: '二版', number: 2, grid: { columns: 8, gutterMm: 4, margins: { top: 18, right: 15, bottom: 18, left: 15 } },
  blocks: [
    { id: 'hd', kind: 'footer', col: 0, span: 8, yMm: 0, hMm: 10, lang: 'zh', text: '{edition}　{date}　第{page}版' },
    { id: 'hl', kind: 'headline', col: 0, span: 8, yMm: 20, hMm: 26, lang: 'zh', storyId: 's1', fromStory: true },
    { id: 'dk', kind: 'deck', col: 0, span: 8, yMm: 50, hMm: 14, lang: 'zh', storyId: 's1', fromStory: true },
    { id: 'st', kind: 'story', col: 0, span: 8, yMm: 74, hMm: 300, lang: 'zh', storyId: 's1', threadPos: 0 },
  ],
};

describe('story parts and running heads in the web article', () => {
  it('sets the story\'s kicker, headline and deck once, above the copy, and fills the variables', () => {
    const html = webArticleHtml({ lang: 'zh', edition, page, stories: { s1: story }, images: {} });
    expect(html).toContain('<h1>稿件的主标题</h1>');
    expect(html).toContain('<p class="deck">稿件的副题</p>');
    expect(html).toContain('<p class="kicker">聚焦两会</p>');
    const body = html.slice(html.indexOf('<article'));
    for (const s of ['稿件的主标题', '稿件的副题', '聚焦两会']) expect(body.split(s)).toHaveLength(2);
    expect(html).toContain('正文第一段。');
    expect(html).toContain('沁源两会特刊　2026年3月5日　第2版');
    expect(html).not.toContain('{page}');
  });
});

describe('old page files on disk', () => {
  it('a page written with the per-page `thread` number is read with explicit places in today\'s order', async () => {
    const dir = join(await tempDir('lift'), 'x.edition');
    await writeSampleEdition(RESOURCES, dir);
    const ed = await readEdition(dir);
    const [p26] = await readPages(dir, ed);
    const frame = p26!.blocks.find((b) => b.kind === 'story')!;
    // The issue's file: a second frame of the same story with thread 1, the first with none.
    const legacy = { ...p26!, number: 9, blocks: [...p26!.blocks.map((b) => (b.id === frame.id ? { ...b, threadPos: undefined } : b)), { ...frame, id: 'page-2026-story-99', yMm: 400, hMm: 50, threadPos: undefined, thread: 1 }] };
    await writeFile(join(dir, 'pages', 'page-2026.json'), JSON.stringify(legacy));
    const [read] = await readPages(dir, ed);
    expect(read!.number).toBe(1);
    const frames = read!.blocks.filter((b) => b.kind === 'story' && b.storyId === frame.storyId);
    expect(frames.every((b) => b.thread === undefined)).toBe(true);
    // Today's engine: the unset frame is ordered by its index on the page (after thread 1), and that is kept.
    expect(frames.map((b) => [b.id, b.threadPos])).toEqual([[frame.id, 1], ['page-2026-story-99', 0]]);
  });
});
