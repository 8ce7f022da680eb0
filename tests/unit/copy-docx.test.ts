import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx, readDocxBlocks } from '../../electron/services/copy/docx-read';
import { writeDocx } from '../../electron/services/copy/docx-write';
import { importCopy } from '../../electron/services/copy/story-copy';
import { AppError } from '../../shared/contract/errors';
import { FORMAT, type SerializedEditorState, type SerializedNode } from '../../shared/document/lexical-state';
import { importMarkdown } from '../../shared/story/markdown-import';
import type { SerializedCredits } from '../../shared/story/node-types';
import { inlineText } from '../../shared/story/source-blocks';
import { blockText, exportText } from '../../shared/story/text-export';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { cleanupTemp, squash, tempDir } from './helpers';
import { SEED_2025, SEED_2026, blocksOf, counter, everyNodeState, readSeed, runs, seedText, typeTree, withoutPairIds } from './copy-support';
import { brokenPackages, handMadeDocx, textBoxDocx } from './copy-docx-fixture';

// Word files in and out. In: the two LibreOffice-made fixtures (every character of the
// seed copy, PM2.5's lowered run as a subscript) and a hand-made package with what they
// lack. Out: read back by our reader and by an independent one (unzip; LibreOffice
// when installed). Broken files: a typed DOCX_UNREADABLE, never a crash.

const DOCX_DIR = SHARED_FIXTURES ? join(SHARED_FIXTURES, 'docx') : '';
const text = (n: SerializedNode) => inlineText(n.children ?? []);
let tmp: string;
beforeAll(async () => { tmp = await tempDir('copy-docx'); });
afterAll(cleanupTemp);

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

if (!SHARED_FIXTURES) console.warn(`[copy-docx.test] ${SHARED_FIXTURES_SKIP}`);
describe.skipIf(!SHARED_FIXTURES)(`the LibreOffice fixtures${SHARED_FIXTURES ? '' : ` — ${SHARED_FIXTURES_SKIP}`}`, () => {
  const fixture = (name: string) => readFileSync(join(DOCX_DIR, `${name}.docx`));

  it.each([SEED_2026, SEED_2025])('%s.docx keeps every character of the seed copy, in order', (name) => {
    const { state } = readDocx(fixture(name), counter());
    expect(squash(exportText(state))).toBe(seedText(readSeed(name)));
  });

  it('2026: the documented paragraph styles, and PM2.5 with "2.5" as a subscript', () => {
    const blocks = readDocxBlocks(fixture(SEED_2026));
    const levels = blocks.filter((b) => b.kind === 'heading').map((b) => (b as { level: number }).level);
    expect([1, 2, 3].map((l) => levels.filter((x) => x === l).length)).toEqual([3, 2, 9]);
    expect(blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(38);
    const { title, state } = readDocx(fixture(SEED_2026), counter());
    expect(title).toBe('谋好篇 布好局 履职尽责为人民');
    const pm = state.root.children.find((n) => text(n).includes('PM2.5'))!;
    const i = pm.children!.findIndex((c) => c.text === '2.5');
    expect(pm.children![i]!.format).toBe(FORMAT.subscript);
    expect(pm.children![i - 1]!.text).toMatch(/PM$/);
    expect(runs(state).filter((r) => r.format & FORMAT.subscript).map((r) => r.text)).toEqual(['2.5']);
    expect(blocksOf(state, 'section-heading').filter((h) => h['level'] === 3 && text(h).includes('重实干'))).toHaveLength(8);
  });

  it('2025: five line breaks (one in the couplet, four in the credits block)', () => {
    const { state } = readDocx(fixture(SEED_2025), counter());
    const couplet = state.root.children.find((n) => text(n).startsWith('东风浩荡'))!;
    expect(couplet.children!.filter((c) => c.type === 'linebreak')).toHaveLength(1);
    const [block] = blocksOf(state, 'credits') as SerializedCredits[];
    expect(block!.credits.map((c) => `${c.role} / ${c.names.join(' ')}`)).toEqual([
      '策划 / 冯波', '统筹 / 刘俭', '文字 / 冯波 贾志敏 马慧荣', '图片 / 沁源县融媒体中心', '版式 / 高琪',
    ]);
  });

  it.each([SEED_2026, SEED_2025])('%s: the docx and the Markdown import to the same story', (name) => {
    expect(withoutPairIds(readDocx(fixture(name), counter()).state)).toEqual(withoutPairIds(importMarkdown(readSeed(name), counter()).state));
  });
});

describe('the reader on a hand-made package', () => {
  const { title, state } = readDocx(handMadeDocx(), counter());
  const types = state.root.children.map((n) => n.type);

  it('finds roles through localized style ids, outline levels and basedOn', () => {
    expect(title).toBe('Ein lokalisierter Titel');
    expect(types).toEqual(['headline', 'section-heading', 'paragraph', 'paragraph', 'list', 'list', 'pull-quote', 'paragraph', 'section-heading', 'section-heading', 'paragraph', 'paragraph']);
    expect(blocksOf(state, 'section-heading').map((h) => [text(h), h['level']])).toEqual([['Kapitel eins', 1], ['Gliederungsebene drei', 3], ['Eigene Überschrift', 1]]);
    const [ordered, bullets] = blocksOf(state, 'list');
    expect([ordered!['listType'], ordered!.children!.map(text)]).toEqual(['number', ['erstens', 'zweitens']]);
    expect([bullets!['listType'], bullets!.children!.map(text)]).toEqual(['bullet', ['Punkt']]);
    expect(state.root.children.slice(-2).map(text)).toEqual(['vor dem Textfeld', 'im Textfeld']);
  });

  it('reads text boxes in runs (mc:AlternateContent: one branch only) and VML boxes, each once, after its anchor', () => {
    const blocks = readDocxBlocks(textBoxDocx()).map((b) => ('children' in b ? b.children : []).map((n) => ('text' in n ? n.text : '')).join(''));
    expect(blocks).toEqual(['正文第一段', '锚点段落', '文本框里的导语', '旧式文本框', '正文末段']);
  });

  it('reads bold openings, vertAlign and lowered runs, breaks; skips deletions and hidden text', () => {
    const body = state.root.children[2]!;
    expect(body.children![0]).toMatchObject({ type: 'lead-in', text: 'Fett am Anfang.' });
    const fmt = body.children!.filter((c) => c.text === '2').map((c) => c.format);
    expect(fmt).toEqual([FORMAT.superscript, FORMAT.subscript, FORMAT.subscript]);
    expect(body.children!.filter((c) => c.type === 'linebreak')).toHaveLength(1);
    expect(text(body)).not.toMatch(/gelöscht|versteckt/);
    expect(body.children!.at(-1)).toMatchObject({ text: 'Zeile zwei angehoben', format: 0 }); // raised but not smaller: plain
  });

  it('reads hyperlinks and HYPERLINK fields, and drops javascript: targets', () => {
    const links = state.root.children[3]!.children!.filter((c) => c.type === 'link');
    expect(links.map((l) => [l['url'], text(l)])).toEqual([['https://example.org/site', 'die Seite'], ['https://example.org/f', 'den Feldlink']]);
    expect(links[0]!.children![0]!.format).toBe(0); // the Hyperlink style's underline is not copy formatting
    expect(text(state.root.children[3]!)).toBe('Siehe die Seite oder den Feldlink böse');
    expect(JSON.stringify(state)).not.toContain('javascript');
  });
});

describe('docx export', () => {
  const docxText = (file: string) => {
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&(\w+);/g, (_, e: string) => entities[e] ?? `&${e};`)).join('');
  };
  // What a docx shows of each block: list markers come from numbering, not text.
  const shownText = (s: SerializedEditorState, lang: 'zh' | 'en' = 'zh') => s.root.children.map((n) => (n.type === 'list' ? (n.children ?? []).map(text).join('') : blockText(n, lang))).join('');

  it('our reader reads every node type back (a figure becomes its caption paragraph)', async () => {
    const s = everyNodeState();
    const back = readDocx(await writeDocx(s, { lang: 'zh', title: 't' }), counter()).state;
    const expected = s.root.children.map((n) => (n.type === 'figure' ? { type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: blockText(n), format: 0 }] } : n));
    expect(typeTree(back.root.children)).toEqual(typeTree(expected));
    expect(runs(back)).toEqual(runs({ root: { ...s.root, children: expected } } as SerializedEditorState));
    expect(blocksOf(back, 'paragraph')[2]!.children!.find((c) => c.type === 'link')!['url']).toBe('https://example.org/x y');
  });

  it.each([SEED_2026, SEED_2025])('%s: Markdown → docx → state is the same story', async (name) => {
    const first = importMarkdown(readSeed(name), counter()).state;
    const back = readDocx(await writeDocx(first, { lang: 'zh', title: name }), counter()).state;
    expect(withoutPairIds(back)).toEqual(withoutPairIds(first));
  });

  it('unzip -p word/document.xml shows the text; languages set, fonts not forced', async () => {
    const s = importMarkdown(readSeed(SEED_2026)).state;
    const zhFile = join(tmp, 'zh.docx');
    writeFileSync(zhFile, await writeDocx(s, { lang: 'zh', title: '谋好篇' }));
    expect(squash(docxText(zhFile))).toBe(squash(shownText(s)));
    const xml = execFileSync('unzip', ['-p', zhFile, 'word/document.xml', 'word/styles.xml'], { encoding: 'utf8' });
    expect(xml).toContain('w:eastAsia="zh-CN"');
    expect(xml).not.toContain('w:rFonts');
    expect(xml).toContain('<w:vertAlign w:val="subscript"/>');
    const every = everyNodeState();
    const enFile = join(tmp, 'en.docx');
    writeFileSync(enFile, await writeDocx(every, { lang: 'en', title: 'en' }));
    expect(squash(docxText(enFile))).toBe(squash(shownText(every, 'en')));
    const enXml = execFileSync('unzip', ['-p', enFile, 'word/document.xml'], { encoding: 'utf8' });
    expect(enXml).toContain('<w:lang w:val="en-US"/>');
    expect(enXml).toContain('Planning / 冯波');
    expect(enXml).toContain('[Photo] 图片说明 [一] / A &quot;quoted&quot; caption — 摄影 张三');
  });

  const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync(b, ['--version'], { stdio: 'ignore' }).status === 0);
  const officeTitle = soffice ? 'LibreOffice converts the export to the same text' : 'LibreOffice converts the export to the same text — SKIPPED: soffice/libreoffice not installed (unzip check above still ran)';
  if (!soffice) console.warn(`[copy-docx.test] ${officeTitle}`);
  it.skipIf(!soffice)(officeTitle, async () => {
    const s = importMarkdown(readSeed(SEED_2025)).state;
    const file = join(tmp, 'office.docx');
    writeFileSync(file, await writeDocx(s, { lang: 'zh', title: 'office' }));
    execFileSync(soffice!, ['--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', tmp, file], { timeout: 120_000, stdio: 'ignore' });
    expect(squash(readFileSync(join(tmp, 'office.txt'), 'utf8').replace(/^\uFEFF/, ''))).toBe(squash(shownText(s)));
  }, 150_000);
});

describe('broken .docx files', () => {
  it.each(Object.entries(brokenPackages()))('%s → DOCX_UNREADABLE', (name, bytes) => {
    const e = thrown(() => importCopy(name, bytes));
    expect(e.code).toBe('DOCX_UNREADABLE');
    expect(e.detail).not.toContain('\n');
  });

  it('a text file named .docx, a truncated zip and an old .doc → DOCX_UNREADABLE; an empty file → FILE_EMPTY', async () => {
    const good = await writeDocx(everyNodeState(), { lang: 'zh', title: 't' });
    const cases: [string, Uint8Array, RegExp][] = [
      ['renamed.docx', new TextEncoder().encode('这不是 Word 文档。\nNot a Word file.\n'), /not a zip/],
      ['truncated.docx', good.subarray(0, Math.floor(good.length / 2)), /zip/],
      ['old.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /97–2003/],
      ['zip-but-named.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /zip/],
    ];
    for (const [name, bytes, detail] of cases) {
      const e = thrown(() => importCopy(name, bytes));
      expect([name, e.code]).toEqual([name, 'DOCX_UNREADABLE']);
      expect(e.detail).toMatch(detail);
      expect(e.localized['zh-CN']).toContain('Word');
    }
    expect(thrown(() => importCopy('empty.docx', new Uint8Array())).code).toBe('FILE_EMPTY');
  });

  it.skipIf(!SHARED_FIXTURES)('every truncation of a fixture fails cleanly', () => {
    const bytes = readFileSync(join(DOCX_DIR, `${SEED_2025}.docx`));
    for (const cut of [10, 100, 1000, 4000, bytes.length - 22, bytes.length - 1]) {
      expect(thrown(() => readDocx(bytes.subarray(0, cut))).code).toBe('DOCX_UNREADABLE');
    }
  });
});
