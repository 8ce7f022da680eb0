import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE_FILE, defaultProfile, readProfile, type ResolvedProfile } from '../../electron/services/export/press-profile';
import { MM, makePressPdf } from '../../electron/services/export/press-pdf';
import { PressFormat } from '../../shared/contract/press-schemas';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';
import { RESOURCES, cleanupTemp, tempDir } from './helpers';

// The press PDF's colour, refereed by tools that share nothing with it: Ghostscript's
// tiffsep (the plates a RIP would make), LittleCMS's transicc (the expected CMYK of a
// photo colour), qpdf and poppler. The page is Chromium's own PDF of a small HTML page:
// black and #111 text, red text, a grey rule, a green photo tagged Adobe RGB and the same
// pixels untagged (read as sRGB), and a black photo for the ink limit.

const tool = (cmd: string, ...args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const HAVE = ['gs', 'qpdf', 'transicc', 'exiftool'].every((t) => spawnSync('which', [t]).status === 0);
const PROFILE = join(RESOURCES, 'icc', DEFAULT_PROFILE_FILE(240));
const ADOBE = '/usr/share/color/icc/compatibleWithAdobeRGB1998.icc';
const W = 120; // mm
const H = 80;
const DPI = 72;

let base: string;
let browser: Browser;
let x4: string;

/** tiffsep plates of page 1 inside its TrimBox: ink 0–100 per pixel, per ink. */
async function plates(pdf: string, tag: string) {
  const out = join(base, `${tag}.tif`);
  tool('gs', '-q', '-dBATCH', '-dNOPAUSE', '-sDEVICE=tiffsep', `-r${DPI}`, '-dUseTrimBox', `-sOutputFile=${out}`, pdf);
  const read = async (ink: string) => {
    const { data, info } = await sharp(join(base, `${tag}(${ink}).tif`)).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    return { ink: Array.from(data, (v) => ((255 - v) / 255) * 100), width: info.width };
  };
  const [c, m, y, k] = await Promise.all(['Cyan', 'Magenta', 'Yellow', 'Black'].map(read));
  const at = (xMm: number, yMm: number) => {
    const i = Math.round((yMm / 25.4) * DPI) * c!.width + Math.round((xMm / 25.4) * DPI);
    return [c!.ink[i]!, m!.ink[i]!, y!.ink[i]!, k!.ink[i]!];
  };
  return { c: c!, m: m!, y: y!, k: k!, at, width: c!.width };
}

async function pagePdf(): Promise<Uint8Array> {
  const green = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 0, g: 200, b: 0 } } }).jpeg({ quality: 100, chromaSubsampling: '4:4:4' }).toBuffer();
  const plain = join(base, 'green.jpg');
  const adobe = join(base, 'green-adobe.jpg');
  writeFileSync(plain, green);
  writeFileSync(adobe, green);
  tool('exiftool', '-q', '-overwrite_original', `-icc_profile<=${ADOBE}`, adobe);
  const black = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 0, g: 0, b: 0 } } }).jpeg({ quality: 100 }).toBuffer();
  const url = (b: Buffer) => `data:image/jpeg;base64,${b.toString('base64')}`;
  const html = `<!doctype html><html><head><style>
    @page { size: ${W}mm ${H}mm; margin: 0 } body { margin: 0; font: 40pt sans-serif }
    div { position: absolute } img { position: absolute; width: 20mm; height: 20mm }
  </style></head><body>
    <div style="left:5mm;top:2mm;color:#000">黑黑黑黑</div>
    <div style="left:5mm;top:20mm;color:#111">黑黑黑黑</div>
    <div style="left:5mm;top:38mm;color:#c00;font-weight:bold">红红红红</div>
    <div style="left:5mm;top:60mm;width:50mm;height:3mm;background:#999"></div>
    <div style="left:5mm;top:66mm;width:60mm;height:13mm;background:#ff0;color:#000;font-size:28pt">叠印叠印</div>
    <img src="${url(readFileSync(adobe))}" style="left:70mm;top:5mm">
    <img src="${url(green)}" style="left:95mm;top:5mm">
    <img src="${url(black)}" style="left:70mm;top:40mm">
  </body></html>`;
  const page = await browser.newPage();
  await page.setContent(html);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  return pdf;
}

async function press(rgb: Uint8Array, format: Partial<PressFormat>, name: string, profile?: ResolvedProfile): Promise<string> {
  const out = await makePressPdf({
    rgbPdf: rgb, format: PressFormat.parse({ bleedMm: 0, ...format }), trimMm: { width: W, height: H },
    profile: profile ?? await readProfile(PROFILE, true), info: { title: '付印测试', author: '高琪', creator: 'Edition Desk test' },
  });
  const file = join(base, name);
  writeFileSync(file, out.pdf);
  return file;
}

/** The CMYK LittleCMS gives for an RGB colour from `from` to the output profile, relative colorimetric + BPC. */
function transicc(from: string, rgb: number[]): number[] {
  const r = spawnSync('transicc', [`-i${from}`, `-o${PROFILE}`, '-t1', '-b', '-n'], { input: `${rgb.join(' ')}\n`, encoding: 'utf8' });
  return r.stdout.trim().split('\n').pop()!.trim().split(/\s+/).map(Number);
}

describe.skipIf(!HAVE)('press PDF colour (Ghostscript, refereed by tiffsep and transicc)', () => {
  let rgb: Uint8Array;
  beforeAll(async () => {
    base = await tempDir('press');
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    rgb = await pagePdf();
    x4 = await press(rgb, { pdfx: '4' }, 'x4.pdf');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await cleanupTemp();
  });

  it('prints black and #111 text in K alone, the red text in colour, the grey rule as a K tint', async () => {
    const p = await plates(x4, 'x4');
    let kOnly = 0;
    let dirty = 0;
    // The two black lines: every inked pixel is 100 K with no C, M or Y under it.
    for (let y = Math.round((2 / 25.4) * DPI); y < Math.round((34 / 25.4) * DPI); y++) {
      for (let x = Math.round((5 / 25.4) * DPI); x < Math.round((65 / 25.4) * DPI); x++) {
        const i = y * p.width + x;
        if (p.k.ink[i]! > 0) { kOnly++; if (p.c.ink[i]! + p.m.ink[i]! + p.y.ink[i]! > 0) dirty++; }
      }
    }
    expect(kOnly).toBeGreaterThan(500);
    expect(dirty).toBe(0);
    // The red line: M and Y, the same as LittleCMS's conversion of #c00 within rounding.
    let red = 0;
    for (let y = Math.round((38 / 25.4) * DPI); y < Math.round((56 / 25.4) * DPI); y++) {
      for (let x = Math.round((5 / 25.4) * DPI); x < Math.round((65 / 25.4) * DPI); x++) {
        const i = y * p.width + x;
        if (p.m.ink[i]! > 50) { red++; expect(p.y.ink[i]!).toBeGreaterThan(50); }
      }
    }
    expect(red).toBeGreaterThan(300);
    const rule = p.at(30, 61.5);
    const want = transicc('*sRGB', [0x99, 0x99, 0x99]);
    expect(rule[0]! + rule[1]! + rule[2]!).toBe(0); // the grey rule: K only, not the profile's CMY grey
    expect(want[0]!).toBeGreaterThan(2); // (which LittleCMS would have given)
    expect(rule[3]!).toBeGreaterThan(20);
  }, 60_000);

  it('overprints 100 K text: the yellow box stays yellow under the black type', async () => {
    const p = await plates(x4, 'x4op');
    let k = 0;
    let knocked = 0;
    for (let y = Math.round((67 / 25.4) * DPI); y < Math.round((78 / 25.4) * DPI); y++) {
      for (let x = Math.round((6 / 25.4) * DPI); x < Math.round((64 / 25.4) * DPI); x++) {
        const i = y * p.width + x;
        if (p.k.ink[i]! > 90) { k++; if (p.y.ink[i]! < 50) knocked++; }
      }
    }
    expect(k).toBeGreaterThan(200);
    expect(knocked).toBe(0);
  }, 60_000);

  it('converts a photo from its own profile: Adobe RGB tagged and untagged (sRGB) as LittleCMS does', async () => {
    const p = await plates(x4, 'x4b');
    const adobe = p.at(80, 15);
    const srgb = p.at(105, 15);
    const wantAdobe = transicc(ADOBE, [0, 200, 0]);
    const wantSrgb = transicc('*sRGB', [0, 200, 0]);
    // The two references differ (C 81 against 63): the test can tell the profiles apart.
    expect(Math.abs(wantAdobe[0]! - wantSrgb[0]!)).toBeGreaterThan(10);
    for (let k = 0; k < 4; k++) {
      expect(Math.abs(adobe[k]! - wantAdobe[k]!), `Adobe RGB ink ${k}: ${adobe} vs ${wantAdobe}`).toBeLessThan(4);
      expect(Math.abs(srgb[k]! - wantSrgb[k]!), `sRGB ink ${k}: ${srgb} vs ${wantSrgb}`).toBeLessThan(4);
    }
  }, 60_000);

  it('keeps the total ink within the 240 % limit (tiffsep per pixel, inkcov per page)', async () => {
    const p = await plates(x4, 'x4c');
    let max = 0;
    for (let i = 0; i < p.c.ink.length; i++) max = Math.max(max, p.c.ink[i]! + p.m.ink[i]! + p.y.ink[i]! + p.k.ink[i]!);
    // The black photo is the darkest the profile prints; JPEG re-encoding may add a little.
    expect(max).toBeGreaterThan(200);
    expect(max).toBeLessThanOrEqual(243);
    const cov = tool('gs', '-q', '-o', '-', '-sDEVICE=inkcov', '-r72', x4).trim().split(/\s+/).slice(0, 4).map(Number);
    expect(cov.reduce((a, b) => a + b, 0)).toBeLessThan(2.4);
  }, 60_000);

  it('takes another ink limit: the default profile made again by colprof, the black photo within 200 %', async () => {
    const profile = await defaultProfile(join(RESOURCES, '..', 'out', 'renderer'), 200, join(base, 'cache'));
    expect(profile.facts.description).toContain('TAC 200%');
    const p = await plates(await press(rgb, { inkLimit: 200 }, 'x200.pdf', profile), 'x200');
    let max = 0;
    for (let i = 0; i < p.c.ink.length; i++) max = Math.max(max, p.c.ink[i]! + p.m.ink[i]! + p.y.ink[i]! + p.k.ink[i]!);
    expect(max).toBeGreaterThan(170);
    expect(max).toBeLessThanOrEqual(203);
  }, 180_000);

  it('writes PDF/X-4 keys, the OutputIntent with the profile, TrimBox and BleedBox, overprint on 100 K', () => {
    const qdf = join(base, 'x4.qdf');
    tool('qpdf', '--qdf', '--object-streams=disable', x4, qdf);
    const text = readFileSync(qdf, 'latin1');
    expect(text).toMatch(/\/GTS_PDFXVersion \(PDF\/X-4\)/);
    expect(text).toMatch(/<pdfxid:GTS_PDFXVersion>PDF\/X-4<\/pdfxid:GTS_PDFXVersion>/);
    expect(text).toMatch(/\/S \/GTS_PDFX/);
    expect(text).toMatch(/\/DestOutputProfile \d+ 0 R/);
    expect(text).not.toMatch(/\/DeviceRGB|\/ICCBased/);
    expect(text).toMatch(/\/op true/);
    // The OutputCondition names the profile (UTF-16BE hex of its description).
    const desc = 'Edition Desk newsprint stand-in: FOGRA29 uncoated, TAC 240%';
    const hex = [...desc].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
    expect(text.toUpperCase()).toContain(hex);
    const box = tool('pdfinfo', '-box', x4);
    const [, a, b, c, d] = /^TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/m.exec(box)!;
    expect(Number(c) - Number(a)).toBeCloseTo(W * MM, 0);
    expect(Number(d) - Number(b)).toBeCloseTo(H * MM, 0);
    expect(box).toMatch(/^BleedBox:/m);
    expect(tool('pdfinfo', x4)).toMatch(/^Title:\s+付印测试$/m);
  });

  it('writes PDF/X-1a:2003 flattened: no transparency group, no soft mask, PDF 1.3', async () => {
    const x1a = await press(rgb, { pdfx: '1a' }, 'x1a.pdf');
    const qdf = join(base, 'x1a.qdf');
    tool('qpdf', '--qdf', '--object-streams=disable', x1a, qdf);
    const text = readFileSync(qdf, 'latin1');
    expect(text).toMatch(/\/GTS_PDFXConformance \(PDF\/X-1a:2003\)/);
    expect(text).not.toMatch(/\/S \/Transparency|\/SMask|\/ICCBased|\/DeviceRGB/);
    expect(tool('pdfinfo', x1a)).toMatch(/^PDF version:\s+1\.3$/m);
    const fonts = tool('pdffonts', x1a).split('\n').slice(2).filter((l) => l.trim());
    // Embedded, every one (a Type 3 font, Ghostscript's own, cannot be a subset).
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.trim().split(/\s+/).at(-5), line).toBe('yes');
  }, 120_000);
});
