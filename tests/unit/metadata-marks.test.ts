import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readFileMeta, sidecarPath, writeCaptionMeta, writeMarksMeta } from '../../electron/services/metadata';
import { labelFromXmp, labelToXmp, ratingFromXmp } from '../../shared/photo/marks';
import { copyFixtures, decode, exiftool, frameBytes, META, pick, pngChunks, runExiftool, SKIP_REASON } from './metadata-support';

// Ratings and colour labels in the file (xmp:Rating, xmp:Label), by the caption path: the
// compressed image keeps its bytes, EXIF is untouched, exiftool reads them back.

const MARK_TAGS = ['-G1', '-a', '-XMP-xmp:Rating', '-XMP-xmp:Label', '-EXIF:all', '-XMP-dc:all'];

function tiffStrips(file: string): Buffer {
  const t = exiftool([file], ['-n', '-StripOffsets', '-StripByteCounts'])[file]!;
  const offs = String(t['StripOffsets']).split(' ').map(Number);
  const counts = String(t['StripByteCounts']).split(' ').map(Number);
  const buf = readFileSync(file);
  return Buffer.concat(offs.map((o, i) => buf.subarray(o, o + counts[i]!)));
}

describe('label names', () => {
  it('maps the desk labels to Bridge / Photo Mechanic names and back', () => {
    expect(labelToXmp('red')).toBe('Red');
    expect(labelToXmp('purple')).toBe('Purple');
    expect(labelToXmp('none')).toBe('');
    expect(labelFromXmp('Yellow')).toBe('yellow');
    expect(labelFromXmp(' green ')).toBe('green');
    expect(labelFromXmp('红色')).toBe('red');
    expect(labelFromXmp('Approved')).toBe('none');
    expect(ratingFromXmp('-1')).toBe(0);
    expect(ratingFromXmp('4.0')).toBe(4);
    expect(ratingFromXmp('9')).toBe(5);
  });
});

describe.skipIf(!!SKIP_REASON)('writeMarksMeta on real files', () => {
  it('JPEG: Rating 4 and Label Red read back by exiftool; scans and EXIF byte-identical; captions kept', async () => {
    const fx = copyFixtures(['Canon_40D.jpg']);
    const p = fx.path('Canon_40D.jpg');
    await writeCaptionMeta(p, META);
    const before = readFileSync(p);
    const exifBefore = pick(exiftool([p], MARK_TAGS)[p]!, /^(EXIF|IFD|ExifIFD|GPS|InteropIFD)/);
    await writeMarksMeta(p, { rating: 4, label: 'red' });
    const after = readFileSync(p);
    expect(frameBytes(after).equals(frameBytes(before))).toBe(true);
    const t = exiftool([p], MARK_TAGS)[p]!;
    expect(t['XMP-xmp:Rating']).toBe(4);
    expect(t['XMP-xmp:Label']).toBe('Red');
    expect(t['XMP-dc:Description-zh-CN']).toBe(META.caption.zh);
    expect(pick(t, /^(EXIF|IFD|ExifIFD|GPS|InteropIFD)/)).toEqual(exifBefore);
    // A caption written afterwards keeps the picks; only the marks given change.
    await writeCaptionMeta(p, { ...META, headline: '新标题' });
    await writeMarksMeta(p, { rating: 2 });
    const again = exiftool([p], MARK_TAGS)[p]!;
    expect(again['XMP-xmp:Rating']).toBe(2);
    expect(again['XMP-xmp:Label']).toBe('Red');
    const read = await readFileMeta(p);
    expect(read.marks).toEqual({ rating: 2, label: 'red' });
    expect(read.caption.headline).toBe('新标题');
    // Clearing removes the properties; a second identical write changes no byte.
    await writeMarksMeta(p, { rating: 0, label: 'none' });
    const cleared = exiftool([p], MARK_TAGS)[p]!;
    expect(cleared['XMP-xmp:Rating']).toBeUndefined();
    expect(cleared['XMP-xmp:Label']).toBeUndefined();
    const once = readFileSync(p);
    await writeMarksMeta(p, { rating: 0, label: 'none' });
    expect(readFileSync(p).equals(once)).toBe(true);
    expect(frameBytes(once).equals(frameBytes(before))).toBe(true);
  });

  it('PNG: marks in the XMP iTXt, IDAT untouched, pixels the same', async () => {
    const fx = copyFixtures(['PNG.png']);
    const p = fx.path('PNG.png');
    const old = readFileSync(p);
    const pixels = await decode(p);
    await writeMarksMeta(p, { rating: 5, label: 'blue' });
    const idat = (b: Buffer) => pngChunks(b).filter((c) => c.type === 'IDAT').map((c) => c.bytes.toString('hex'));
    expect(idat(readFileSync(p))).toEqual(idat(old));
    expect((await decode(p)).equals(pixels)).toBe(true);
    const t = exiftool([p], MARK_TAGS)[p]!;
    expect(t['XMP-xmp:Rating']).toBe(5);
    expect(t['XMP-xmp:Label']).toBe('Blue');
  });

  it('TIFF: marks in tag 700, strips byte-identical, in place on the second write', async () => {
    const fx = copyFixtures(['DudleyLeavittUtah.tiff']);
    const p = fx.path('DudleyLeavittUtah.tiff');
    const strips = tiffStrips(p);
    await writeMarksMeta(p, { rating: 3, label: 'green' });
    const first = readFileSync(p);
    expect(tiffStrips(p).equals(strips)).toBe(true);
    let t = exiftool([p], MARK_TAGS)[p]!;
    expect(t['XMP-xmp:Rating']).toBe(3);
    expect(t['XMP-xmp:Label']).toBe('Green');
    await writeMarksMeta(p, { rating: 1, label: 'yellow' });
    expect(readFileSync(p).length).toBe(first.length); // fits the padding: written in place
    expect(tiffStrips(p).equals(strips)).toBe(true);
    t = exiftool([p], MARK_TAGS)[p]!;
    expect(t['XMP-xmp:Rating']).toBe(1);
    expect(t['XMP-xmp:Label']).toBe('Yellow');
  });

  it('WebP in its XMP chunk; AVIF in a .xmp sidecar beside it, the file untouched, the caption sidecar kept', async () => {
    const fx = copyFixtures([]);
    const rgb = { create: { width: 64, height: 48, channels: 3 as const, background: { r: 200, g: 30, b: 30 } } };
    const webp = join(fx.dir, 'a.webp');
    writeFileSync(webp, await sharp(rgb).webp({ quality: 80 }).toBuffer());
    await writeMarksMeta(webp, { rating: 2, label: 'yellow' });
    expect(exiftool([webp], MARK_TAGS)[webp]).toMatchObject({ 'XMP-xmp:Rating': 2, 'XMP-xmp:Label': 'Yellow' });
    const avif = join(fx.dir, 'b.avif');
    const bytes = await sharp(rgb).avif({ quality: 50 }).toBuffer();
    writeFileSync(avif, bytes);
    await writeCaptionMeta(avif, META);
    const r = await writeMarksMeta(avif, { rating: 5, label: 'blue' });
    expect(r.sidecar).toBe(sidecarPath(avif));
    expect(readFileSync(avif).equals(bytes)).toBe(true);
    const t = exiftool([r.sidecar!], MARK_TAGS)[r.sidecar!]!;
    expect(t).toMatchObject({ 'XMP-xmp:Rating': 5, 'XMP-xmp:Label': 'Blue', 'XMP-dc:Description-zh-CN': META.caption.zh });
    expect((await readFileMeta(avif)).marks).toEqual({ rating: 5, label: 'blue' });
  });

  it('reads marks other tools wrote: MWG.jpg has Rating 3, exiftool-written Label Purple', async () => {
    const fx = copyFixtures(['MWG.jpg', 'IPTC.jpg']);
    expect((await readFileMeta(fx.path('MWG.jpg'))).marks).toEqual({ rating: 3, label: null });
    runExiftool(['-XMP-xmp:Label=Purple', '-XMP-xmp:Rating=5', fx.path('IPTC.jpg')]);
    expect((await readFileMeta(fx.path('IPTC.jpg'))).marks).toEqual({ rating: 5, label: 'purple' });
    // A label the desk does not know stays in the file when only the rating changes.
    runExiftool(['-XMP-xmp:Label=Approved', fx.path('IPTC.jpg')]);
    await writeMarksMeta(fx.path('IPTC.jpg'), { rating: 1 });
    const t = exiftool([fx.path('IPTC.jpg')], MARK_TAGS)[fx.path('IPTC.jpg')]!;
    expect(t['XMP-xmp:Label']).toBe('Approved');
    expect(t['XMP-xmp:Rating']).toBe(1);
  });

  it('a file with no capture date in XMP or IPTC takes EXIF DateTimeOriginal as 拍摄日期', async () => {
    const fx = copyFixtures(['Canon_40D.jpg', 'no_exif.jpg']);
    const m = await readFileMeta(fx.path('Canon_40D.jpg'));
    expect(m.tech.captureDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(m.caption.dateCreated).toBe('2008-05-30T15:56:01');
    expect((await readFileMeta(fx.path('no_exif.jpg'))).caption.dateCreated).toBe('');
  });
});
