import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileMeta, writeCaptionMeta } from '../../electron/services/metadata';
import { copyFixtures, decode, EXPECTED_XMP, exiftool, META, pick, pngChunks, runExiftool, SKIP_REASON, type Tags } from './metadata-support';

// Writing PNG, TIFF, WebP (made here with sharp) and AVIF (sidecar).

const FIELDS = ['-G1', '-a', '-struct', '-XMP-dc:all', '-XMP-photoshop:all', '-XMP-iptcCore:all', '-Warning'];

function expectAllFields(t: Tags, label: string): void {
  expect(t, label).toMatchObject(EXPECTED_XMP);
}

const riff = (buf: Buffer) => {
  const out: { fourcc: string; bytes: Buffer; data: Buffer }[] = [];
  for (let p = 12; p + 8 <= buf.length;) {
    const size = buf.readUInt32LE(p + 4);
    out.push({ fourcc: buf.toString('latin1', p, p + 4), bytes: buf.subarray(p, p + 8 + size), data: buf.subarray(p + 8, p + 8 + size) });
    p += 8 + size + (size & 1);
  }
  return out;
};

describe.skipIf(!!SKIP_REASON)('writeCaptionMeta on PNG, TIFF, WebP, AVIF', () => {
  let fx: ReturnType<typeof copyFixtures>;
  const webps: Record<string, Buffer> = {};
  beforeAll(async () => {
    fx = copyFixtures(['PNG.png', 'DudleyLeavittUtah.tiff']);
    const rgb = { create: { width: 64, height: 48, channels: 3 as const, background: { r: 200, g: 30, b: 30 } } };
    const rgba = { create: { width: 64, height: 48, channels: 4 as const, background: { r: 20, g: 30, b: 200, alpha: 0.5 } } };
    webps['lossy.webp'] = await sharp(rgb).webp({ quality: 80 }).toBuffer(); // simple VP8
    webps['lossless.webp'] = await sharp(rgba).webp({ lossless: true }).toBuffer(); // simple VP8L with alpha
    webps['alpha.webp'] = await sharp(rgba).webp({ quality: 80 }).toBuffer(); // VP8X + ALPH + VP8
    for (const [n, b] of Object.entries(webps)) writeFileSync(join(fx.dir, n), b);
    writeFileSync(join(fx.dir, 'photo.avif'), await sharp(rgb).avif({ quality: 50 }).toBuffer());
  });

  it('PNG: one XMP iTXt before IDAT, IDAT untouched, tEXt kept', async () => {
    const p = fx.path('PNG.png');
    const old = readFileSync(p);
    const pixels = await decode(p);
    await writeCaptionMeta(p, META);
    const now = readFileSync(p);
    const idat = (b: Buffer) => pngChunks(b).filter((c) => c.type === 'IDAT').map((c) => c.bytes.toString('hex'));
    expect(idat(now)).toEqual(idat(old));
    expect((await decode(p)).equals(pixels)).toBe(true);
    const chunks = pngChunks(now);
    const xmp = chunks.filter((c) => c.type === 'iTXt' && c.data.toString('latin1').startsWith('XML:com.adobe.xmp\0'));
    expect(xmp).toHaveLength(1);
    expect(chunks.indexOf(xmp[0]!)).toBeLessThan(chunks.findIndex((c) => c.type === 'IDAT'));
    const t = exiftool([p], [...FIELDS, '-PNG:all'])[p]!;
    expectAllFields(t, 'PNG.png');
    expect(t['PNG:Comment']).toBe('test comment');
    expect((await readFileMeta(p)).caption).toEqual(META);
    await writeCaptionMeta(p, META);
    expect(readFileSync(p).equals(now)).toBe(true);
  });

  it('TIFF: XMP in tag 700 of an appended IFD0; strips, EXIF and pixels unchanged; later edits in place', async () => {
    const p = fx.path('DudleyLeavittUtah.tiff');
    const old = readFileSync(p);
    const pixels = await decode(p);
    const exifBefore = exiftool([p], ['-G1', '-a', '-EXIF:all', '-ICC_Profile:all'])[p]!;
    await writeCaptionMeta(p, META);
    const now = readFileSync(p);
    // Only the IFD0 offset in the header changes; everything else is appended.
    expect(now.subarray(8, old.length).equals(old.subarray(8))).toBe(true);
    expect((await decode(p)).equals(pixels)).toBe(true);
    const t = exiftool([p], [...FIELDS, '-EXIF:all', '-ICC_Profile:all'])[p]!;
    expectAllFields(t, 'TIFF');
    expect(t['ExifTool:Warning']).toBeUndefined();
    const exifNow = pick(t, /^(IFD0|ExifIFD|ICC|SubIFD)/);
    expect(exifNow).toEqual(pick(exifBefore, /^(IFD0|ExifIFD|ICC|SubIFD)/));
    expect((await readFileMeta(p)).caption).toEqual(META);
    await writeCaptionMeta(p, META);
    expect(readFileSync(p).equals(now)).toBe(true);
    // A shorter caption fits in the old packet's padding: same size, rewritten in place.
    await writeCaptionMeta(p, { ...META, caption: { zh: '沁源县城', en: '' } });
    expect(readFileSync(p).length).toBe(now.length);
    expect((await readFileMeta(p)).caption.caption).toEqual({ zh: '沁源县城', en: '' });
  });

  it('TIFF with IPTC-IIM (tag 33723): IIM rewritten in UTF-8, unmanaged datasets kept', async () => {
    const p = copyFixtures(['DudleyLeavittUtah.tiff']).path('DudleyLeavittUtah.tiff');
    runExiftool(['-IPTC:Caption-Abstract=Old caption', '-IPTC:ObjectName=Keep me', '-IPTC:Keywords=old', p]);
    expect((await readFileMeta(p)).caption).toMatchObject({ caption: { zh: '', en: 'Old caption' }, keywords: ['old'] });
    await writeCaptionMeta(p, META);
    const t = exiftool([p], ['-G1', '-a', '-IPTC:all', '-XMP-dc:Description', '-validate', '-Warning'])[p]!;
    expect(t).toMatchObject({
      'IPTC:CodedCharacterSet': 'UTF8', 'IPTC:ObjectName': 'Keep me', 'IPTC:Caption-Abstract': META.caption.zh,
      'IPTC:Keywords': ['两会', '沁源'], 'IPTC:By-line': '张三', 'XMP-dc:Description': META.caption.zh,
    });
    expect(JSON.stringify(t)).not.toMatch(/Non-standard format|IPTCDigest is not current/);
    expect((await readFileMeta(p)).caption).toEqual(META);
  });

  it('WebP: XMP chunk and VP8X flag, also for simple VP8/VP8L files; image chunks untouched', async () => {
    const files = Object.keys(webps).map(fx.path);
    for (const f of Object.keys(webps)) {
      const p = fx.path(f);
      const pixels = await decode(p);
      await writeCaptionMeta(p, META);
      const now = readFileSync(p);
      const chunks = riff(now);
      expect(chunks[0]!.fourcc, f).toBe('VP8X');
      expect(chunks[0]!.data[0]! & 0x04, `${f} XMP flag`).toBe(0x04);
      expect(chunks[0]!.data.readUIntLE(4, 3) + 1, f).toBe(64);
      expect(chunks[0]!.data.readUIntLE(7, 3) + 1, f).toBe(48);
      expect(chunks.filter((c) => c.fourcc === 'XMP ')).toHaveLength(1);
      const image = (b: Buffer) => riff(b).filter((c) => /^(VP8 |VP8L|ALPH)$/.test(c.fourcc)).map((c) => c.bytes.toString('hex'));
      expect(image(now), f).toEqual(image(webps[f]!));
      expect((await decode(p)).equals(pixels), f).toBe(true);
      expect(now.readUInt32LE(4), `${f} RIFF size`).toBe(now.length - 8);
      expect((await sharp(now).metadata()).hasAlpha, f).toBe(f !== 'lossy.webp');
      await writeCaptionMeta(p, META);
      expect(readFileSync(p).equals(now), `${f} idempotent`).toBe(true);
    }
    const tags = exiftool(files, FIELDS);
    for (const f of files) {
      expectAllFields(tags[f]!, f);
      expect(tags[f]!['ExifTool:Warning'], f).toBeUndefined();
      expect((await readFileMeta(f)).caption, f).toEqual(META);
    }
  });

  it('AVIF: leaves the file alone and writes an XMP sidecar', async () => {
    const p = fx.path('photo.avif');
    const old = readFileSync(p);
    const { sidecar } = await writeCaptionMeta(p, META);
    expect(sidecar).toBe(join(fx.dir, 'photo.xmp'));
    expect(readFileSync(p).equals(old)).toBe(true);
    expectAllFields(exiftool([sidecar!], FIELDS)[sidecar!]!, 'photo.xmp');
    expect((await readFileMeta(p)).caption).toEqual(META);
    const first = readFileSync(sidecar!);
    await writeCaptionMeta(p, META);
    expect(readFileSync(sidecar!).equals(first)).toBe(true);
    expect(existsSync(join(fx.dir, 'photo.avif.xmp'))).toBe(false);
  });

  it('camera raw (TIFF-based, here a .nef): never written into, sidecar instead', async () => {
    const p = join(fx.dir, 'DSC_0001.nef');
    writeFileSync(p, readFileSync(copyFixtures(['DudleyLeavittUtah.tiff']).path('DudleyLeavittUtah.tiff'))); // untouched original
    const old = readFileSync(p);
    expect((await writeCaptionMeta(p, META)).sidecar).toBe(join(fx.dir, 'DSC_0001.xmp'));
    expect(readFileSync(p).equals(old)).toBe(true);
    expect((await readFileMeta(p)).caption).toEqual(META);
  });
});
