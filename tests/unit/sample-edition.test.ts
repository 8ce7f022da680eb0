import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSample } from '../../electron/services/sample';
import type { EditionBundle } from '../../shared/document/sample-edition';
import { FACTS_2025, QUOTE_2025 } from '../../shared/document/sample-pages';
import { mastheadDate } from '../../renderer/src/features/pages/layout/block-text';
import { Edition, Page, Story, type Block } from '../../shared/document/schema';
import { FORMAT, stateText, type SerializedNode } from '../../shared/document/lexical-state';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { RESOURCES, SEEDS_DIR, squash } from './helpers';

// The sample edition is built from the two seed pages. Whatever a seed says (every
// heading, paragraph and caption) must end up somewhere in the edition: on the page,
// in the story, or as a photo caption. The seed is read here with a reader of its own,
// not with the parser under test.

const SEED_2026 = '2026-qinyuan-lianghui.md';
const SEED_2025 = '2025-qinyuan-lianghui.md';

interface SeedUnit { kind: 'heading' | 'paragraph'; text: string }

function seedUnits(md: string): SeedUnit[] {
  const plain = (s: string) => s.replace(/\*\*/g, '').replace(/<\/?su[bp]>/g, '');
  const out: SeedUnit[] = [];
  let para: string[] = [];
  const flush = () => { if (para.length) out.push({ kind: 'paragraph', text: plain(para.join('\n')) }); para = []; };
  for (const line of md.split(/\r?\n/)) {
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) { flush(); out.push({ kind: 'heading', text: plain(h[1]!) }); }
    else if (line.trim() === '') flush();
    else para.push(line);
  }
  flush();
  return out;
}

function blockTexts(b: Block): string[] {
  const out = [b.text ?? '', b.textEn ?? ''];
  // A masthead draws the special's mark and its page's dateline beside the paper's name.
  if (b.kind === 'masthead') out.push('特刊', mastheadDate(b, bundle.edition, 'zh'));
  if (b.credits) out.push(b.credits.map((c) => `${c.role} / ${c.names.join(' ')}`).join('\n'));
  return out.filter((t) => t !== '');
}

function* walk(node: SerializedNode): Generator<SerializedNode> {
  yield node;
  for (const c of node.children ?? []) yield* walk(c);
}

let bundle: EditionBundle;
let seeds: Record<string, string>;

beforeAll(async () => {
  ({ bundle } = await buildSample(RESOURCES, new Date('2026-02-26T08:00:00Z')));
  seeds = {
    [SEED_2026]: await readFile(join(SEEDS_DIR, SEED_2026), 'utf8'),
    [SEED_2025]: await readFile(join(SEEDS_DIR, SEED_2025), 'utf8'),
  };
});

const page = (id: string) => bundle.pages.find((p) => p.id === id)!;
const story = (id: string) => bundle.stories.find((s) => s.id === id)!;

describe('sample edition built from the seeds', () => {
  it('is valid against the document schema', () => {
    expect(() => Edition.parse(bundle.edition)).not.toThrow();
    expect(bundle.pages.map((p) => p.id)).toEqual(bundle.edition.pages);
    for (const p of bundle.pages) expect(() => Page.parse(p)).not.toThrow();
    for (const s of bundle.stories) expect(() => Story.parse(s)).not.toThrow();
    expect(bundle.stories.map((s) => s.id).sort()).toEqual(['story-2025', 'story-2026']);
    for (const p of bundle.pages) {
      for (const b of p.blocks) {
        if (b.storyId) expect(bundle.stories.map((s) => s.id)).toContain(b.storyId);
        if (b.photoId) expect(bundle.edition.photos.map((ph) => ph.id)).toContain(b.photoId);
      }
    }
  });

  for (const [seedName, pageId, storyId] of [[SEED_2026, 'page-2026', 'story-2026'], [SEED_2025, 'page-2025', 'story-2025']] as const) {
    it(`keeps every heading, paragraph and caption of ${seedName}`, () => {
      const pageTexts = page(pageId).blocks.flatMap(blockTexts);
      const storyText = stateText(story(storyId).zh);
      const captions = page(pageId).blocks
        .filter((b) => b.kind === 'photo')
        .map((b) => bundle.edition.photos.find((p) => p.id === b.photoId)!.meta.caption.zh);
      const places = [...pageTexts, storyText, ...captions].map(squash);
      const units = seedUnits(seeds[seedName]!);
      expect(units.length).toBeGreaterThan(10);
      const missing = units.filter((u) => !places.some((p) => p.includes(squash(u.text))));
      expect(missing.map((u) => `${u.kind}: ${u.text.slice(0, 40)}`)).toEqual([]);
    });
  }

  it('sets the 2026 headline, its eight section heads and the PM2.5 subscript', () => {
    const p = page('page-2026');
    expect(p.blocks.filter((b) => b.kind === 'headline').map((b) => b.text)).toEqual(['谋好篇 布好局 履职尽责为人民']);
    // English headings for the page's 英文版 (resources/sample/english.json); every text block has one.
    expect(p.blocks.find((b) => b.kind === 'headline')?.textEn).toBe('Plan Well, Start Well, Serve the People');
    expect(p.blocks.filter((b) => b.text && !b.textEn).map((b) => b.text)).toEqual([]);

    const seedHeads = [...seeds[SEED_2026]!.matchAll(/^### (.*重实干、开新局)\s*$/gm)].map((m) => m[1]!.trim());
    expect(seedHeads).toHaveLength(8);
    const zh = story('story-2026').zh!;
    // The seed's ### heads are level-2 section heads in the story vocabulary.
    const h3 = zh.root.children.filter((n) => n.type === 'section-heading' && n.level === 2);
    expect(h3.map((n) => (n.children ?? []).map((c) => c.text).join(''))).toEqual(seedHeads);

    const nodes = zh.root.children.flatMap((n) => [...walk(n)]);
    const sub = nodes.filter((n) => n.type === 'text' && n.text === '2.5');
    expect(sub).toHaveLength(1);
    expect(Number(sub[0]!.format) & FORMAT.subscript).toBe(FORMAT.subscript);
    expect(nodes.some((n) => n.type === 'text' && n.text?.includes('<sub>'))).toBe(false);

    const lead = zh.root.children.find((n) => n.type === 'paragraph' && n.children?.[0]?.text === '传统产业守正延伸。');
    expect(lead, 'paragraph opening with 传统产业守正延伸。').toBeDefined();
    expect(lead!.children![0]!.type).toBe('lead-in');
    expect(Number(lead!.children![1]!.format) & FORMAT.bold).toBe(0);
    expect(lead!.children![1]!.type).toBe('text');
    // Every block has its own pair id for the English translation.
    const ids = zh.root.children.map((n) => (n['$'] as { pairId?: string } | undefined)?.pairId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(lead!.children![1]!.text).toMatch(/^认准“依托煤/);
  });

  it('maps all eight 2026 captions, in seed order, to photos carrying them', async () => {
    const photosJson = JSON.parse(await readFile(join(RESOURCES, 'sample', 'photos.json'), 'utf8')) as { photos: { caption: { zh: string } }[] };
    const listed = photosJson.photos.map((p) => p.caption.zh);
    const seedLines = seeds[SEED_2026]!.split('\n').map((l) => l.trim());
    const inSeedOrder = [...listed].sort((a, b) => seedLines.indexOf(a) - seedLines.indexOf(b));
    for (const c of listed) expect(seedLines, c).toContain(c);

    const photoBlocks = page('page-2026').blocks.filter((b) => b.kind === 'photo');
    expect(photoBlocks).toHaveLength(8);
    const captions = photoBlocks.map((b) => bundle.edition.photos.find((p) => p.id === b.photoId)?.meta.caption.zh);
    expect(captions).toEqual(inSeedOrder);
    expect(new Set(photoBlocks.map((b) => b.photoId)).size).toBe(8);
    expect(bundle.edition.photos).toHaveLength(8);
  });

  it('gives the 2025 page its masthead, headline and credits', () => {
    const p = page('page-2025');
    const masthead = p.blocks.find((b) => b.kind === 'masthead');
    expect(masthead).toMatchObject({ text: '长治日报', textEn: 'CHANGZHI RIBAO' });
    expect(p.blocks.find((b) => b.kind === 'headline')?.text).toBe('筑梦太岳 勇谱新篇');
    const credits = p.blocks.filter((b) => b.kind === 'credits');
    expect(credits).toHaveLength(1);
    const list = credits[0]!.credits!;
    expect(list.map((c) => c.role)).toEqual(['策划', '统筹', '文字', '图片', '版式']);
    for (const c of list) expect(c.names.length, c.role).toBeGreaterThan(0);
    expect(list.find((c) => c.role === '文字')!.names).toEqual(['冯波', '贾志敏', '马慧荣']);
    expect(list.find((c) => c.role === '策划')!.names).toEqual(['冯波']);
    // The credits are not repeated as story copy.
    expect(stateText(story('story-2025').zh)).not.toContain('策划 / 冯波');
  });

  it('dates the 2025 masthead with its own day, the edition keeping its stated placeholder date', () => {
    const masthead = page('page-2025').blocks.find((b) => b.kind === 'masthead')!;
    expect(masthead.date).toBe('2025-02-25');
    expect(mastheadDate(masthead, bundle.edition, 'zh')).toBe('2025年2月25日 星期二');
    expect(mastheadDate(masthead, bundle.edition, 'en')).toBe('Tuesday, February 25, 2025');
    expect(bundle.edition.issueDate).toBe('2026-02-26');
    // No stray label repeats the masthead's date or mark.
    expect(page('page-2025').blocks.filter((b) => b.kind !== 'masthead' && /2025年|^特刊$/.test(b.text ?? ''))).toEqual([]);
  });

  it('draws the 2025 page\'s 数说 figures and pull quote from its own copy, and gives every text block its English', () => {
    const copy = squash(stateText(story('story-2025').zh));
    for (const [figure] of FACTS_2025) expect(copy, figure).toContain(squash(figure));
    expect(copy).toContain(squash(QUOTE_2025));
    for (const p of bundle.pages) expect(p.blocks.filter((b) => b.text && !b.textEn).map((b) => `${p.id}: ${b.text}`)).toEqual([]);
  });

  it('lays every block inside the page grid', () => {
    for (const p of bundle.pages) {
      for (const b of p.blocks) {
        expect(b.col + b.span, b.id).toBeLessThanOrEqual(p.grid.columns);
        expect(b.hMm, b.id).toBeGreaterThan(0);
      }
      expect(new Set(p.blocks.map((b) => b.id)).size).toBe(p.blocks.length);
    }
  });
});

describe('seed copies in resources/', () => {
  const title = SHARED_FIXTURES
    ? `are byte-identical to ${join(SHARED_FIXTURES, 'seeds')}`
    : `are byte-identical to shared/fixtures/seeds — ${SHARED_FIXTURES_SKIP}`;
  if (!SHARED_FIXTURES) console.warn(`[sample-edition.test] ${SHARED_FIXTURES_SKIP}`);
  it.skipIf(!SHARED_FIXTURES)(title, async () => {
    const shared = join(SHARED_FIXTURES!, 'seeds');
    const names = (await readdir(shared)).filter((n) => n.endsWith('.md')).sort();
    expect((await readdir(SEEDS_DIR)).filter((n) => n.endsWith('.md')).sort()).toEqual(names);
    expect(names).toEqual([SEED_2025, SEED_2026]);
    for (const n of names) {
      const a = await readFile(join(shared, n));
      const b = await readFile(join(SEEDS_DIR, n));
      expect(b.equals(a), n).toBe(true);
    }
  });
});
