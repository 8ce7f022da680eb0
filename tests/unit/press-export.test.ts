import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/contract/export-schemas';
import type { Result } from '../../shared/contract/errors';
import type { PressSettingsView, SeparationsResult } from '../../shared/contract/press-schemas';
import { SHARED_FIXTURES } from '../support/shared-fixtures';
import { seedText } from './copy-support';
import { cleanupTemp, RESOURCES, tempDir } from './helpers';
import { PRINT_ROUTE_BUILT, firstMissingInOrder, startExportHost, type TestHost } from './export-support';

// The press PDF of the sample's 2026 page through export:run (Chromium, then Ghostscript),
// refereed by Ghostscript's tiffsep and inkcov and poppler; the per-edition profile and
// the separations preview through their channels.

const HAVE = PRINT_ROUTE_BUILT && ['gs', 'qpdf'].every((t) => spawnSync('which', [t]).status === 0);
const ED = 'sample.edition';
const DPI = 50;
const tool = (cmd: string, ...args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

let host: TestHost;
let base: string;
let pdf: string;

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = (await host.handler(channel, input)) as Result<T>;
  if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.code} ${r.error.detail ?? ''}`), { code: r.error.code });
  return r.value;
}

describe.skipIf(!HAVE)('press PDF of the 2026 page', () => {
  beforeAll(async () => {
    base = await tempDir('press-export');
    host = await startExportHost(base);
    const r = await call<ExportResult>('export:run', { edition: ED, pages: ['page-2026'], lang: 'zh', formats: { press: {} } });
    expect(r.files.map((f) => [f.path.slice(r.folder.length + 1), f.kind])).toEqual([['20260226-第01版-付印.pdf', 'press']]);
    pdf = join(host.workspace.root, r.files[0]!.path);
  }, 240_000);
  afterAll(async () => {
    await host?.stop();
    await cleanupTemp();
  });

  it('separates body text as K alone and the red heads in colour (tiffsep)', async () => {
    tool('gs', '-q', '-dBATCH', '-dNOPAUSE', '-sDEVICE=tiffsep', `-r${DPI}`, '-dUseTrimBox', `-sOutputFile=${join(base, 'p.tif')}`, pdf);
    const read = async (ink: string) => (await sharp(join(base, `p(${ink}).tif`)).extractChannel(0).raw().toBuffer({ resolveWithObject: true }));
    const [c, m, y, k] = await Promise.all(['Cyan', 'Magenta', 'Yellow', 'Black'].map(read));
    const w = c!.info.width;
    const px = (mm: number) => Math.round((mm / 25.4) * DPI);
    const scan = (y0: number, y1: number, fn: (i: number) => void) => {
      for (let yy = px(y0); yy < px(y1); yy++) for (let xx = px(20); xx < px(370); xx++) fn(yy * w + xx);
    };
    const ink = (b: typeof c, i: number) => 255 - b!.data[i]!;
    // The story frame's body text (below the deck, above the photos): K alone. (Its red
    // subheads carry 17 % K with M and Y: the threshold leaves them to the check below.)
    let kPixels = 0;
    let dirty = 0;
    scan(110, 280, (i) => { if (ink(k, i) > 200) { kPixels++; if (ink(c, i) + ink(m, i) + ink(y, i) > 0) dirty++; } });
    expect(kPixels).toBeGreaterThan(5000);
    expect(dirty).toBe(0);
    // The top of the page (kicker, labels, rule, headline in red): magenta and yellow ink.
    let red = 0;
    scan(0, 70, (i) => { if (ink(m, i) > 128 && ink(y, i) > 64) red++; });
    expect(red).toBeGreaterThan(500);
    const cov = tool('gs', '-q', '-o', '-', '-sDEVICE=inkcov', '-r72', pdf).trim().split('\n');
    for (const line of cov) expect(line.trim().split(/\s+/).slice(0, 4).map(Number).reduce((a, b) => a + b, 0)).toBeLessThan(2.4);
  }, 120_000);

  it('has TrimBox = the page, BleedBox = trim + 3 mm, the OutputIntent, every font embedded, every seed character', () => {
    const box = tool('pdfinfo', '-box', pdf);
    const boxes = Object.fromEntries([...box.matchAll(/^(\w+Box):\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/gm)].map((m) => [m[1], m.slice(2).map(Number)]));
    const mm = (pt: number) => (pt / 72) * 25.4;
    expect(mm(boxes['TrimBox']![2]! - boxes['TrimBox']![0]!)).toBeCloseTo(390, 0);
    expect(mm(boxes['TrimBox']![3]! - boxes['TrimBox']![1]!)).toBeCloseTo(545, 0);
    expect(mm(boxes['TrimBox']![0]! - boxes['BleedBox']![0]!)).toBeCloseTo(3, 0);
    expect(mm(boxes['BleedBox']![3]! - boxes['TrimBox']![3]!)).toBeCloseTo(3, 0);
    const info = tool('pdfinfo', pdf);
    expect(info).toMatch(/^Title:\s+沁源两会特刊（示例） 第1版$/m);
    expect(info).toMatch(/^PDF subtype:\s+PDF\/X-4$/m);
    const qdf = join(base, 'p.qdf');
    tool('qpdf', '--qdf', '--object-streams=disable', pdf, qdf);
    const text = readFileSync(qdf, 'latin1');
    expect(text).toMatch(/\/OutputIntents \[/);
    expect(text).toMatch(/\/S \/GTS_PDFX/);
    // Photos (424–565 ppi as placed in the RGB PDF) at 300 ppi effective, CMYK: downsampled, never upsampled.
    const images = tool('pdfimages', '-list', pdf).split('\n').slice(2).filter((l) => l.trim()).map((l) => l.trim().split(/\s+/));
    expect(images).toHaveLength(8);
    for (const cols of images) {
      expect(cols[5], cols.join(' ')).toBe('cmyk');
      expect(Number(cols[12])).toBeGreaterThanOrEqual(295);
      expect(Number(cols[12])).toBeLessThanOrEqual(301);
    }
    const fonts = tool('pdffonts', pdf).split('\n').slice(2).filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(10);
    for (const line of fonts) expect(line.trim().split(/\s+/).at(-5), line).toBe('yes');
    if (SHARED_FIXTURES) {
      const seed = seedText(readFileSync(join(SHARED_FIXTURES, 'seeds', '2026-qinyuan-lianghui.md'), 'utf8'));
      expect(firstMissingInOrder(seed, tool('pdftotext', '-raw', pdf, '-').replace(/\s/g, ''))).toBeNull();
    }
  });

  it('keeps a printer profile with the edition and refuses one that is not CMYK output', async () => {
    const before = await call<PressSettingsView>('press:settings', { edition: ED });
    expect(before.profile.isDefault).toBe(true);
    expect(before.settings.inkLimit).toBe(240);
    const srgb = readFileSync('/usr/share/color/icc/sRGB.icc').toString('base64');
    await expect(call('press:settings-set', { edition: ED, profile: { fileName: 'sRGB.icc', base64: srgb } })).rejects.toMatchObject({ code: 'PRESS_PROFILE_NOT_CMYK' });
    const dir = join(host.workspace.root, ED);
    expect(existsSync(join(dir, 'press'))).toBe(false);
    const cmyk = readFileSync(join(RESOURCES, 'icc', 'EditionDesk-FOGRA29-TAC240.icc')).toString('base64');
    const after = await call<PressSettingsView>('press:settings-set', { edition: ED, settings: { pdfx: '1a' }, profile: { fileName: '印厂 newsprint.icc', base64: cmyk } });
    expect(after.profile).toMatchObject({ isDefault: false, file: '印厂 newsprint.icc' });
    expect(after.settings.pdfx).toBe('1a');
    expect(readFileSync(join(dir, 'press', '印厂 newsprint.icc')).toString('base64')).toBe(cmyk);
    expect(JSON.parse(readFileSync(join(dir, 'press.json'), 'utf8'))).toMatchObject({ pdfx: '1a', profileFile: '印厂 newsprint.icc' });
    const reset = await call<PressSettingsView>('press:settings-set', { edition: ED, profile: null, settings: { pdfx: '4' } });
    expect(reset.profile.isDefault).toBe(true);
  });

  it('previews the separations of a page: four plates and the highest ink', async () => {
    const s = await call<SeparationsResult>('press:separations', { edition: ED, pageId: 'page-2025', lang: 'zh' });
    expect(s.plates.map((p) => p.ink)).toEqual(['C', 'M', 'Y', 'K']);
    expect(s.maxCoverage).toBeGreaterThan(100);
    expect(s.maxCoverage).toBeLessThanOrEqual(243);
    expect(s.inkLimit).toBe(240);
    const k = s.plates.find((p) => p.ink === 'K')!;
    const meta = await sharp(Buffer.from(k.png.split(',')[1]!, 'base64')).metadata();
    expect([meta.width, meta.height]).toEqual([s.width, s.height]);
    expect(k.coverage).toBeGreaterThan(1);
    // The text-only 2025 page has no cyan at all: its colours are red and black.
    expect(s.plates.find((p) => p.ink === 'C')!.coverage).toBe(0);
  }, 120_000);
});
