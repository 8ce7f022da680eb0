import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult, PreflightFindingData } from '../../shared/contract/export-schemas';
import type { Result } from '../../shared/contract/errors';
import type { Story } from '../../shared/document/schema';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { seedText } from './copy-support';
import { cleanupTemp, tempDir } from './helpers';
import { PRINT_ROUTE_BUILT, PRINT_ROUTE_SKIP, firstMissingInOrder, parseCsv, startExportHost, type TestHost } from './export-support';

// Export end to end through the real print route in Debian's Chromium, refereed by tools
// that share nothing with the code: poppler's pdfinfo/pdffonts/pdftotext, unzip, exiftool.
// The sample edition is broadsheet, 390 × 545 mm; page-2026 carries the 2026 seed page.

const PT = (mm: number) => (mm / 25.4) * 72;
const PX = (mm: number, dpi: number) => Math.round((mm / 25.4) * dpi);
const tool = (cmd: string, ...args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let host: TestHost;
let base: string;
const ED = 'sample.edition';

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = (await host.handler(channel, input)) as Result<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}
const abs = (rel: string) => join(host.workspace.root, rel);

describe.skipIf(!PRINT_ROUTE_BUILT)('export through Chromium', () => {
  beforeAll(async () => {
    base = await tempDir('export');
    host = await startExportHost(base);
  }, 60_000);
  afterAll(async () => {
    await host?.stop();
    await cleanupTemp();
  });

  it.skipIf(!SHARED_FIXTURES)('prints the 2026 page as one PDF page of the edition size, bundled fonts only, every seed character in order', async () => {
    const r = await call<ExportResult>('export:run', { edition: ED, pages: ['page-2026'], lang: 'zh', formats: { pdf: { bleedMm: 0, marks: false } } });
    expect(r.folder).toMatch(/^sample\.edition\/exports\/\d{8}-\d{6}(-\d+)?$/);
    expect(r.files.map((f) => [f.path.slice(r.folder.length + 1), f.kind])).toEqual([['20260226-第01版.pdf', 'pdf']]);
    const pdf = abs(r.files[0]!.path);
    expect(r.files[0]!.bytes).toBe(readFileSync(pdf).length);

    const info = tool('pdfinfo', pdf);
    expect(info).toMatch(/^Pages:\s+1$/m);
    // Page 1 has no credits block: a Title, no Author.
    expect(info).toMatch(/^Title:\s+沁源两会特刊（示例） 第1版$/m);
    expect(info).not.toMatch(/^Author:/m);
    const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
    expect(Math.abs(Number(w) - PT(390))).toBeLessThan(1);
    expect(Math.abs(Number(h) - PT(545))).toBeLessThan(1);

    const fonts = tool('pdffonts', pdf).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      // name, type…, emb, sub, uni, object, gen: read from the right, types have spaces.
      const cols = line.trim().split(/\s+/);
      const [emb, sub] = cols.slice(-5, -3);
      expect(cols[0], line).toMatch(/^[A-Z]{6}\+(NotoSerifSC|NotoSansSC|LXGWWenKai)/);
      expect([emb, sub], line).toEqual(['yes', 'yes']);
    }

    const text = tool('pdftotext', '-raw', pdf, '-').replace(/\s/g, '');
    const seed = seedText(readFileSync(join(SHARED_FIXTURES!, 'seeds', '2026-qinyuan-lianghui.md'), 'utf8'));
    expect(seed.length).toBeGreaterThan(3000);
    expect(firstMissingInOrder(seed, text)).toBeNull();
  }, 60_000);

  it('writes page PNGs at 150 dpi, web HTML and the handoff package, leaving the edition\'s photos untouched', async () => {
    const ed = JSON.parse(readFileSync(abs(`${ED}/edition.json`), 'utf8')) as { photos: { asset: { file: string; sha256: string }; meta: { caption: { zh: string; en: string }; creator: string; credit: string } }[] };
    const before = ed.photos.map((p) => sha(abs(`${ED}/${p.asset.file}`)));
    const r = await call<ExportResult>('export:run', { edition: ED, lang: 'zh', formats: { png: { dpi: 150, format: 'png' }, html: true, package: true } });
    const names = r.files.map((f) => f.path.slice(r.folder.length + 1));
    expect(names).toEqual(['20260226-第01版.png', '20260226-第02版.png', '20260226-第01版.html', '20260226-第02版.html', '20260226-第01-02版.zip']);

    for (const f of r.files.filter((x) => x.kind === 'png')) {
      const m = await sharp(abs(f.path)).metadata();
      expect([m.format, m.width, m.height]).toEqual(['png', PX(390, 150), PX(545, 150)]);
    }

    const html = readFileSync(abs(r.files[2]!.path), 'utf8');
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<h1>谋好篇 布好局 履职尽责为人民</h1>');
    const figures = html.match(/<figure><img src="data:image\/jpeg;base64,[A-Za-z0-9+/=]+" width="(\d+)" height="(\d+)"[^>]*><figcaption>[^<]+/g) ?? [];
    expect(figures.length).toBe(8);
    expect(html).toContain('<figcaption>好乐草莓');
    expect(html).not.toMatch(/\s(src|href)="(?!data:)/);
    // Resized: no inlined photo over 1080 px on its long edge.
    for (const m of html.matchAll(/width="(\d+)" height="(\d+)"/g)) expect(Math.max(Number(m[1]), Number(m[2]))).toBeLessThanOrEqual(1080);

    const zip = abs(r.files[4]!.path);
    const entries = tool('unzip', '-Z1', zip).trim().split('\n').sort();
    const photoNames = ed.photos.map((p) => `photos/${p.asset.file.slice('assets/'.length)}`);
    expect(entries).toEqual([
      'captions.csv', ...photoNames, 'pages/20260226-第01版.png', 'pages/20260226-第02版.png', '20260226-第01-02版.pdf',
      'stories/story-2025.docx', 'stories/story-2025.md', 'stories/story-2026.docx', 'stories/story-2026.md',
    ].sort());

    // exiftool reads the Chinese caption out of a photo taken from the zip.
    const out = join(base, 'from-zip');
    spawnSync('unzip', ['-o', '-q', zip, '-d', out]);
    const first = ed.photos[0]!;
    const meta = JSON.parse(tool('exiftool', '-j', '-XMP-dc:Description-zh-CN', '-XMP-dc:Description-en', '-IPTC:Caption-Abstract', join(out, photoNames[0]!)))[0];
    expect(meta['Description-zh-CN']).toBe(first.meta.caption.zh);
    expect(meta['Description-en']).toBe(first.meta.caption.en);
    // Named for people: the edition's title and pages, the 版式 credit of page 2, the app.
    const info = tool('pdfinfo', join(out, '20260226-第01-02版.pdf'));
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).toMatch(/^Title:\s+沁源两会特刊（示例） 第1–2版$/m);
    expect(info).toMatch(/^Author:\s+高琪$/m);
    expect(info).toMatch(/^Creator:\s+Edition Desk (dev|\d+\.\d+\.\d+)$/m);
    expect(info).toMatch(/^Producer:\s+Skia\/PDF/m);
    expect(tool('unzip', '-p', zip, 'stories/story-2026.md')).toContain('传统产业守正延伸。');

    const csvBytes = readFileSync(join(out, 'captions.csv'));
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csvBytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['file', 'page', 'caption_zh', 'caption_en', 'creator', 'credit']);
    expect(rows.slice(1)).toEqual(ed.photos.map((p, i) => [photoNames[i], expect.stringMatching(/^[12]$/), p.meta.caption.zh, p.meta.caption.en, p.meta.creator, p.meta.credit]));

    expect(ed.photos.map((p) => sha(abs(`${ED}/${p.asset.file}`)))).toEqual(before);
    expect(before).toEqual(ed.photos.map((p) => p.asset.sha256));
  }, 120_000);

  it('draws bleed and marks into the PDF only; page images stay trimmed (JPEG at 72 dpi)', async () => {
    const r = await call<ExportResult>('export:run', { edition: ED, pages: ['page-2025'], lang: 'zh', formats: { pdf: { bleedMm: 3, marks: true }, png: { dpi: 72, format: 'jpeg', quality: 80 } } });
    const pdf = r.files.find((f) => f.kind === 'pdf')!;
    const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(tool('pdfinfo', abs(pdf.path)))!;
    expect(Number(w)).toBeGreaterThan(PT(396) - 1);
    expect(Number(h)).toBeGreaterThan(PT(551) - 1);
    const jpg = r.files.find((f) => f.kind === 'jpeg')!;
    expect(jpg.path).toMatch(/\/20260226-第02版\.jpg$/);
    const m = await sharp(abs(jpg.path)).metadata();
    expect([m.format, m.width, m.height]).toEqual(['jpeg', PX(390, 72), PX(545, 72)]);
  }, 60_000);

  it('preflight finds a character outside the bundled fonts', async () => {
    const story = await call<Story>('story:get', { edition: ED, storyId: 'story-2025' });
    const first = story.zh!.root.children.find((n) => n.type === 'paragraph')!;
    first.children!.push({ type: 'text', version: 1, text: '☃𠀀', format: 0, style: '', mode: 'normal', detail: 0 });
    await call('story:put', { edition: ED, story });
    const found = await call<PreflightFindingData[]>('export:preflight', { edition: ED, pages: ['page-2025'], lang: 'zh' });
    const glyph = found.find((f) => f.id === 'missing-glyph');
    expect(glyph, JSON.stringify(found)).toBeDefined();
    expect(glyph!.severity).toBe('error');
    expect(glyph!.message['zh-CN']).toContain('𠀀 (U+20000)');
    for (const f of found) expect(f.message.en.length).toBeGreaterThan(0);
  }, 60_000);

  it('serves a written export to the token holder only, and nothing outside exports/', async () => {
    const r = await call<ExportResult>('export:run', { edition: ED, pages: ['page-2025'], lang: 'en', formats: { html: true } });
    const file = r.files[0]!;
    expect(file.path).toMatch(/\/20260226-第02版-en\.html$/);
    const rel = file.path.split('/').map(encodeURIComponent).join('/');
    const url = `${host.origin}/export-file/${host.fileKey}/${rel}`;
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('20260226-第02版-en.html')}`);
    expect(Buffer.from(await ok.arrayBuffer()).equals(readFileSync(abs(file.path)))).toBe(true);
    // Without the file key, with the API token in its place, or from another origin: refused.
    expect((await fetch(`${host.origin}/export-file/${rel}`)).status).toBe(403);
    expect((await fetch(`${host.origin}/export-file/${host.token}/${rel}`)).status).toBe(403);
    expect((await fetch(url, { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await fetch(url, { headers: { 'sec-fetch-site': 'same-site' } })).status).toBe(403);
    for (const bad of ['sample.edition/edition.json', 'sample.edition/exports/..%2Fedition.json/x', 'sample.edition/exports/20260101-000000/..%2F..%2Fedition.json', '..%2Fx.edition/exports/20260101-000000/a.pdf']) {
      const res = await fetch(`${host.origin}/export-file/${host.fileKey}/${bad}`);
      expect([403, 404], bad).toContain(res.status);
    }
  }, 60_000);

  it('refuses bad formats before any work', async () => {
    for (const formats of [{}, { png: { dpi: 1200 } }, { pdf: { bleedMm: -1 } }, { html: false }]) {
      const r = (await host.handler('export:run', { edition: ED, formats })) as Result<unknown>;
      expect(r.ok ? 'ok' : r.error.code, JSON.stringify(formats)).toBe('INVALID_ARGUMENT');
    }
    const r = (await host.handler('export:run', { edition: ED, pages: ['no-such-page'], formats: { html: true } })) as Result<unknown>;
    expect(r.ok ? 'ok' : r.error.code).toBe('NOT_FOUND');
  });
});

if (!PRINT_ROUTE_BUILT) console.log(PRINT_ROUTE_SKIP);
if (!SHARED_FIXTURES) console.log(SHARED_FIXTURES_SKIP);
