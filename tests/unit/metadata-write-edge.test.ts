import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors';
import type { PhotoMeta } from '../../shared/document/schema';
import { readFileMeta, writeCaptionMeta } from '../../electron/services/metadata';
import { copyFixtures, exiftool, jpegSegments, META, runExiftool, SKIP_REASON } from './metadata-support';

// Failed writes leave the file as it was; empty fields remove properties; the EXIF and IIM
// charset corner cases.

const EMPTY: PhotoMeta = {
  caption: { zh: '', en: '' }, headline: '', creator: '', credit: '', source: '', copyright: '', dateCreated: '',
  location: { city: '', sublocation: '' }, keywords: [],
};

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** Makes a folder unwritable, also for root (chattr +i); null when this system cannot. */
function lockDir(dir: string): (() => void) | null {
  let undo: () => void;
  if (process.getuid?.() === 0) {
    if (spawnSync('chattr', ['+i', dir]).status !== 0) return null;
    undo = () => spawnSync('chattr', ['-i', dir]);
  } else {
    chmodSync(dir, 0o555);
    undo = () => chmodSync(dir, 0o755);
  }
  try {
    writeFileSync(join(dir, '.probe'), 'x');
    rmSync(join(dir, '.probe'));
    undo();
    return null;
  } catch {
    return undo;
  }
}

describe.skipIf(!!SKIP_REASON)('writeCaptionMeta: failures and edge cases', () => {
  let fx: ReturnType<typeof copyFixtures>;
  beforeAll(() => {
    fx = copyFixtures(['PhotoMechanic.jpg', 'Canon_40D.jpg', 'no_exif.jpg', 'olympus-d320l.jpg', 'BlueSquare.jpg']);
  });

  it('refuses a truncated JPEG (no SOS) and leaves it unchanged', async () => {
    const p = join(fx.dir, 'cut.jpg');
    const whole = readFileSync(fx.path('Canon_40D.jpg'));
    const cut = whole.subarray(0, jpegSegments(whole).sos - 10); // inside the last table before the scan
    writeFileSync(p, cut);
    const e = await rejection(writeCaptionMeta(p, META));
    expect(e.code).toBe('METADATA_WRITE_FAILED');
    expect(e.detail).toMatch(/cut\.jpg.*(SOS|ends)/);
    expect(readFileSync(p).equals(cut)).toBe(true);
    expect(readdirSync(fx.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // Reading still gets the metadata in the segments that arrived.
    const m = await readFileMeta(p);
    expect(m.tech).toMatchObject({ make: 'Canon', model: 'Canon EOS 40D', format: 'jpeg', width: 0 });
    expect(m.warnings.join('\n')).toMatch(/truncated/);
  });

  it('fails cleanly in a read-only folder', async (ctx) => {
    const f = copyFixtures(['IPTC.jpg']);
    const p = f.path('IPTC.jpg');
    const old = readFileSync(p);
    const unlock = lockDir(f.dir);
    if (!unlock) return ctx.skip('SKIPPED: cannot make a folder read-only here (no chattr as root)');
    try {
      const e = await rejection(writeCaptionMeta(p, META));
      expect(e.code).toBe('METADATA_WRITE_FAILED');
    } finally {
      unlock();
    }
    expect(readFileSync(p).equals(old)).toBe(true);
    expect(readdirSync(f.dir)).toEqual(['IPTC.jpg']);
  });

  it('refuses a date that is not one, and a file that is not an image', async () => {
    const p = fx.path('Canon_40D.jpg');
    const old = readFileSync(p);
    expect((await rejection(writeCaptionMeta(p, { ...META, dateCreated: '二月底' }))).code).toBe('INVALID_ARGUMENT');
    expect(readFileSync(p).equals(old)).toBe(true);
    const txt = join(fx.dir, 'notes.webp');
    writeFileSync(txt, 'not a picture');
    expect((await rejection(writeCaptionMeta(txt, META))).code).toBe('UNSUPPORTED_FORMAT');
    // Everyday spellings of a date are normalised to XMP's.
    await writeCaptionMeta(p, { ...META, dateCreated: '2026年2月6日' });
    expect((await readFileMeta(p)).caption.dateCreated).toBe('2026-02-06');
  });

  it('refuses to replace an XMP packet it cannot parse (it would lose what is in it)', async () => {
    const p = join(fx.dir, 'badxmp.jpg');
    const jpeg = readFileSync(fx.path('Canon_40D.jpg'));
    const body = Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF', 'latin1');
    const seg = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
    const bad = Buffer.concat([jpeg.subarray(0, 2), seg, jpeg.subarray(2)]);
    writeFileSync(p, bad);
    const m = await readFileMeta(p);
    expect(m.warnings.join('\n')).toMatch(/XMP/);
    expect(m.tech.make).toBe('Canon');
    expect((await rejection(writeCaptionMeta(p, META))).code).toBe('METADATA_WRITE_FAILED');
    expect(readFileSync(p).equals(bad)).toBe(true);
  });

  it('removes properties for empty fields; a lone English caption is x-default', async () => {
    const p = fx.path('PhotoMechanic.jpg');
    await writeCaptionMeta(p, META);
    await writeCaptionMeta(p, { ...EMPTY, caption: { zh: '', en: 'Only English' } });
    const t = exiftool([p], ['-G1', '-a', '-XMP-dc:all', '-XMP-photoshop:all', '-XMP-iptcCore:all', '-IPTC:all'])[p]!;
    expect(t).toMatchObject({ 'XMP-dc:Description': 'Only English', 'XMP-dc:Description-en': 'Only English', 'IPTC:Caption-Abstract': 'Only English' });
    for (const k of ['XMP-dc:Description-zh-CN', 'XMP-dc:Creator', 'XMP-dc:Subject', 'XMP-dc:Rights', 'XMP-photoshop:Headline', 'XMP-photoshop:City',
      'XMP-photoshop:Credit', 'XMP-photoshop:Source', 'XMP-photoshop:DateCreated', 'XMP-iptcCore:Location', 'IPTC:By-line', 'IPTC:Keywords',
      'IPTC:Headline', 'IPTC:City', 'IPTC:DateCreated', 'IPTC:TimeCreated', 'IPTC:CopyrightNotice']) expect(t[k], k).toBeUndefined();
    expect(t).toMatchObject({ 'XMP-photoshop:Instructions': 'Special ins', 'IPTC:SpecialInstructions': 'Special ins' });
    expect((await readFileMeta(p)).caption).toEqual({ ...EMPTY, caption: { zh: '', en: 'Only English' } });
  });

  it('keeps the new caption over old EXIF text, until EXIF is edited again (MWG)', async () => {
    const p = fx.path('no_exif.jpg'); // EXIF ImageDescription "Der Goalie bin ig", Artist "CREDIT"
    await writeCaptionMeta(p, META);
    expect((await readFileMeta(p)).caption).toEqual(META);
    runExiftool(['-EXIF:Artist=Photo Desk', p]); // a tool that knows only EXIF
    expect((await readFileMeta(p)).caption.creator).toBe('Photo Desk');
  });

  it('re-encodes the IIM it keeps to UTF-8 when the file had Latin-1', async () => {
    const p = fx.path('olympus-d320l.jpg');
    runExiftool(['-charset', 'iptc=Latin', '-IPTC:ObjectName=Café Zürich', '-IPTC:Caption-Abstract=Ancien', p]);
    await writeCaptionMeta(p, META);
    const t = exiftool([p], ['-G1', '-IPTC:all'])[p]!;
    expect(t).toMatchObject({ 'IPTC:CodedCharacterSet': 'UTF8', 'IPTC:ObjectName': 'Café Zürich', 'IPTC:Caption-Abstract': META.caption.zh });
  });

  it('keeps a caption longer than the IIM limit whole in XMP and reads that back', async () => {
    const p = fx.path('BlueSquare.jpg');
    const long = { ...META, caption: { zh: '沁'.repeat(1500), en: '' } };
    await writeCaptionMeta(p, long);
    const t = exiftool([p], ['-G1', '-IPTC:Caption-Abstract', '-b'])[p]!;
    expect(Buffer.byteLength(String(t['IPTC:Caption-Abstract']), 'utf8')).toBeLessThanOrEqual(2000);
    expect((await readFileMeta(p)).caption.caption.zh).toBe('沁'.repeat(1500));
  });
});
